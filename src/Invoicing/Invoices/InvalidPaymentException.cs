namespace Invoicing.Invoices;

/// <summary>A payment that cannot be booked as given (amount, date, reference); nothing was booked.</summary>
public sealed class InvalidPaymentException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public InvalidPaymentException(string message) : this(message, message)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;
}
