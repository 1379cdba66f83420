namespace Invoicing.Payments.BankFiles;

/// <summary>
/// What an entry of a bank file is, as the bank says it: only <see cref="Payment"/> is money a payer sent us; the
/// others are read so that every entry of a file is accounted for, and each is handled for what it is.
/// </summary>
public enum BankEntryKind
{
    /// <summary>Money received from a payer: a camt.054 credit (<c>CRDT</c>, booked), a BgMax payment (TK20).</summary>
    Payment,

    /// <summary>A BgMax deduction (TK21): the payer took money off the deposit (e.g. a credit invoice). Negative.</summary>
    Deduction,

    /// <summary>
    /// The bank took back a credit it had given us: a camt.054 debit marked <c>RvslInd</c> or with a reversal or
    /// return bank transaction code (<see cref="CamtBankTransactionCode"/>). Negative; it undoes a booked payment.
    /// </summary>
    Reversal,

    /// <summary>A credit that is a reversal (<c>RvslInd</c>, or a return code): money of ours coming back, not a payer's payment.</summary>
    ReturnedDebit,

    /// <summary>
    /// Money leaving the account that is not a reversal: our own payment (a supplier, a refund). Negative. Its
    /// <see cref="BankEntry.References"/> are kept: one naming an invoice's OCR that owes as much back is booked as its
    /// refund; nothing else books it.
    /// </summary>
    Outgoing,

    /// <summary>A camt.054 entry the bank has not booked yet (<c>PDNG</c>, or another status than <c>BOOK</c> and <c>INFO</c>): reported again once booked.</summary>
    Pending,

    /// <summary>A camt.054 entry for information only (<c>INFO</c>): no money moved.</summary>
    Information,
}
