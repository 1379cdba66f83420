namespace Invoicing;

/// <summary>
/// A date that lies after today (in Sweden) where only what has happened may be recorded: a budget decision,
/// a real reminder run, a payment. Nothing was written.
/// </summary>
public sealed class DateInFutureException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public DateInFutureException(string message) : this(message, message)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;
}
