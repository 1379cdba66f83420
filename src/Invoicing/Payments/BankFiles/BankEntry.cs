namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One credit the bank reports, as read from the file and not yet matched to an invoice.
/// </summary>
/// <param name="EntryReference">
/// The bank's own unique reference for the credit, prefixed by format (<c>camt:&lt;AcctSvcrRef&gt;</c>,
/// <c>bgmax:&lt;receiving bankgiro&gt;:&lt;payment date&gt;:&lt;BGC serial number&gt;</c>): the same credit read
/// again, from the same or an overlapping file, has the same reference, which is what makes an import idempotent.
/// </param>
/// <param name="Amount">Positive for a payment; negative for a BgMax deduction or a reversal of a credit.</param>
/// <param name="BookingDate">The day the bank booked the credit (camt <c>BookgDt</c>, BgMax deposit payment date).</param>
/// <param name="Reference">The payment reference as the payer gave it, trimmed (usually an OCR number); null when none.</param>
/// <param name="PayerName">The payer's name when the bank reports it.</param>
/// <param name="ReceivingAccount">Our account that was credited: the IBAN or other account id (camt), the bankgiro number without leading zeros (BgMax).</param>
/// <param name="IsDeduction">True for a BgMax deduction record (TK21): money taken back from the deposit.</param>
public sealed record BankEntry(
    string EntryReference,
    Money Amount,
    DateOnly BookingDate,
    string? Reference,
    string? PayerName,
    string? ReceivingAccount,
    bool IsDeduction)
{
    /// <summary>Longest entry reference kept (the bank's own is at most 35 characters; camt adds its prefix and index).</summary>
    public const int MaxEntryReferenceLength = 100;

    /// <summary>Longest payment reference kept: camt's unstructured remittance line (Max140Text).</summary>
    public const int MaxReferenceLength = 140;

    /// <summary>Longest payer name kept: camt's party name (Max140Text).</summary>
    public const int MaxPayerNameLength = 140;

    /// <summary>
    /// True for a camt reversal (<c>RvslInd</c> true, or a debit quoting a creditor reference): with a negative
    /// <see cref="Amount"/> it takes back a credit, so it undoes a booked payment or waits for a person.
    /// </summary>
    public bool IsReversal { get; init; }
}
