using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// What importing a bank file did with each of its entries: a line for each, except the entries that are not ours
/// (<see cref="NotOurs"/>), which are only counted.
/// </summary>
public sealed record ImportReport(string Source, BankFileFormat Format, IReadOnlyList<ImportLine> Lines)
{
    /// <summary>
    /// Entries of a shared account's file that are the organisation's other receivables (<see cref="OtherReceivables"/>):
    /// counted, kept in the archived file, neither booked nor listed, and given no line.
    /// </summary>
    public int NotOurs { get; init; }

    public int Booked => Count(ImportOutcome.Booked);

    public int AlreadyBooked => Count(ImportOutcome.AlreadyBooked);

    public int SamePayment => Count(ImportOutcome.SamePayment);

    public int Unmatched => Count(ImportOutcome.Unmatched);

    public int AlreadyUnmatched => Count(ImportOutcome.AlreadyUnmatched);

    public int Outgoing => Count(ImportOutcome.Outgoing);

    public int NotBooked => Count(ImportOutcome.NotBooked);

    /// <summary>Bookings dated before their invoice was issued, booked now (each is said on its line).</summary>
    public int PaidInAdvance => Lines.Where(l => l.Outcome == ImportOutcome.Booked).SelectMany(l => l.Bookings).Count(b => b.Booked && b.PaidInAdvance);

    /// <summary>True when the import changed nothing: every entry was already handled, or is only listed.</summary>
    public bool NothingNew => Booked == 0 && Unmatched == 0 && SamePayment == 0;

    private int Count(ImportOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>
/// One entry's outcome. <see cref="Bookings"/> are the records it was (or had been) booked as — one per invoice
/// when it paid several; <see cref="Reason"/> says why it is unmatched, only listed, or the same payment as another.
/// </summary>
public sealed record ImportLine(BankEntry Entry, ImportOutcome Outcome, IReadOnlyList<BookingResult> Bookings, string? Reason)
{
    /// <summary>The id to book it by on the unmatched list (the entry's key), when it is there.</summary>
    public string? UnmatchedId { get; init; }

    /// <summary>An invoice its texts or references name, offered to the person who books it.</summary>
    public InvoiceSuggestion? Suggested { get; init; }
}

public enum ImportOutcome
{
    /// <summary>Booked now, on one invoice or shared among several.</summary>
    Booked,

    /// <summary>Booked by an earlier import (this file, an overlapping one, or the same payment in the other format).</summary>
    AlreadyBooked,

    /// <summary>The same payment as one already booked or listed, delivered again in the other format: recorded, not booked again.</summary>
    SamePayment,

    /// <summary>Put on the unmatched list for a person.</summary>
    Unmatched,

    /// <summary>On the unmatched list already.</summary>
    AlreadyUnmatched,

    /// <summary>Money paid out of our account that is not a reversal nor an invoice's refund (a supplier payment): counted and listed, never booked.</summary>
    Outgoing,

    /// <summary>An entry the bank has not booked (pending) or reports for information only: listed with why.</summary>
    NotBooked,

    /// <summary>On a shared account, another receivable's payment (<see cref="OtherReceivables"/>): counted, not booked, not listed.</summary>
    NotOurs,
}
