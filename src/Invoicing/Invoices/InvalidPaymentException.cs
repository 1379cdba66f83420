namespace Invoicing.Invoices;

/// <summary>A payment that cannot be booked as given (amount, date, reference); nothing was booked.</summary>
public sealed class InvalidPaymentException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
