using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Payments.BankFiles;
using Microsoft.Extensions.Logging;

namespace Invoicing.Payments;

/// <summary>
/// Books a bank file: each payment whose OCR references (check digit verified) name issued invoices is booked on
/// them — shared among them when it names several —, a reversal undoes the payment it takes back, everything else
/// that is ours goes to the unmatched list with the reason, and what the product does not book (outgoing payments,
/// pending and information entries) is listed in the report with why. The whole file is checked, and every entry
/// planned (<see cref="ImportPlanner"/>), before anything is written. Keyed on each entry's identity
/// (<see cref="BankEntry.Key"/>), so importing a file again, or one that overlaps it, books each entry once; the
/// same payment delivered in the other format is recognised (<see cref="PaymentFingerprint"/>) and booked once.
/// </summary>
public sealed partial class PaymentImport(
    PaymentLedger ledger,
    PaymentHistory payments,
    SuspenseList suspense,
    InvoiceFinder finder,
    IssuerDirectory issuers,
    TimeProvider time,
    ILogger<PaymentImport> logger)
{
    /// <summary>Invoices read or booked on at once: their partitions are the same, their rows are not.</summary>
    private const int ParallelInvoices = 8;

    /// <summary>The file name kept as every payment's source.</summary>
    public const int MaxSourceLength = 200;

    public Task<ImportReport> ImportAsync(BankFile file, CancellationToken cancellationToken) =>
        ImportAsync(file, null, cancellationToken);

    /// <param name="beforeWriting">
    /// Run once the whole file is checked and every entry planned, before the first write; what it throws stops the
    /// import with nothing booked. <see cref="BankFileIntake"/> keeps the file in the archive there, so no booking names
    /// a file the archive lacks and a refused file is never kept.
    /// </param>
    public async Task<ImportReport> ImportAsync(BankFile file, Func<CancellationToken, Task>? beforeWriting, CancellationToken cancellationToken)
    {
        // The account the file is addressed to says whose invoices its OCR numbers name (each issuer has its own series).
        var all = issuers.All();
        var issuer = all.FirstOrDefault(i => file.Entries.Count > 0 && i.ReceivingAccounts.Contains(file.Entries[0].ReceivingAccount)) ?? all[0];
        Check(file, issuer.ReceivingAccounts, SwedishCalendar.Today(time));

        // Read everything the plan needs, then plan every entry, before the first write. On a shared account the other
        // receivables' payments need no fingerprint, invoice or history: only whether one was listed before the
        // account was marked shared (the unmatched list's keys, read once either way).
        var kept = file.Entries.Where(e => !e.IsOnlyListed).ToList();
        var ours = issuer.SharedAccount ? kept.Where(e => !OtherReceivables.CannotBeOurs(e)).ToList() : kept;
        var fingerprints = ours.Where(e => e.Kind is BankEntryKind.Payment or BankEntryKind.Deduction)
            .ToDictionary(e => e.Key, e => PaymentFingerprint.For(issuer.Id, e), StringComparer.Ordinal);
        var listed = suspense.IndexAsync([.. kept.Select(e => e.Key)], [.. fingerprints.Values.Distinct(StringComparer.Ordinal)], cancellationToken);
        var invoicesByOcr = await finder.FindAllAsync(Named(ours), issuer.Id, cancellationToken);
        var histories = await HistoriesAsync(ours, invoicesByOcr, cancellationToken);
        var planner = new ImportPlanner(file, invoicesByOcr, histories, await listed, fingerprints, time.GetUtcNow(), issuer.SharedAccount);
        var plans = file.Entries.Select(planner.Plan).ToList();
        if (beforeWriting is not null)
        {
            await beforeWriting(cancellationToken);
        }

        var bookings = await PostAsync(plans, await ledger.ClosedMonthsAsync(issuer, cancellationToken), cancellationToken);
        var added = await suspense.AddAsync([.. plans.Select(p => p.Unmatched).OfType<UnmatchedPayment>()], cancellationToken);

        var report = new ImportReport(
            file.Source,
            file.Format,
            [.. plans.Select((plan, index) => (plan, index)).Where(p => p.plan.Outcome != ImportOutcome.NotOurs).Select(p => Line(p.plan, bookings[p.index], added))])
        {
            NotOurs = plans.Count(p => p.Outcome == ImportOutcome.NotOurs),
        };
        LogImported(file.Source, file.Format, report.Booked, report.AlreadyBooked, report.SamePayment, report.Unmatched, report.AlreadyUnmatched, report.Outgoing, report.NotBooked, report.NotOurs);
        return report;
    }

    private static void Check(BankFile file, ReceivingAccounts ours, DateOnly today)
    {
        if (file.Source.Length > MaxSourceLength)
        {
            throw new InvalidPaymentException(
                $"{file.Source[..40]}…: the file name is {file.Source.Length} characters; at most {MaxSourceLength} are kept. Nothing was booked.",
                $"{file.Source[..40]}…: filnamnet är {file.Source.Length} tecken; högst {MaxSourceLength} sparas. Inget bokfördes.");
        }

        foreach (var entry in file.Entries)
        {
            // Money paid to another account is not ours to book, whatever OCR number it carries.
            if (!ours.Contains(entry.ReceivingAccount))
            {
                throw entry.ReceivingAccount is null
                    ? new InvalidPaymentException(
                        $"{file.Source}: entry {entry.EntryReference} names no receiving account; ours are {ours.Describe()}. Nothing was booked.",
                        $"{file.Source}: post {entry.EntryReference} anger inget mottagarkonto; våra konton är {ours.Describe()}. Inget bokfördes.")
                    : new InvalidPaymentException(
                        $"{file.Source}: the file is addressed to account {entry.ReceivingAccount}, which is not ours ({ours.Describe()}). Nothing was booked.",
                        $"{file.Source}: filen gäller konto {entry.ReceivingAccount}, som inte är vårt ({ours.Describe()}). Inget bokfördes.");
            }

            // What is only listed is stored nowhere, and a pending entry may well be dated ahead.
            if (entry.IsOnlyListed)
            {
                continue;
            }

            if (entry.BookingDate > today)
            {
                throw new InvalidPaymentException(
                    $"{file.Source}: entry {entry.EntryReference} is dated {IsoDate.Format(entry.BookingDate)}, after today ({IsoDate.Format(today)}). Nothing was booked.",
                    $"{file.Source}: post {entry.EntryReference} är daterad {IsoDate.Format(entry.BookingDate)}, efter dagens datum ({IsoDate.Format(today)}). Inget bokfördes.");
            }

            if (entry.Amount == Money.Zero)
            {
                throw new InvalidPaymentException(
                    $"{file.Source}: entry {entry.EntryReference} has amount 0. Nothing was booked.",
                    $"{file.Source}: post {entry.EntryReference} har beloppet 0. Inget bokfördes.");
            }

            if (entry.EntryReference.Length > BankEntry.MaxEntryReferenceLength
                || entry.Reference?.Length > BankEntry.MaxReferenceLength
                || entry.Texts.Sum(t => t.Length + 1) - 1 > BankEntry.MaxTextLength
                || entry.PayerName?.Length > BankEntry.MaxPayerNameLength)
            {
                var shown = entry.EntryReference[..Math.Min(40, entry.EntryReference.Length)];
                throw new InvalidPaymentException(
                    $"{file.Source}: entry {shown} has a reference, text or payer name too long to keep. Nothing was booked.",
                    $"{file.Source}: post {shown} har en referens, text eller betalares namn som är för lång för att sparas. Inget bokfördes.");
            }
        }
    }

    /// <summary>Every OCR number the entries give as a reference or name in their texts: the invoices to find.</summary>
    private static IEnumerable<OcrReference> Named(IEnumerable<BankEntry> entries) =>
        entries.SelectMany(e => e.References
            .Select(r => OcrReference.TryParse(r, out var ocr) ? ocr : (OcrReference?)null).OfType<OcrReference>()
            .Concat(InvoiceMentions.In(e.References.Concat(e.Texts))));

    /// <summary>The payment history of every invoice an entry's references name, read a few invoices at a time.</summary>
    private async Task<IReadOnlyDictionary<InvoiceKey, IReadOnlyList<PaymentRecord>>> HistoriesAsync(
        IEnumerable<BankEntry> entries, IReadOnlyDictionary<OcrReference, Invoice> invoicesByOcr, CancellationToken cancellationToken)
    {
        var named = entries.SelectMany(e => e.References)
            .Select(r => OcrReference.TryParse(r, out var ocr) ? invoicesByOcr.GetValueOrDefault(ocr) : null)
            .OfType<Invoice>()
            .Select(i => i.Key)
            .Distinct()
            .ToList();
        var histories = new System.Collections.Concurrent.ConcurrentDictionary<InvoiceKey, IReadOnlyList<PaymentRecord>>();
        await Parallel.ForEachAsync(
            named,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelInvoices, CancellationToken = cancellationToken },
            async (key, ct) => histories[key] = await payments.ListAsync(key, ct));
        return histories;
    }

    /// <summary>
    /// Posts the plans' records one invoice at a time in file order (each invoice's records and balance in batches of
    /// a hundred), several invoices at once. Returns each plan's booking results, in the order of its postings.
    /// </summary>
    private async Task<IReadOnlyList<BookingResult>[]> PostAsync(List<EntryPlan> plans, Periods.ClosedMonths closed, CancellationToken cancellationToken)
    {
        var results = plans.Select(p => new BookingResult[p.Postings.Count]).ToArray();
        var perInvoice = plans
            .SelectMany((plan, index) => plan.Postings.Select((posting, part) => (Plan: index, Part: part, posting.Invoice, posting.Posting)))
            .GroupBy(p => p.Invoice)
            .ToList();
        await Parallel.ForEachAsync(
            perInvoice,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelInvoices, CancellationToken = cancellationToken },
            async (invoice, ct) =>
            {
                var posted = await ledger.PostAsync(invoice.Key, [.. invoice.Select(p => p.Posting)], closed, ct);
                foreach (var (p, result) in invoice.Zip(posted))
                {
                    results[p.Plan][p.Part] = result;
                }
            });
        return results;
    }

    private static ImportLine Line(EntryPlan plan, IReadOnlyList<BookingResult> bookings, IReadOnlySet<string> added)
    {
        if (plan.Unmatched is { } row)
        {
            var outcome = !added.Contains(row.Id) ? ImportOutcome.AlreadyUnmatched : plan.Outcome;
            return new ImportLine(plan.Entry, outcome, [], plan.Reason) { UnmatchedId = row.SameAs ?? row.Id, Suggested = plan.Suggested };
        }

        if (bookings.Count == 0)
        {
            return new ImportLine(plan.Entry, plan.Outcome, plan.Done, plan.Reason) { UnmatchedId = plan.Outcome == ImportOutcome.AlreadyUnmatched ? plan.Entry.Key : null };
        }

        // The same payment in the other format, imported at the same moment, was booked first (the ledger found it).
        if (plan.Outcome == ImportOutcome.Booked && bookings.Any(b => b.Flag == PaymentFlag.AlreadyReceived))
        {
            return new ImportLine(plan.Entry, ImportOutcome.SamePayment, bookings, "the same payment as one booked from the other format at the same time: not booked again");
        }

        // Booked by a concurrent or interrupted import of the same file when nothing of it was booked now.
        return bookings.Any(b => b.Booked)
            ? new ImportLine(plan.Entry, plan.Outcome, bookings, plan.Reason)
            : new ImportLine(plan.Entry, ImportOutcome.AlreadyBooked, bookings, plan.Reason);
    }

    [LoggerMessage(EventId = 2100, EventName = "BankFileImported", Level = LogLevel.Information,
        Message = "Imported {Source} ({Format}): {Booked} booked, {AlreadyBooked} already booked, {SamePayment} the same payment in another format, {Unmatched} unmatched, {AlreadyUnmatched} already on the unmatched list, {Outgoing} outgoing, {NotBooked} not booked by the bank, {NotOurs} not ours (a shared account's other receivables)")]
    private partial void LogImported(string source, BankFileFormat format, int booked, int alreadyBooked, int samePayment, int unmatched, int alreadyUnmatched, int outgoing, int notBooked, int notOurs);
}
