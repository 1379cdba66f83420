using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Issuers;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Invoices;

/// <summary>
/// Issues a budget's planned documents (invoices, supplementary invoices, credit notes) in batches of up to 99,
/// in steps that are each idempotent, so any run can repeat or resume them. Per batch:
/// <list type="number">
/// <item>take (or find) the numbers reserved for this scheme, year, debtor and revision: one transaction for
/// every new number of the batch (<see cref="InvoiceNumberSeries.ReserveAllAsync"/>);</item>
/// <item>look up, with one query, which of them are already recorded;</item>
/// <item>for the others, a few at a time (<see cref="BatchingOptions.ParallelWrites"/>): render the PDF (a pure
/// function of the reservation, plan and issuer), write it unless the blob exists (<c>If-None-Match: *</c>),
/// and write its UBL e-invoice the same way (<c>einvoices/</c>) or note why it has none;</item>
/// <item>record the invoices, with both hashes, Unpaid, in one transaction (a conflict means another run
/// recorded some: they are then recorded one by one); then each credit note together with the credit on the
/// invoice it corrects (one transaction each);</item>
/// <item>hand each e-invoice to the operator (<c>einvoices-outbox/</c>, once) when the party has a Peppol
/// endpoint, and queue its e-mail when the party has an invoice address (idempotent by message id).</item>
/// </list>
/// A document's row is written only after its PDF, so a recorded invoice always has its PDF; a crash anywhere
/// before leaves reservations the next run completes under the same numbers, so the series has no gap. A
/// document that fails does not stop the others.
/// </summary>
public sealed partial class InvoiceIssuing(
    InvoiceNumberSeries series,
    InvoiceStore invoices,
    InvoiceArchive archive,
    InvoicePdfRenderer renderer,
    Mail.Outbox outbox,
    EInvoices.EInvoiceOutbox einvoiceOutbox,
    IOptions<BatchingOptions> batchingOptions,
    ILogger<InvoiceIssuing> logger)
{
    /// <summary>Issues every document, batch after batch, in plan order (numbers follow it); one result per document.</summary>
    public async Task<IReadOnlyList<IssueResult>> IssueAsync(
        Budget budget, IReadOnlyList<PlannedDocument> documents, Issuer issuer, DateOnly today, CancellationToken cancellationToken)
    {
        var batching = batchingOptions.Value;
        batching.Validate();
        var results = new List<IssueResult>(documents.Count);
        foreach (var batch in documents.Chunk(batching.DocumentsPerBatch))
        {
            results.AddRange(await IssueBatchAsync(budget, batch, issuer, today, batching.ParallelWrites, cancellationToken));
        }

        return results;
    }

    private async Task<IssueResult[]> IssueBatchAsync(
        Budget budget, PlannedDocument[] batch, Issuer issuer, DateOnly today, int parallelWrites, CancellationToken cancellationToken)
    {
        var results = new IssueResult?[batch.Length];
        IReadOnlyList<InvoiceReservation> reservations;
        IReadOnlyDictionary<InvoiceNumber, Invoice> recorded;
        try
        {
            // A credit note asks for nothing, so it falls due on the day it is issued.
            reservations = await series.ReserveAllAsync(
                issuer.Id,
                budget.Scheme,
                budget.Year,
                batch.Select(d => new NumberRequest(d.Debtor.Code, d.Revision, today, d.Kind == DocumentKind.CreditNote ? today : today.AddDays(issuer.Terms.PaymentTermsDays))).ToArray(),
                cancellationToken);
            var numbers = reservations.Select(r => r.Number).ToArray();
            recorded = await invoices.ListRangeAsync(budget.Scheme, budget.Year, numbers.Min(), numbers.Max(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [.. batch.Select(d => IssueResult.Failed(d, e))];
        }

        // Render and write what is not recorded yet, a few documents at a time: storage answers each write in
        // milliseconds, and rendering one document takes about as long, so overlapping them is what saves time.
        var composed = new Invoice?[batch.Length];
        var toWrite = Enumerable.Range(0, batch.Length).Where(i => !recorded.ContainsKey(reservations[i].Number));
        await Parallel.ForEachAsync(
            toWrite,
            new ParallelOptions { MaxDegreeOfParallelism = parallelWrites, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    composed[i] = await WriteDocumentsAsync(budget, batch[i], issuer, reservations[i], ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    results[i] = IssueResult.Failed(batch[i], e);
                }
            });

        // Invoices first, in one transaction, each then handed off and mailed; credit notes after, one by one.
        var newInvoices = Enumerable.Range(0, batch.Length).Where(i => composed[i] is { IsCreditNote: false }).ToArray();
        try
        {
            var created = await invoices.AddAllAsync(newInvoices.Select(i => composed[i]!).ToArray(), cancellationToken);
            for (var n = 0; n < newInvoices.Length; n++)
            {
                results[newInvoices[n]] = new IssueResult(batch[newInvoices[n]], created[n] ? IssueOutcome.Created : IssueOutcome.AlreadyIssued, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var i in newInvoices)
            {
                results[i] = IssueResult.Failed(batch[i], e);
            }
        }

        var alreadyRecorded = Enumerable.Range(0, batch.Length).Where(i => recorded.ContainsKey(reservations[i].Number)).ToArray();
        foreach (var i in alreadyRecorded)
        {
            results[i] = new IssueResult(batch[i], IssueOutcome.AlreadyIssued, null);
        }

        var handOver = alreadyRecorded.Select(i => (i, recorded[reservations[i].Number]))
            .Concat(newInvoices.Where(i => results[i]!.Failure is null).Select(i => (i, composed[i]!)))
            .ToArray();
        await Parallel.ForEachAsync(
            handOver,
            new ParallelOptions { MaxDegreeOfParallelism = parallelWrites, CancellationToken = cancellationToken },
            async (item, ct) => results[item.Item1] = await DeliverAsync(batch[item.Item1], item.Item2, issuer, results[item.Item1]!, ct));

        foreach (var i in Enumerable.Range(0, batch.Length).Where(i => composed[i] is { IsCreditNote: true }))
        {
            try
            {
                var created = await invoices.AddCreditNoteAsync(composed[i]!, cancellationToken);
                results[i] = await DeliverAsync(batch[i], composed[i]!, issuer, new IssueResult(batch[i], created ? IssueOutcome.Created : IssueOutcome.AlreadyIssued, null), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = IssueResult.Failed(batch[i], e);
            }
        }

        for (var i = 0; i < batch.Length; i++)
        {
            if (results[i] is { Outcome: IssueOutcome.Created } && composed[i] is { } invoice)
            {
                var (kind, total) = (invoice.Kind.ToText(), invoice.Total.ToInvariantString());
                LogIssued(kind, invoice.Number, invoice.DebtorCode.Value, invoice.DebtorName, total, budget.Key);
            }
        }

        return [.. results.Select((r, i) => r ?? throw new InvalidOperationException($"Document {i} of the batch was left without an outcome."))];
    }

    /// <summary>
    /// Composes the document under its reserved number and writes its PDF and e-invoice unless they exist; the
    /// invoice row to record, with both hashes.
    /// </summary>
    private async Task<Invoice> WriteDocumentsAsync(Budget budget, PlannedDocument planned, Issuer issuer, InvoiceReservation reservation, CancellationToken cancellationToken)
    {
        var (invoice, document) = InvoiceComposer.Compose(budget, planned, issuer, reservation);
        var (sha256, pdfCreated) = await archive.WriteIfAbsentAsync(invoice.BlobName, renderer.Render(document), cancellationToken);
        if (!pdfCreated)
        {
            LogPdfAlreadyThere(invoice.Number, invoice.BlobName);
        }

        return await WriteEInvoiceAsync(invoice with { PdfSha256 = sha256 }, document, cancellationToken);
    }

    /// <summary>
    /// Writes the UBL rendering of the same document model next to the PDF, once; or records why the invoice is
    /// PDF only (e.g. no buyer reference), so the list and the page can say so.
    /// </summary>
    private async Task<Invoice> WriteEInvoiceAsync(Invoice invoice, InvoiceDocument document, CancellationToken cancellationToken)
    {
        if (EInvoices.EInvoiceEligibility.WhyNot(document) is { } reason)
        {
            return invoice with { EInvoiceMissingReason = reason };
        }

        var blobName = Invoice.EInvoiceBlobNameFor(invoice.Scheme, invoice.Year, invoice.Number);
        var (sha256, _) = await archive.WriteIfAbsentAsync(
            StorageNames.EInvoicesContainer, blobName, EInvoices.UblWriter.Write(document), cancellationToken, EInvoices.UblWriter.ContentType);
        return invoice with { EInvoiceBlobName = blobName, EInvoiceSha256 = sha256 };
    }

    /// <summary>
    /// A recorded document's last steps: the e-invoice handed to the operator when the party has a Peppol endpoint,
    /// and the e-mail queued when it has an invoice address (both idempotent, so a resumed run does what an
    /// interrupted one did not). Parties without an address get their invoice by hand.
    /// </summary>
    private async Task<IssueResult> DeliverAsync(PlannedDocument planned, Invoice invoice, Issuer issuer, IssueResult recorded, CancellationToken cancellationToken)
    {
        try
        {
            await einvoiceOutbox.HandOffAsync(invoice, planned.Debtor, cancellationToken);
            if (!string.IsNullOrWhiteSpace(planned.Debtor.InvoiceEmail))
            {
                await outbox.EnqueueAsync(InvoiceMail.Message(invoice, planned.Debtor, issuer), cancellationToken);
            }

            return recorded;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return IssueResult.Failed(planned, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Kind} {InvoiceNumber} to {DebtorCode} {DebtorName}, {Total} SEK, budget {Budget}")]
    private partial void LogIssued(string kind, InvoiceNumber invoiceNumber, string debtorCode, string debtorName, string total, string budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber}: PDF {BlobName} was already written by an earlier attempt; completing the invoice")]
    private partial void LogPdfAlreadyThere(InvoiceNumber invoiceNumber, string blobName);
}
