namespace Invoicing.Periods;

/// <summary>A month cannot be closed or reopened as asked (not ended yet, closed already, open already); nothing changed.</summary>
public sealed class PeriodStateException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
