using Invoicing.Invoices;
using Invoicing.Payments;

namespace Invoicing.Cli.Output;

/// <summary>
/// What a bank file import did, for a person: a line per entry — with a line per invoice when a payment was shared
/// among several — and the totals, what was not booked and why included.
/// </summary>
internal static class ImportReportOutput
{
    private const int MaxTextShown = 40;

    public static void Write(ImportReport report, TextWriter writer)
    {
        var table = new TextTable(("Date", false), ("Amount", true), ("Reference", false), ("Outcome", false));
        foreach (var line in report.Lines)
        {
            table.Add(SwedishFormat.Date(line.Entry.BookingDate), SwedishFormat.Amount(line.Entry.Amount), Reference(line), Outcome(line));
            if (line.Bookings.Any(b => b.Split is not null))
            {
                foreach (var booking in line.Bookings)
                {
                    table.Add("", "", "", $"  {booking.Split}: {SwedishFormat.Amount(booking.Amount)} on {booking.Invoice.Number}: {booking.Before} -> {booking.After}{Flags(booking)}");
                }
            }
        }

        table.WriteTo(writer);
        writer.Write($"{DisplayText.Escape(report.Source)} ({report.Format}): {report.Booked} booked, {report.AlreadyBooked} already booked, {report.Unmatched} unmatched, {report.AlreadyUnmatched} already unmatched.");
        if (report.SamePayment > 0)
        {
            writer.Write($" {report.SamePayment} the same payment as one delivered in the other format: not booked again.");
        }

        if (report.Outgoing + report.NotBooked > 0)
        {
            writer.Write($" Not booked: {report.Outgoing} outgoing, {report.NotBooked} pending or for information.");
        }

        if (report.NotOurs > 0)
        {
            writer.Write($" {report.NotOurs} not ours (the shared account's other receivables: valid OCR numbers not of our invoices' form): kept in the archived file, neither booked nor listed.");
        }

        if (report.PaidInAdvance > 0)
        {
            writer.Write($" {report.PaidInAdvance} paid before the invoice was issued: check with the payer.");
        }

        writer.WriteLine();
        if (report.NothingNew)
        {
            writer.WriteLine("Nothing new: every entry of this file had already been handled.");
        }
    }

    /// <summary>What a person checks on a booking: more paid than asked, or a payment dated before the invoice.</summary>
    public static string Flags(BookingResult booking) =>
        booking.Flag switch
        {
            PaymentFlag.Overpayment => " — OVERPAID, check and refund",
            PaymentFlag.InvoiceAlreadyPaid => " — the invoice was ALREADY PAID, check and refund",
            _ => "",
        }
        + (booking.PaidInAdvance ? " — PAID IN ADVANCE, before the invoice was issued" : "");

    /// <summary>The payer's references, else the start of their text in quotes.</summary>
    private static string Reference(ImportLine line) =>
        line.Entry.Reference
        ?? (line.Entry.Text is { } text ? $"\"{(text.Length > MaxTextShown ? text[..MaxTextShown] + "…" : text)}\"" : "");

    private static string Outcome(ImportLine line)
    {
        var invoices = string.Join(", ", line.Bookings.Select(b => b.Invoice.Number).Distinct());
        return line.Outcome switch
        {
            ImportOutcome.Booked when line.Bookings.Any(b => b.Split is not null) => $"booked on {line.Bookings.Count} invoices, {invoices}:",
            ImportOutcome.Booked when line.Bookings[0].Flag == PaymentFlag.Reversal =>
                $"reversal booked on {invoices}: {line.Bookings[0].Before} -> {line.Bookings[0].After} ({line.Reason})",
            ImportOutcome.Booked when line.Bookings[0].Flag == PaymentFlag.Refund =>
                $"refund booked on {invoices}: {line.Bookings[0].Before} -> {line.Bookings[0].After} ({line.Reason})",
            ImportOutcome.Booked => $"booked on {invoices}: {line.Bookings[0].Before} -> {line.Bookings[0].After}{Flags(line.Bookings[0])}",
            ImportOutcome.AlreadyBooked => $"already booked on {invoices}" + (line.Reason is { } reason ? $" ({reason})" : ""),
            ImportOutcome.SamePayment => line.Reason!,
            ImportOutcome.Unmatched => $"unmatched: {line.Reason}" + (line.Suggested is { } s ? $" (suggested: {s.Invoice.Number} {s.DebtorName})" : ""),
            ImportOutcome.AlreadyUnmatched => "already on the unmatched list" + (line.Reason is { } reason ? $" ({reason})" : ""),
            ImportOutcome.Outgoing => $"outgoing: {line.Reason}",
            _ => $"not booked: {line.Reason}",
        };
    }
}
