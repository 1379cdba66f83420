using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>What importing a bank file did with each of its entries.</summary>
public sealed record ImportReport(string Source, BankFileFormat Format, IReadOnlyList<ImportLine> Lines)
{
    public int Booked => Lines.Count(l => l.Outcome == ImportOutcome.Booked);

    public int AlreadyBooked => Lines.Count(l => l.Outcome == ImportOutcome.AlreadyBooked);

    public int Unmatched => Lines.Count(l => l.Outcome == ImportOutcome.Unmatched);

    public int AlreadyUnmatched => Lines.Count(l => l.Outcome == ImportOutcome.AlreadyUnmatched);

    /// <summary>True when the import changed nothing: every entry was already handled.</summary>
    public bool NothingNew => Booked == 0 && Unmatched == 0;
}

/// <summary>One entry's outcome; <see cref="Booking"/> when it was (or had been) booked, <see cref="Reason"/> when unmatched.</summary>
public sealed record ImportLine(BankEntry Entry, ImportOutcome Outcome, BookingResult? Booking, string? Reason);

public enum ImportOutcome
{
    Booked,
    AlreadyBooked,
    Unmatched,
    AlreadyUnmatched,
}
