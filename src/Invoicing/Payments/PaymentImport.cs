using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments.BankFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IssuerDirectory issuers,
    TimeProvider time,
    ILogger<PaymentImport> logger)
{
    /// <summary>Invoices booked on at once: their partitions are the same, their rows are not.</summary>
    private const int ParallelInvoices = 8;

    public async Task<ImportReport> ImportAsync(BankFile file, CancellationToken cancellationToken)
    {
        // Everything is checked, and every entry matched, before the first write: a file is booked whole or not at all.
        // The account the file is addressed to says whose invoices its OCR numbers name (each issuer has its own series).
        var all = issuers.All();
        var issuer = all.FirstOrDefault(i => file.Entries.Count > 0 && i.ReceivingAccounts.Contains(file.Entries[0].ReceivingAccount)) ?? all[0];
        Check(file, issuer.ReceivingAccounts, SwedishCalendar.Today(time));
        var listed = await suspense.ListedAsync([.. file.Entries.Select(e => EntryKey.For(e.EntryReference))], cancellationToken);
        var invoicesByOcr = await FindInvoicesAsync(file.Entries, issuer.Id, cancellationToken);
        var plans = new List<EntryPlan>(file.Entries.Count);
        var reversed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
        {
            var plan = await PlanAsync(entry, listed, invoicesByOcr, reversed, cancellationToken);
            if (plan.Reverses is not null)
            {
                reversed.Add(plan.Reverses);
            }

            plans.Add(plan);
        }

        // Bookings go one invoice at a time in file order (each invoice's records and balance in batches of a
        // hundred), several invoices at once; the unmatched list is written a hundred entries per transaction.
        var bookings = new BookingResult?[plans.Count];
        var perInvoice = plans.Select((plan, index) => (plan, index)).Where(p => p.plan.Invoice is not null).GroupBy(p => p.plan.Invoice!.Key).ToList();
        await Parallel.ForEachAsync(
            perInvoice,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelInvoices, CancellationToken = cancellationToken },
            async (invoice, ct) =>
            {
                var postings = invoice.Select(p => p.plan.Reverses is null
                    ? new PaymentPosting(new PaymentBooking(p.plan.Entry.EntryReference, file.Source, p.plan.Entry.Amount, p.plan.Entry.BookingDate, null, p.plan.Entry.PayerName), null)
                    : new PaymentPosting(new PaymentBooking(p.plan.Entry.EntryReference, file.Source, -p.plan.Entry.Amount, p.plan.Entry.BookingDate, $"reversal of {p.plan.Reverses}", p.plan.Entry.PayerName), p.plan.Reverses))
                    .ToList();
                var results = await ledger.PostAsync(invoice.Key, postings, ct);
                foreach (var ((_, index), result) in invoice.Zip(results))
                {
                    bookings[index] = result;
                }
            });

        var unmatched = plans.Where(p => p.Invoice is null && !p.AlreadyUnmatched)
            .Select(p => new UnmatchedPayment(p.Id, p.Entry.EntryReference, file.Source, p.Entry.Amount, p.Entry.BookingDate, p.Entry.Reference, p.Entry.PayerName, p.Reason!, time.GetUtcNow()))
            .ToList();
        var added = await suspense.AddAsync(unmatched, cancellationToken);

        var lines = plans.Select((plan, index) =>
            plan.AlreadyUnmatched ? new ImportLine(plan.Entry, ImportOutcome.AlreadyUnmatched, null, null)
            : plan.Invoice is null ? new ImportLine(plan.Entry, added.Contains(plan.Id) ? ImportOutcome.Unmatched : ImportOutcome.AlreadyUnmatched, null, plan.Reason)
            : new ImportLine(plan.Entry, bookings[index]!.Booked ? ImportOutcome.Booked : ImportOutcome.AlreadyBooked, bookings[index], null)).ToList();
        var report = new ImportReport(file.Source, file.Format, lines);
        LogImported(file.Source, file.Format, report.Booked, report.AlreadyBooked, report.Unmatched, report.AlreadyUnmatched);
        return report;
    }

    private static void Check(BankFile file, ReceivingAccounts ours, DateOnly today)
    {
        if (file.Source.Length > MaxSourceLength)
        {
            throw new InvalidPaymentException($"{file.Source[..40]}…: the file name is {file.Source.Length} characters; at most {MaxSourceLength} are kept. Nothing was booked.");
        }

        foreach (var entry in file.Entries)
        {
            // Money paid to another account is not ours to book, whatever OCR number it carries.
            if (!ours.Contains(entry.ReceivingAccount))
            {
                throw new InvalidPaymentException(entry.ReceivingAccount is null
                    ? $"{file.Source}: entry {entry.EntryReference} names no receiving account; ours are {ours.Describe()}. Nothing was booked."
                    : $"{file.Source}: the file is addressed to account {entry.ReceivingAccount}, which is not ours ({ours.Describe()}). Nothing was booked.");
            }

            if (entry.BookingDate > today)
            {
                throw new InvalidPaymentException($"{file.Source}: entry {entry.EntryReference} is dated {IsoDate.Format(entry.BookingDate)}, after today ({IsoDate.Format(today)}). Nothing was booked.");
            }

            if (entry.Amount == Money.Zero)
            {
                throw new InvalidPaymentException($"{file.Source}: entry {entry.EntryReference} has amount 0. Nothing was booked.");
            }

            if (entry.EntryReference.Length > BankEntry.MaxEntryReferenceLength
                || entry.Reference?.Length > BankEntry.MaxReferenceLength
                || entry.PayerName?.Length > BankEntry.MaxPayerNameLength)
            {
                throw new InvalidPaymentException($"{file.Source}: entry {entry.EntryReference[..Math.Min(40, entry.EntryReference.Length)]} has a reference or payer name too long to keep. Nothing was booked.");
            }
        }
    }

    /// <summary>The file name kept as every payment's source.</summary>
    public const int MaxSourceLength = 200;

    private async Task<EntryPlan> PlanAsync(
        BankEntry entry, IReadOnlySet<string> listed, IReadOnlyDictionary<OcrReference, Invoice> invoicesByOcr, IReadOnlySet<string> reversed, CancellationToken cancellationToken)
    {
        var id = EntryKey.For(entry.EntryReference);
        if (listed.Contains(id))
        {
            return new EntryPlan(entry, id, null, null, null, AlreadyUnmatched: true);
        }

        var (invoice, reason) = Match(entry, invoicesByOcr);
        if (invoice is null)
        {
            return new EntryPlan(entry, id, null, null, reason, false);
        }

        if (!entry.IsReversal)
        {
            return entry.BookingDate < new DateOnly(invoice.Year, 1, 1)
                ? new EntryPlan(entry, id, null, null, $"dated {IsoDate.Format(entry.BookingDate)}, before invoice {invoice.Number}'s year {invoice.Year} began: check with the bank", false)
                : new EntryPlan(entry, id, invoice, null, null, false);
        }

        // A reversal already booked is found by its own record; otherwise it must take back a booked payment of its amount.
        var booked = (await ledger.HistoryAsync(invoice.Key, cancellationToken)).FirstOrDefault(r => r.EntryReference == entry.EntryReference);
        if (booked is not null)
        {
            return new EntryPlan(entry, id, invoice, booked.Reverses, null, false);
        }

        var original = await ledger.FindReversibleAsync(invoice.Key, -entry.Amount, reversed, cancellationToken);
        return original is null
            ? new EntryPlan(entry, id, null, null, $"a reversal of {-entry.Amount} quoting OCR {invoice.Ocr}, but invoice {invoice.Number} has no booked payment of that amount to take back: a person must look into it", false)
            : new EntryPlan(entry, id, invoice, original, null, false);
    }

    /// <summary>The issuer's invoice of every valid OCR reference in the file, found with a few queries for all of them.</summary>
    private Task<IReadOnlyDictionary<OcrReference, Invoice>> FindInvoicesAsync(IReadOnlyList<BankEntry> entries, string issuerId, CancellationToken cancellationToken) =>
        finder.FindAllAsync(
            entries.Select(e => OcrReference.TryParse(e.Reference, out var ocr) ? ocr : (OcrReference?)null).OfType<OcrReference>(),
            issuerId,
            cancellationToken);

    private static (Invoice? Invoice, string? Reason) Match(BankEntry entry, IReadOnlyDictionary<OcrReference, Invoice> invoicesByOcr)
    {
        if (entry.IsReversal && entry.Amount > Money.Zero)
        {
            return (null, "a returned debit (a credit marked as a reversal), not a payment from a debtor: handle it in the finance system");
        }

        if (entry.IsDeduction)
        {
            return (null, "a deduction from the bank, not a payment: handle it in the finance system");
        }

        if (entry.Amount < Money.Zero && !entry.IsReversal)
        {
            return (null, "money taken back by the bank, not a payment: handle it in the finance system");
        }

        if (string.IsNullOrWhiteSpace(entry.Reference))
        {
            return (null, entry.IsReversal ? "a reversal with no reference: find the payment it takes back" : "no reference");
        }

        if (!OcrReference.TryParse(entry.Reference, out var ocr))
        {
            return (null, $"{(entry.IsReversal ? "a reversal whose " : "")}reference '{entry.Reference}' is not a valid OCR number (length or check digit)");
        }

        return invoicesByOcr.TryGetValue(ocr, out var invoice) ? (invoice, null) : (null, $"{(entry.IsReversal ? "a reversal: " : "")}OCR {ocr} matches no issued invoice");
    }

    /// <summary>What one entry will do, decided (by reading only) before anything is written.</summary>
    private sealed record EntryPlan(BankEntry Entry, string Id, Invoice? Invoice, string? Reverses, string? Reason, bool AlreadyUnmatched);

    [LoggerMessage(EventId = 2100, EventName = "BankFileImported", Level = LogLevel.Information,
        Message = "Imported {Source} ({Format}): {Booked} booked, {AlreadyBooked} already booked, {Unmatched} unmatched, {AlreadyUnmatched} already on the unmatched list")]
    private partial void LogImported(string source, BankFileFormat format, int booked, int alreadyBooked, int unmatched, int alreadyUnmatched);
}
