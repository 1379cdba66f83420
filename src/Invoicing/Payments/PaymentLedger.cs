using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments.BankFiles;
using Invoicing.Periods;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace Invoicing.Payments;

/// <summary>
/// Books payments, reversals and refunds on invoices. Each booking is one entity group transaction in the invoice's partition, made by
/// <see cref="InvoiceStore.ReplaceAsync"/> (the Invoices table's one writer): insert the payment records (pages of
/// them, <see cref="PaymentPageEntity"/>) and replace the invoice with its new amount paid and status, guarded by
/// its ETag. Every booking replaces the invoice, so two bookings racing on one invoice cannot both succeed: the
/// loser reads the history again, finds what the winner booked (by entry reference) and books the rest. So a
/// payment is booked once, the status always equals the sum of the recorded payments, and neither is lost.
/// Each record is dated in the books by <see cref="ClosedMonths.BookingDate"/>: its own date, or the first open day
/// when finance has closed its month (<see cref="AccountingPeriods"/>).
/// </summary>
public sealed partial class PaymentLedger(
    InvoicingStorage storage, InvoiceStore invoices, PaymentHistory payments, AccountingPeriods periods, IssuerDirectory issuers, AuditTrail audit, TimeProvider time,
    ILogger<PaymentLedger> logger)
{
    // Optimistic concurrency on the invoice row is the one thing here nothing else retries.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(412);

    /// <remarks>Checked before anything is written by the one acceptance rule (<see cref="PaymentAcceptance"/>): a positive amount, a date not after today; one dated before the invoice was issued is booked and flagged as paid in advance.</remarks>
    public Task<BookingResult> BookAsync(InvoiceKey key, PaymentBooking payment, CancellationToken cancellationToken) =>
        PostAsync(key, new PaymentPosting(payment), cancellationToken);

    /// <summary>
    /// Books money paid back to the party on invoice <paramref name="key"/>: one transaction inserts its record (a
    /// negative amount, flag <see cref="PaymentFlag.Refund"/>) and raises the invoice's amount refunded, so the refund
    /// owed goes down and the status follows (<see cref="PaymentStatus.Paid"/> once nothing is owed back). Keyed by the
    /// refund's entry reference: booked once, however often it is sent. A refund paid out by hand comes as
    /// <see cref="PaymentBooking.ManualRefund"/>; an outgoing bank entry quoting the invoice's OCR reference comes with
    /// the bank's entry reference and the file as its source, and is booked the same way.
    /// </summary>
    /// <exception cref="InvalidPaymentException">
    /// Not positive, dated after today or before the first money received on the invoice, on a credit note, or more than its chain owes back
    /// on the invoice (<see cref="DocumentChain"/>); nothing is written.
    /// </exception>
    public async Task<BookingResult> RefundAsync(InvoiceKey key, PaymentBooking refund, CancellationToken cancellationToken)
    {
        await CheckRefundAsync(key, refund, cancellationToken);
        return (await PostAsync(key, [new PaymentPosting(refund, PostingKind.Refund)], cancellationToken))[0];
    }

    /// <summary>
    /// Checks a refund by the rules <see cref="RefundAsync"/> books it by, and writes nothing: a refund proposed for a
    /// second person's confirmation is refused now, in the same words, rather than at the confirmation.
    /// </summary>
    /// <exception cref="InvalidPaymentException">As <see cref="RefundAsync"/>.</exception>
    public async Task CheckRefundAsync(InvoiceKey key, PaymentBooking refund, CancellationToken cancellationToken)
    {
        Check(key, new PaymentPosting(refund, PostingKind.Refund));
        var history = await payments.ListAsync(key, cancellationToken);
        if (history.All(r => r.Key != refund.Key))
        {
            var chain = await invoices.FindChainAsync(key, cancellationToken) ?? throw new InvalidPaymentException($"There is no invoice {key}.", $"Det finns ingen faktura {key}.");
            if (chain.BalanceOf(key.Number) is not InvoiceBalance balance)
            {
                var creditNote = chain.CreditNotes.Single(c => c.Number == key.Number);
                throw new InvalidPaymentException(
                    $"{key.Number} is a credit note; a refund is booked on the invoice it credits ({creditNote.Credits.Number}).",
                    $"{key.Number} är en kreditfaktura; en återbetalning bokförs på fakturan den krediterar ({creditNote.Credits.Number}).");
            }

            if (refund.Amount > balance.RefundOwed)
            {
                throw new InvalidPaymentException(
                    $"Invoice {key.Number}: a refund of {refund.Amount} is more than the {balance.RefundOwed} owed back on it; nothing was booked.",
                    $"Faktura {key.Number}: en återbetalning på {refund.Amount} är mer än de {balance.RefundOwed} som ska betalas tillbaka på den; inget bokfördes.");
            }

            PaymentAcceptance.CheckRefundDate(key.Number, refund.PaidOn, history.Where(r => r.Amount > Money.Zero).Select(r => (DateOnly?)r.PaidOn).Min());
        }
    }

    /// <summary>
    /// Settles a payer's deduction (BgMax TK21) on the invoice: its own record (negative amount, flag
    /// <see cref="PaymentFlag.Deduction"/>) and the amount paid lowered by it, in one transaction; booked once.
    /// </summary>
    /// <param name="deduction">The deduction; its amount is the (positive) amount the payer took off.</param>
    public Task<BookingResult> DeductAsync(InvoiceKey key, PaymentBooking deduction, CancellationToken cancellationToken) =>
        PostAsync(key, new PaymentPosting(deduction, PostingKind.Deduction), cancellationToken);

    /// <summary>The oldest payment of exactly <paramref name="amount"/> in <paramref name="history"/> that no reversal took back and none of <paramref name="claimed"/> is.</summary>
    internal static string? Reversible(IEnumerable<PaymentRecord> history, Money amount, IReadOnlySet<string> claimed)
    {
        var records = history.ToList();
        var reversed = records.Where(r => r.Reverses is not null).Select(r => r.Reverses!).Concat(claimed).ToHashSet(StringComparer.Ordinal);
        return records.FirstOrDefault(r => r.Flag is not (PaymentFlag.Reversal or PaymentFlag.Deduction or PaymentFlag.AlreadyReceived)
            && r.Amount == amount && !reversed.Contains(r.Key))?.Key;
    }

    private async Task<BookingResult> PostAsync(InvoiceKey key, PaymentPosting posting, CancellationToken cancellationToken) =>
        (await PostAsync(key, [posting], cancellationToken))[0];

    internal Task<IReadOnlyList<BookingResult>> PostAsync(InvoiceKey key, IReadOnlyList<PaymentPosting> postings, CancellationToken cancellationToken) =>
        PostAsync(key, postings, null, cancellationToken);

    /// <summary>The months of the issuer's books that are closed now: what a booking is dated by.</summary>
    internal Task<ClosedMonths> ClosedMonthsAsync(Issuer issuer, CancellationToken cancellationToken) => periods.ClosedAsync(issuer, cancellationToken);

    /// <summary>
    /// Books payments and reversals on one invoice in the order given: the same records, statuses and flags as
    /// booking them one at a time, written as pages of records (<see cref="PaymentPages"/>) with the invoice's new
    /// balance, up to <see cref="PaymentPages.MaxRecordsPerTransaction"/> per entity group transaction. A record
    /// already in the history (same entry reference) is reported as such and booked once; a concurrent change of
    /// the invoice (412) or of a page (409) makes the rest read again and retry.
    /// </summary>
    /// <param name="closed">
    /// The closed months, when the caller read them once for many invoices (a bank file); else read here. A month closed
    /// while a booking is under way may still get that booking: closing is done after reconciling, not during an import.
    /// </param>
    internal async Task<IReadOnlyList<BookingResult>> PostAsync(InvoiceKey key, IReadOnlyList<PaymentPosting> postings, ClosedMonths? closed, CancellationToken cancellationToken)
    {
        foreach (var posting in postings)
        {
            Check(key, posting);
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        closed ??= await ClosedMonthsAsync(issuers.For(key.Scheme), cancellationToken);
        var results = new BookingResult?[postings.Count];
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                // What is booked already (by an earlier import, or by a concurrent one before a retry), and the
                // invoice as it is now: read together.
                var history = payments.ReadAsync(key, ct);
                var found = invoices.FindVersionAsync(key, ct);
                var (stored, nextPage) = await history;
                var version = await found ?? throw new InvalidPaymentException($"There is no invoice {key}.", $"Det finns ingen faktura {key}.");
                var records = stored.SelectMany(p => p.Records).ToArray();
                var booked = records.ToDictionary(r => r.Key, StringComparer.Ordinal);
                var pageOf = stored.SelectMany(p => p.Records.Select(r => (r.Key, Page: p))).ToDictionary(x => x.Key, x => x.Page, StringComparer.Ordinal);
                var deliveries = Deliveries(records);
                // The pages whose event this call recorded or will: each page is one event (PageEvent).
                var pagesRecorded = new HashSet<int>();
                var next = 0;
                while (next < postings.Count)
                {
                    var now = time.GetUtcNow();
                    var pages = new PaymentPages(key.Number, nextPage, now);
                    var current = version.Invoice;
                    var inBatch = new List<int>();
                    var bookedInBatch = new HashSet<string>(StringComparer.Ordinal);
                    var events = new List<AuditEntry>();
                    var written = new SortedDictionary<int, PageBooking>();
                    for (; next < postings.Count; next++)
                    {
                        if (results[next] is not null)
                        {
                            continue;
                        }

                        var posting = SameAsDelivered(postings[next], deliveries);
                        if (booked.TryGetValue(posting.Payment.Key, out var done))
                        {
                            results[next] = Result(key, false, done);
                            if (pageOf.TryGetValue(done.Key, out var donePage) && pagesRecorded.Add(donePage.Number))
                            {
                                // Booked by an earlier run: its page's event too, unless that run stopped in between.
                                events.Add(PageEvent(key, donePage.Number, donePage.Records, null, null));
                            }

                            if (bookedInBatch.Contains(posting.Payment.Key))
                            {
                                // Only true once this batch is stored: decided again if it is not.
                                inBatch.Add(next);
                            }

                            continue;
                        }

                        if (posting.Kind is PostingKind.Payment or PostingKind.Deduction
                            && PaymentAcceptance.TooEarlyProblem(key.Number, posting.Payment.PaidOn, current.IssueDate) is { } tooEarly)
                        {
                            throw new InvalidPaymentException(tooEarly, PaymentAcceptance.TooEarlySwedish(key.Number, posting.Payment.PaidOn, current.IssueDate));
                        }

                        var after = After(current, posting);
                        var record = Record(key.Number, posting, current, after, now, closed);
                        if (!pages.TryAdd(PaymentLine.From(record).ToJson()))
                        {
                            break;
                        }

                        booked[posting.Payment.Key] = record;
                        if (record.Fingerprint is { } fingerprint && EntryReferences.FormatOf(record.EntryReference) is { } format)
                        {
                            deliveries.Add(fingerprint, record.Key, format, record.SameAs, record.EntryReference);
                        }

                        bookedInBatch.Add(posting.Payment.Key);
                        if (!written.TryGetValue(pages.CurrentPage, out var onPage))
                        {
                            written[pages.CurrentPage] = onPage = new PageBooking(current.OwnRemaining);
                        }

                        onPage.Records.Add(record);
                        onPage.After = after.OwnRemaining;
                        results[next] = Result(key, true, record);
                        inBatch.Add(next);
                        current = after;
                    }

                    if (bookedInBatch.Count == 0)
                    {
                        await audit.RecordAllAsync(events, ct);
                        continue;
                    }

                    try
                    {
                        version = await invoices.ReplaceAsync(version, current, pages.ToEntities(), ct)
                            ?? await invoices.FindVersionAsync(key, ct)
                            ?? throw new InvalidPaymentException($"There is no invoice {key}.", $"Det finns ingen faktura {key}.");
                        nextPage = pages.NextPage;
                    }
                    catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
                    {
                        // A concurrent booking on this invoice (412), or of its next page (409), won: forget this
                        // batch's outcomes and read again.
                        foreach (var i in inBatch)
                        {
                            results[i] = null;
                        }

                        throw new RequestFailedException(412, "Payment booked concurrently.", e);
                    }

                    foreach (var (number, page) in written)
                    {
                        pagesRecorded.Add(number);
                        events.Add(PageEvent(key, number, page.Records, page.Before, page.After));
                        var storedPage = new PaymentPage(number, page.Records);
                        foreach (var record in page.Records)
                        {
                            pageOf[record.Key] = storedPage;
                        }
                    }

                    await audit.RecordAllAsync(events, ct);

                    foreach (var i in inBatch.Where(i => results[i]!.Booked))
                    {
                        var result = results[i]!;
                        var amount = result.Amount.ToInvariantString();
                        LogBooked(key.Number, amount, postings[i].Payment.Source, result.Before, result.After, result.Flag);
                    }
                }

                return results.Select(r => r!).ToArray();
            },
            cancellationToken);
    }

    /// <summary>The bank deliveries in an invoice's history, by fingerprint (<see cref="SamePayments"/>).</summary>
    private static SamePayments Deliveries(IEnumerable<PaymentRecord> records)
    {
        var deliveries = new SamePayments();
        foreach (var record in records)
        {
            if (record.Fingerprint is { } fingerprint && EntryReferences.FormatOf(record.EntryReference) is { } format)
            {
                deliveries.Add(fingerprint, record.Key, format, record.SameAs, record.EntryReference);
            }
        }

        return deliveries;
    }

    /// <summary>
    /// A bank payment whose other-format delivery is already on the invoice becomes the record that says so (an amount
    /// of zero). The import plans this before it writes; decided here again, on the history read under the invoice's
    /// ETag, it also holds when a camt.054 and a BgMax file of the same payment are imported at the same moment (two
    /// blob triggers): whichever books second finds the first's record and books nothing more.
    /// </summary>
    private static PaymentPosting SameAsDelivered(PaymentPosting posting, SamePayments deliveries)
    {
        var payment = posting.Payment;
        if (posting.Kind != PostingKind.Payment || payment.Fingerprint is not { } fingerprint || EntryReferences.FormatOf(payment.EntryReference) is not { } format
            || deliveries.Unpaired(fingerprint, format) is not { } original)
        {
            return posting;
        }

        return new PaymentPosting(payment with { Note = $"the same payment as {original.Description}, booked at the same time: not booked again" }, PostingKind.AlreadyReceived, original.Key);
    }

    /// <summary>What is checked of every posting before anything is written: the one acceptance rule (<see cref="PaymentAcceptance"/>), and room for its texts.</summary>
    private void Check(InvoiceKey key, PaymentPosting posting)
    {
        var payment = posting.Payment;
        PaymentAcceptance.CheckAmount(key.Number, posting.Kind, payment.Amount);
        PaymentAcceptance.CheckDate(key.Number, posting.Kind, payment.PaidOn, SwedishCalendar.Today(time));
        var texts = payment.EntryReference.Length + payment.Source.Length + (payment.Note?.Length ?? 0) + (payment.PayerName?.Length ?? 0) + (posting.Counterpart?.Length ?? 0);
        if (texts > PaymentPages.MaxTextChars)
        {
            throw new InvalidPaymentException(
                $"Invoice {key.Number}: the payment's reference, note and payer name are {texts} characters together; at most {PaymentPages.MaxTextChars} are kept. Nothing was booked.",
                $"Faktura {key.Number}: betalningens referens, anteckning och betalarens namn är {texts} tecken tillsammans; högst {PaymentPages.MaxTextChars} sparas. Inget bokfördes.");
        }
    }

    private static Invoice After(Invoice current, PaymentPosting posting) => posting.Kind switch
    {
        PostingKind.Payment => current.WithPayment(posting.Payment.Amount, posting.Payment.PaidOn),
        PostingKind.Reversal => current.WithReversal(posting.Payment.Amount),
        PostingKind.Deduction => current.WithDeduction(posting.Payment.Amount),
        PostingKind.Refund => current.WithRefund(posting.Payment.Amount),
        _ => current,
    };

    private static PaymentRecord Record(InvoiceNumber number, PaymentPosting posting, Invoice before, Invoice after, DateTimeOffset bookedAt, ClosedMonths closed)
    {
        var payment = posting.Payment;
        var (flag, signed) = posting.Kind switch
        {
            PostingKind.Reversal => (PaymentFlag.Reversal, -payment.Amount),
            PostingKind.Deduction => (PaymentFlag.Deduction, -payment.Amount),
            PostingKind.Refund => (PaymentFlag.Refund, -payment.Amount),
            PostingKind.AlreadyReceived => (PaymentFlag.AlreadyReceived, Money.Zero),
            _ when before.Status is PaymentStatus.Paid or PaymentStatus.Overpaid => (PaymentFlag.InvoiceAlreadyPaid, payment.Amount),
            _ when after.Status == PaymentStatus.Overpaid => (PaymentFlag.Overpayment, payment.Amount),
            _ => (PaymentFlag.None, payment.Amount),
        };
        return new PaymentRecord(number, payment.EntryReference, payment.Source, signed, payment.PaidOn, bookedAt,
            before.Status, after.Status, flag, payment.Note, payment.PayerName)
        {
            Key = payment.Key,
            Reverses = posting.Kind == PostingKind.Reversal ? posting.Counterpart : null,
            SameAs = posting.Kind == PostingKind.AlreadyReceived ? posting.Counterpart : null,
            Fingerprint = payment.Fingerprint,
            Split = payment.Split,
            PaidInAdvance = posting.Kind == PostingKind.Payment && PaymentAcceptance.IsPaidInAdvance(payment.PaidOn, before.IssueDate),
            FileId = payment.FileId,
            AccountingDate = closed.BookingDate(payment.PaidOn),
        };
    }

    /// <summary>The records one transaction puts on a page, with what the invoice owed before the first and after the last.</summary>
    private sealed class PageBooking(Money? before)
    {
        public List<PaymentRecord> Records { get; } = [];

        public Money? Before { get; } = before;

        public Money? After { get; set; }
    }

    /// <summary>
    /// The audit event of a page of payment records (what one transaction booked together, never changed after): a
    /// page of one posting is that posting's event, keyed by the posting as it always was; a page of many (a bank
    /// file's entries on one invoice) is one event keyed by the page, with their count and net amount. One event per
    /// entry made a 100 000-entry file 100 000 appends to the one chain (ten times the time of booking them); the
    /// entries themselves are on the page, each naming its file and entry.
    /// </summary>
    private static AuditEntry PageEvent(InvoiceKey key, int page, IReadOnlyList<PaymentRecord> records, Money? before, Money? after)
    {
        if (records.Count == 1)
        {
            return Posted(key, records[0], before, after);
        }

        var first = records[0];
        var last = records[^1];
        var kinds = records.GroupBy(r => r.Flag).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {(g.Key is PaymentFlag.None ? "payments" : g.Key.ToString())}");
        var files = records.Select(r => r.FileId).OfType<string>().Distinct(StringComparer.Ordinal).Select(f => f[..Math.Min(12, f.Length)]).ToArray();
        return new($"posting-page:{key.Scheme}:{key.Year}:{key.Number}:{page}",
            AuditActions.PaymentsBooked,
            $"{records.Count} postings booked together on page {page} of the invoice's payment records ({string.Join(", ", kinds)})"
            + $" from {string.Join(", ", records.Select(r => r.Source).Distinct(StringComparer.Ordinal))}"
            + (files.Length > 0 ? $", file {string.Join(", ", files)}" : "")
            + $", paid {IsoDate.Format(records.Min(r => r.PaidOn))} to {IsoDate.Format(records.Max(r => r.PaidOn))}"
            + (first.EntryReference.Length > 0 ? $", entries {first.EntryReference} to {last.EntryReference}" : "")
            + $": {first.StatusBefore} -> {last.StatusAfter}")
        {
            Scheme = key.Scheme,
            Year = key.Year,
            Invoice = key.Number,
            Amount = records.Aggregate(Money.Zero, (sum, r) => sum + r.Amount),
            Before = before,
            After = after,
            SwedishDetails = $"{records.Count} poster bokförda tillsammans på sida {page} av fakturans betalningsposter"
                + $" från {string.Join(", ", records.Select(r => SwedishSource(r.Source)).Distinct(StringComparer.Ordinal))}"
                + (files.Length > 0 ? $", fil {string.Join(", ", files)}" : "")
                + $", betalda {IsoDate.Format(records.Min(r => r.PaidOn))} till {IsoDate.Format(records.Max(r => r.PaidOn))}"
                + (first.EntryReference.Length > 0 ? $", poster {first.EntryReference} till {last.EntryReference}" : "")
                + $": {first.StatusBefore.InSwedish()} → {last.StatusAfter.InSwedish()}",
        };
    }

    /// <summary>Where a payment came from, as the page says it: a file's name, or "manuell registrering" for one booked by hand.</summary>
    private static string SwedishSource(string source) => source == PaymentBooking.ManualSource ? "manuell registrering" : source;

    /// <summary>The audit event of a posting, keyed by the invoice and the posting's key: recorded once, like the posting.</summary>
    private static AuditEntry Posted(InvoiceKey key, PaymentRecord record, Money? before, Money? after) =>
        new($"posting:{key.Scheme}:{key.Year}:{key.Number}:{record.Key}",
            record.Flag switch
            {
                PaymentFlag.Reversal => AuditActions.PaymentReversed,
                PaymentFlag.Deduction => AuditActions.DeductionBooked,
                PaymentFlag.Refund => AuditActions.RefundBooked,
                PaymentFlag.AlreadyReceived => AuditActions.PaymentNotedAsSame,
                _ => AuditActions.PaymentBooked,
            },
            $"paid {IsoDate.Format(record.PaidOn)}"
            + (record.AccountingDate != record.PaidOn ? $" (booked on {IsoDate.Format(record.AccountingDate)}, its month being closed)" : "")
            + $" from {record.Source}"
            + (record.EntryReference.Length > 0 ? $", entry {record.EntryReference}" : "")
            + (record.FileId is { } file ? $", file {file[..Math.Min(12, file.Length)]}" : "")
            + $": {record.StatusBefore} -> {record.StatusAfter}"
            + (record.Flag is PaymentFlag.None ? "" : $" ({record.Flag})")
            + (record.Note is { } note ? $"; {note}" : ""))
        {
            SwedishDetails = $"betald {IsoDate.Format(record.PaidOn)}"
                + (record.AccountingDate != record.PaidOn ? $" (bokförd {IsoDate.Format(record.AccountingDate)}, eftersom dess månad är stängd)" : "")
                + $" från {SwedishSource(record.Source)}"
                + (record.EntryReference.Length > 0 ? $", post {record.EntryReference}" : "")
                + (record.FileId is { } fileId ? $", fil {fileId[..Math.Min(12, fileId.Length)]}" : "")
                + $": {record.StatusBefore.InSwedish()} → {record.StatusAfter.InSwedish()}"
                + (record.Note is { } said ? $"; {said}" : ""),
            Scheme = key.Scheme,
            Year = key.Year,
            Invoice = key.Number,
            Amount = record.Amount,
            Before = before,
            After = after,
        };

    private static BookingResult Result(InvoiceKey key, bool booked, PaymentRecord record) =>
        new(key, booked, record.StatusBefore, record.StatusAfter, record.Amount, record.Flag) { PaidInAdvance = record.PaidInAdvance, Split = record.Split };

    [LoggerMessage(EventId = 2000, EventName = "PaymentBooked", Level = LogLevel.Information,
        Message = "Booked {Amount} SEK on invoice {InvoiceNumber} from {Source}: {StatusBefore} -> {StatusAfter} ({Flag})")]
    private partial void LogBooked(InvoiceNumber invoiceNumber, string amount, string source, PaymentStatus statusBefore, PaymentStatus statusAfter, PaymentFlag flag);
}
