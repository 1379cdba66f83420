using Invoicing.Payments;

namespace Invoicing.Web.Contracts;

/// <summary>What importing a bank file did, in totals and per entry.</summary>
public sealed record ImportReportView(string Source, string Format, int Booked, int AlreadyBooked, int Unmatched, int AlreadyUnmatched, IReadOnlyList<ImportReportView.Entry> Entries)
{
    public static ImportReportView From(ImportReport report) => new(
        report.Source,
        report.Format.ToString(),
        report.Booked,
        report.AlreadyBooked,
        report.Unmatched,
        report.AlreadyUnmatched,
        [.. report.Lines.Select(l => new Entry(
            l.Entry.EntryReference,
            Kronor.From(l.Entry.Amount),
            l.Entry.BookingDate,
            l.Entry.Reference,
            l.Outcome.ToString(),
            l.Booking?.Invoice.Number.ToString(),
            l.Booking?.After.ToString(),
            l.Booking?.Flag.ToString(),
            l.Reason))]);

    /// <summary>One bank entry: Booked, AlreadyBooked, Unmatched (with the reason) or AlreadyUnmatched.</summary>
    public sealed record Entry(string EntryReference, decimal Amount, DateOnly Date, string? Reference, string Outcome, string? Invoice, string? StatusAfter, string? Flag, string? Reason);
}
