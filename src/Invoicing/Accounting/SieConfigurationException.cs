namespace Invoicing.Accounting;

/// <summary>The SIE accounts are not configured, or not usable; the message names the setting.</summary>
public sealed class SieConfigurationException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public SieConfigurationException(string message) : this(message, message)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;
}
