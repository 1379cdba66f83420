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
    public async Task<ImportReport> ImportAsync(BankFile file, CancellationToken cancellationToken)
    {
        // Everything is checked, and every entry matched, before the first write: a file is booked whole or not at all.
        // The account the file is addressed to says whose invoices its OCR numbers name (each issuer has its own series).
        var all = issuers.All();
        var issuer = all.FirstOrDefault(i => file.Entries.Count > 0 && i.ReceivingAccounts.Contains(file.Entries[0].ReceivingAccount)) ?? all[0];
        Check(file, issuer.ReceivingAccounts, SwedishCalendar.Today(time));
        var plans = new List<EntryPlan>();
        var reversed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
        {
            var plan = await PlanAsync(entry, issuer.Id, reversed, cancellationToken);
            if (plan.Reverses is not null)
            {
                reversed.Add(plan.Reverses);
            }

            plans.Add(plan);
        }

        var lines = new List<ImportLine>();
        foreach (var plan in plans)
        {
            lines.Add(await ImportEntryAsync(file, plan, cancellationToken));
        }

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

    private async Task<EntryPlan> PlanAsync(BankEntry entry, string issuerId, IReadOnlySet<string> reversed, CancellationToken cancellationToken)
    {
        var id = EntryKey.For(entry.EntryReference);
        if (await suspense.FindAsync(id, cancellationToken) is not null)
        {
            return new EntryPlan(entry, id, null, null, null, AlreadyUnmatched: true);
        }

        var (invoice, reason) = await MatchAsync(entry, issuerId, cancellationToken);
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

    private async Task<ImportLine> ImportEntryAsync(BankFile file, EntryPlan plan, CancellationToken cancellationToken)
    {
        var entry = plan.Entry;
        if (plan.AlreadyUnmatched)
        {
            return new ImportLine(entry, ImportOutcome.AlreadyUnmatched, null, null);
        }

        if (plan.Invoice is null)
        {
            var added = await suspense.AddAsync(
                new UnmatchedPayment(plan.Id, entry.EntryReference, file.Source, entry.Amount, entry.BookingDate, entry.Reference, entry.PayerName, plan.Reason!, time.GetUtcNow()),
                cancellationToken);
            return new ImportLine(entry, added ? ImportOutcome.Unmatched : ImportOutcome.AlreadyUnmatched, null, plan.Reason);
        }

        var result = plan.Reverses is null
            ? await ledger.BookAsync(
                plan.Invoice.Key,
                new PaymentBooking(entry.EntryReference, file.Source, entry.Amount, entry.BookingDate, null, entry.PayerName),
                cancellationToken)
            : await ledger.ReverseAsync(
                plan.Invoice.Key,
                new PaymentBooking(entry.EntryReference, file.Source, -entry.Amount, entry.BookingDate, $"reversal of {plan.Reverses}", entry.PayerName),
                plan.Reverses,
                cancellationToken);
        return new ImportLine(entry, result.Booked ? ImportOutcome.Booked : ImportOutcome.AlreadyBooked, result, null);
    }

    private async Task<(Invoice? Invoice, string? Reason)> MatchAsync(BankEntry entry, string issuerId, CancellationToken cancellationToken)
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

        var invoice = await finder.FindAsync(ocr, issuerId, cancellationToken);
        return invoice is null ? (null, $"{(entry.IsReversal ? "a reversal: " : "")}OCR {ocr} matches no issued invoice") : (invoice, null);
    }

    /// <summary>What one entry will do, decided (by reading only) before anything is written.</summary>
    private sealed record EntryPlan(BankEntry Entry, string Id, Invoice? Invoice, string? Reverses, string? Reason, bool AlreadyUnmatched);

    [LoggerMessage(EventId = 2100, EventName = "BankFileImported", Level = LogLevel.Information,
        Message = "Imported {Source} ({Format}): {Booked} booked, {AlreadyBooked} already booked, {Unmatched} unmatched, {AlreadyUnmatched} already on the unmatched list")]
    private partial void LogImported(string source, BankFileFormat format, int booked, int alreadyBooked, int unmatched, int alreadyUnmatched);
}
