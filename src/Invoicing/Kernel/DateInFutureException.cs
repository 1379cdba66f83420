namespace Invoicing;

/// <summary>
/// A date that lies after today (in Sweden) where only what has happened may be recorded: a budget decision,
/// a real reminder run, a payment. Nothing was written.
/// </summary>
public sealed class DateInFutureException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
