using Invoicing.Payments;

namespace Invoicing.Web.Contracts;

/// <summary>
/// What importing a bank file did, in totals and per entry, and the file as the archive records it. A shared account's
/// other receivables are only counted (<c>notOurs</c>): they have no entry.
/// </summary>
public sealed record ImportReportView(
    string Source,
    string Format,
    int Booked,
    int AlreadyBooked,
    int SamePayment,
    int Unmatched,
    int AlreadyUnmatched,
    int Outgoing,
    int NotBooked,
    int NotOurs,
    int PaidInAdvance,
    IReadOnlyList<ImportReportView.Entry> Entries)
{
    /// <summary>
    /// The archived file: its id (SHA-256) names it on every payment booked from it; <c>imports</c> above 1 says it had
    /// been imported before (from any entrance) and was not archived again.
    /// </summary>
    public BankFileView? File { get; init; }

    public static ImportReportView From(ImportedBankFile imported) => From(imported.Report) with { File = BankFileView.From(imported.File) };

    public static ImportReportView From(ImportReport report) => new(
        report.Source,
        report.Format.ToString(),
        report.Booked,
        report.AlreadyBooked,
        report.SamePayment,
        report.Unmatched,
        report.AlreadyUnmatched,
        report.Outgoing,
        report.NotBooked,
        report.NotOurs,
        report.PaidInAdvance,
        [.. report.Lines.Select(l => new Entry(
            l.Entry.EntryReference,
            l.Entry.Kind.ToString(),
            Kronor.From(l.Entry.Amount),
            l.Entry.BookingDate,
            l.Entry.Reference,
            l.Entry.Texts,
            l.Entry.PayerName,
            l.Outcome.ToString(),
            l.Bookings.Count > 0 ? l.Bookings[0].Invoice.Number.ToString() : null,
            l.Bookings.Count > 0 ? l.Bookings[0].After.ToString() : null,
            l.Bookings.Count > 0 ? l.Bookings[0].Flag.ToString() : null,
            [.. l.Bookings.Select(Booking.From)],
            l.Reason,
            l.UnmatchedId,
            l.Suggested is { } s ? SuggestionView.From(s) : null))]);

    /// <summary>
    /// One bank entry: its <c>kind</c> (Payment, Deduction, Reversal, ReturnedDebit, Outgoing, Pending, Information) and
    /// <c>outcome</c> (Booked, AlreadyBooked, SamePayment, Unmatched, AlreadyUnmatched, Outgoing, NotBooked).
    /// <c>invoice</c>, <c>statusAfter</c> and <c>flag</c> are those of the first booking; <c>bookings</c> has every
    /// invoice a payment was shared among.
    /// </summary>
    public sealed record Entry(
        string EntryReference,
        string Kind,
        decimal Amount,
        DateOnly Date,
        string? Reference,
        IReadOnlyList<string> Texts,
        string? PayerName,
        string Outcome,
        string? Invoice,
        string? StatusAfter,
        string? Flag,
        IReadOnlyList<Booking> Bookings,
        string? Reason,
        string? UnmatchedId,
        SuggestionView? Suggested);

    /// <summary>One invoice's part of a payment: <c>part</c> of <c>parts</c> when the payment was shared, else null.</summary>
    public sealed record Booking(string Invoice, decimal Amount, string StatusBefore, string StatusAfter, string Flag, bool PaidInAdvance, int? Part, int? Parts)
    {
        public static Booking From(BookingResult result) =>
            new(result.Invoice.Number.ToString(), Kronor.From(result.Amount), result.Before.ToString(), result.After.ToString(), result.Flag.ToString(),
                result.PaidInAdvance, result.Split?.Part, result.Split?.Parts);
    }
}
