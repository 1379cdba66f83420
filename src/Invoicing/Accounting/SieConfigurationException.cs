namespace Invoicing.Accounting;

/// <summary>The SIE accounts are not configured, or not usable; the message names the setting.</summary>
public sealed class SieConfigurationException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
