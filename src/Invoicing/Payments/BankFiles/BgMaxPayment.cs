namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A TK20 payment or TK21 deduction waiting for its deposit record (TK15), which comes after it and gives the
/// booking date. <see cref="Amount"/> is already negative for a deduction.
/// </summary>
internal sealed record BgMaxPayment(int Line, bool IsDeduction, Money Amount, string? Reference, string SerialNumber, string? PayerName);
