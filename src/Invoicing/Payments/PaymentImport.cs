using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;
using Microsoft.Extensions.Logging;

namespace Invoicing.Payments;

/// <summary>
/// Books a bank file's payments: each entry whose OCR reference (check digit verified) names an issued invoice
/// is booked on it; everything else goes to the suspense list with the reason. The whole file is checked
/// before anything is booked. Keyed on the bank's own entry references, so importing the same file again, or
/// a file that overlaps another, books each entry once.
/// </summary>
public sealed partial class PaymentImport(
    PaymentLedger ledger,
    SuspenseList suspense,
    InvoiceFinder finder,
    TimeProvider time,
    ILogger<PaymentImport> logger)
{
    public async Task<ImportReport> ImportAsync(BankFile file, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        foreach (var entry in file.Entries)
        {
            if (entry.BookingDate > today)
            {
                throw new InvalidPaymentException($"{file.Source}: entry {entry.EntryReference} is dated {IsoDate.Format(entry.BookingDate)}, after today ({IsoDate.Format(today)}). Nothing was booked.");
            }

            if (entry.Amount == Money.Zero)
            {
                throw new InvalidPaymentException($"{file.Source}: entry {entry.EntryReference} has amount 0. Nothing was booked.");
            }
        }

        var lines = new List<ImportLine>();
        foreach (var entry in file.Entries)
        {
            lines.Add(await ImportEntryAsync(file, entry, cancellationToken));
        }

        var report = new ImportReport(file.Source, file.Format, lines);
        LogImported(file.Source, file.Format, report.Booked, report.AlreadyBooked, report.Unmatched, report.AlreadyUnmatched);
        return report;
    }

    private async Task<ImportLine> ImportEntryAsync(BankFile file, BankEntry entry, CancellationToken cancellationToken)
    {
        var id = EntryKey.For(entry.EntryReference);
        if (await suspense.FindAsync(id, cancellationToken) is not null)
        {
            return new ImportLine(entry, ImportOutcome.AlreadyUnmatched, null, null);
        }

        var (invoice, reason) = await MatchAsync(entry, cancellationToken);
        if (invoice is null)
        {
            var added = await suspense.AddAsync(
                new UnmatchedPayment(id, entry.EntryReference, file.Source, entry.Amount, entry.BookingDate, entry.Reference, entry.PayerName, reason!, time.GetUtcNow()),
                cancellationToken);
            return new ImportLine(entry, added ? ImportOutcome.Unmatched : ImportOutcome.AlreadyUnmatched, null, reason);
        }

        var result = await ledger.BookAsync(
            invoice.Key,
            new PaymentBooking(entry.EntryReference, file.Source, entry.Amount, entry.BookingDate, null, entry.PayerName),
            cancellationToken);
        return new ImportLine(entry, result.Booked ? ImportOutcome.Booked : ImportOutcome.AlreadyBooked, result, null);
    }

    private async Task<(Invoice? Invoice, string? Reason)> MatchAsync(BankEntry entry, CancellationToken cancellationToken)
    {
        if (entry.IsDeduction || entry.Amount < Money.Zero)
        {
            return (null, "a deduction from the bank, not a payment: handle it in the finance system");
        }

        if (string.IsNullOrWhiteSpace(entry.Reference))
        {
            return (null, "no reference");
        }

        if (!OcrReference.TryParse(entry.Reference, out var ocr))
        {
            return (null, $"reference '{entry.Reference}' is not a valid OCR number (length or check digit)");
        }

        var invoice = await finder.FindAsync(ocr, cancellationToken);
        return invoice is null ? (null, $"OCR {ocr} matches no issued invoice") : (invoice, null);
    }

    [LoggerMessage(EventId = 2100, EventName = "BankFileImported", Level = LogLevel.Information,
        Message = "Imported {Source} ({Format}): {Booked} booked, {AlreadyBooked} already booked, {Unmatched} unmatched, {AlreadyUnmatched} already on the unmatched list")]
    private partial void LogImported(string source, BankFileFormat format, int booked, int alreadyBooked, int unmatched, int alreadyUnmatched);
}
