using System.Threading.Channels;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Issuing;

/// <summary>
/// Issues a budget's planned documents (invoices, supplementary invoices, credit notes) in batches of up to 99,
/// in steps that are each idempotent, so any run can repeat or resume them. Per batch:
/// <list type="number">
/// <item>take (or find) the numbers reserved for this scheme, year, debtor and revision: one transaction for
/// every new number of the batch (<see cref="InvoiceNumberSeries.ReserveAllAsync"/>), from the second batch on
/// without reading the series again (<see cref="KnownReservations"/>);</item>
/// <item>look up, with one query, which of them are already recorded, while the first PDFs are rendered: one
/// renderer composes and renders the documents in plan order (each a pure function of the reservation, plan and
/// issuer), a few ahead of the writers (a bounded channel);</item>
/// <item>for the documents not recorded, <see cref="BatchingOptions.ParallelWrites"/> writers at a time: write the
/// PDF unless the blob exists (<c>If-None-Match: *</c>), and the UBL e-invoice the same way (<c>einvoices/</c>) or
/// note why it has none;</item>
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
        var known = new KnownReservations();
        foreach (var batch in documents.Chunk(batching.DocumentsPerBatch))
        {
            results.AddRange(await IssueBatchAsync(budget, batch, issuer, today, known, batching.ParallelWrites, cancellationToken));
        }

        return results;
    }

    private async Task<IssueResult[]> IssueBatchAsync(
        Budget budget, PlannedDocument[] batch, Issuer issuer, DateOnly today, KnownReservations known, int parallelWrites, CancellationToken cancellationToken)
    {
        var results = new IssueResult?[batch.Length];
        IReadOnlyList<InvoiceReservation> reservations;
        try
        {
            // A credit note asks for nothing, so it falls due on the day it is issued.
            reservations = await series.ReserveAllAsync(
                issuer.Id,
                budget.Scheme,
                budget.Year,
                batch.Select(d => new NumberRequest(d.Debtor.Code, d.Revision, today, d.Kind == DocumentKind.CreditNote ? today : issuer.Terms.DueDate(today))
                {
                    Voids = d.Voids,
                    Reason = d.Reason,
                }).ToArray(),
                cancellationToken,
                known);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [.. batch.Select(d => IssueResult.Failed(d, e))];
        }

        // The look-up of what is recorded already is on its way while the first documents are rendered; rendering
        // runs a few documents ahead of the writes (the channel's bound), which are ParallelWrites at a time: storage
        // answers each write in milliseconds, and keeping that many in flight is what saves time.
        var composed = new IssuedDocument?[batch.Length];
        var numbers = reservations.Select(r => r.Number).ToArray();
        var lookUp = invoices.ListRangeAsync(budget.Scheme, budget.Year, numbers.Min(), numbers.Max(), cancellationToken);
        var rendered = Channel.CreateBounded<RenderedDocument>(new BoundedChannelOptions(parallelWrites) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rendering = Task.Run(() => RenderAllAsync(budget, batch, issuer, reservations, results, rendered.Writer, stop.Token), CancellationToken.None);
        var writers = Enumerable.Range(0, parallelWrites).Select(_ => WriteRenderedAsync(lookUp, rendered.Reader, batch, composed, results, stop.Token)).ToArray();
        IReadOnlyDictionary<InvoiceNumber, IssuedDocument> recorded;
        try
        {
            await Task.WhenAll(writers);
            recorded = await lookUp;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The look-up failed, so the batch is not recorded by this run; what was written, the next run finds.
            return [.. batch.Select(d => IssueResult.Failed(d, e))];
        }
        finally
        {
            // When the writers stopped early (a failed look-up, cancellation), the renderer stops too: nothing of
            // this batch runs on after it has returned.
            await stop.CancelAsync();
            await rendering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Invoices first, in one transaction, each then handed off and mailed; credit notes after, one by one.
        var newInvoices = Enumerable.Range(0, batch.Length).Where(i => composed[i] is Invoice).ToArray();
        try
        {
            var created = await invoices.AddAllAsync(newInvoices.Select(i => composed[i]).OfType<Invoice>().ToArray(), cancellationToken);
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

        foreach (var (i, creditNote) in composed.Select((d, i) => (i, d)).Where(c => c.d is CreditNote).Select(c => (c.i, (CreditNote)c.d!)))
        {
            try
            {
                var created = await invoices.AddCreditNoteAsync(creditNote, cancellationToken);
                results[i] = await DeliverAsync(batch[i], creditNote, issuer, new IssueResult(batch[i], created ? IssueOutcome.Created : IssueOutcome.AlreadyIssued, null), cancellationToken);
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
    /// Composes and renders the batch's documents in plan order, each under its reserved number, handing them to the
    /// writers; the channel's bound keeps rendering a few documents ahead of the writes. A document that cannot be
    /// composed or rendered fails alone.
    /// </summary>
    private async Task RenderAllAsync(
        Budget budget, PlannedDocument[] batch, Issuer issuer, IReadOnlyList<InvoiceReservation> reservations, IssueResult?[] results,
        ChannelWriter<RenderedDocument> rendered, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < batch.Length; i++)
            {
                RenderedDocument document;
                try
                {
                    var (invoice, model) = InvoiceComposer.Compose(budget, batch[i], issuer, reservations[i]);
                    document = new RenderedDocument(i, invoice, model, renderer.Render(model));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    results[i] = IssueResult.Failed(batch[i], e);
                    continue;
                }

                await rendered.WriteAsync(document, cancellationToken);
            }
        }
        finally
        {
            rendered.Complete();
        }
    }

    /// <summary>
    /// One writer: takes rendered documents and writes each one's PDF and e-invoice unless they exist, noting the
    /// invoice row to record, with both hashes. A document already recorded is left alone (its row counts).
    /// </summary>
    private async Task WriteRenderedAsync(
        Task<IReadOnlyDictionary<InvoiceNumber, IssuedDocument>> lookUp, ChannelReader<RenderedDocument> rendered, PlannedDocument[] batch,
        IssuedDocument?[] composed, IssueResult?[] results, CancellationToken cancellationToken)
    {
        var recorded = await lookUp;
        await foreach (var (i, invoice, document, pdf) in rendered.ReadAllAsync(cancellationToken))
        {
            if (recorded.ContainsKey(invoice.Number))
            {
                continue;
            }

            try
            {
                var (sha256, pdfCreated) = await archive.WriteIfAbsentAsync(invoice.BlobName, pdf, cancellationToken);
                if (!pdfCreated)
                {
                    LogPdfAlreadyThere(invoice.Number, invoice.BlobName);
                }

                composed[i] = await WriteEInvoiceAsync(invoice with { PdfSha256 = sha256 }, document, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = IssueResult.Failed(batch[i], e);
            }
        }
    }

    /// <summary>
    /// Writes the UBL rendering of the same document model next to the PDF, once; or records why the invoice is
    /// PDF only (e.g. no buyer reference), so the list and the page can say so.
    /// </summary>
    private async Task<IssuedDocument> WriteEInvoiceAsync(IssuedDocument invoice, InvoiceDocument document, CancellationToken cancellationToken)
    {
        if (EInvoices.EInvoiceEligibility.WhyNot(document) is { } reason)
        {
            return invoice with { EInvoiceMissingReason = reason };
        }

        var blobName = IssuedDocument.EInvoiceBlobNameFor(invoice.Scheme, invoice.Year, invoice.Number);
        var (sha256, _) = await archive.WriteIfAbsentAsync(
            StorageNames.EInvoicesContainer, blobName, EInvoices.UblWriter.Write(document), cancellationToken, EInvoices.UblWriter.ContentType);
        return invoice with { EInvoiceBlobName = blobName, EInvoiceSha256 = sha256 };
    }

    /// <summary>
    /// A recorded document's last steps: the e-invoice handed to the operator when the party has a Peppol endpoint,
    /// and the e-mail queued when it has an invoice address (both idempotent, so a resumed run does what an
    /// interrupted one did not). Parties without an address get their invoice by hand.
    /// </summary>
    private async Task<IssueResult> DeliverAsync(PlannedDocument planned, IssuedDocument invoice, Issuer issuer, IssueResult recorded, CancellationToken cancellationToken)
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

    /// <summary>A document composed under its number and rendered, waiting for a writer.</summary>
    private sealed record RenderedDocument(int Index, IssuedDocument Invoice, InvoiceDocument Document, byte[] Pdf);
}
