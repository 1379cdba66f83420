using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Invoices;

/// <summary>
/// The one module that writes the <c>Invoices</c> table: issued documents (invoices and credit notes) and their
/// balances. Payments, reminders and revisions change an invoice through it, each together with the history
/// row that says why (<see cref="ReplaceAsync"/>), so a balance always equals the rows beside it.
/// </summary>
public sealed class InvoiceStore(InvoicingStorage storage, AuditTrail audit, TimeProvider time)
{
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

    /// <summary>
    /// Records an issued document: an invoice with <see cref="AddAsync"/>, a credit note with
    /// <see cref="AddCreditNoteAsync"/>. False when it was already recorded (a repeated or concurrent run).
    /// </summary>
    public Task<bool> RecordAsync(IssuedDocument document, CancellationToken cancellationToken) => document switch
    {
        CreditNote creditNote => AddCreditNoteAsync(creditNote, cancellationToken),
        Invoice invoice => AddAsync(invoice, cancellationToken),
        _ => throw new ArgumentException($"{document.Number} is neither an invoice nor a credit note.", nameof(document)),
    };

    /// <summary>Records an issued invoice. False when it was already recorded (a repeated or concurrent run).</summary>
    public async Task<bool> AddAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await RegisterPartitionAsync(invoice.Scheme, invoice.Year, cancellationToken);
        try
        {
            var entity = InvoiceEntity.From(invoice, time.GetUtcNow());
            await SubmitAsync(entity.PartitionKey, Adding(entity), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier or concurrent run: its event too, unless that run stopped in between.
            await audit.RecordAsync(Issued(invoice), cancellationToken);
            return false;
        }

        await audit.RecordAsync(Issued(invoice), cancellationToken);
        return true;
    }

    /// <summary>
    /// The audit event of an issued document, keyed by its number: recorded once, by the run that recorded the document
    /// (or, if that run stopped before, by the one that finds the document there).
    /// </summary>
    private static AuditEntry Issued(IssuedDocument document) =>
        new($"issued:{document.Scheme}:{document.Year}:{document.Number}", AuditActions.DocumentIssued,
            $"{document.Kind.Title()} to {document.DebtorCode} {document.DebtorName}"
            + (document.Corrects is { } corrects ? $", correcting {corrects.Number}" : "")
            + (document.Reason is { } reason ? $": {reason}" : ""))
        {
            Scheme = document.Scheme,
            Year = document.Year,
            Invoice = document.Number,
            Amount = document.SignedTotal,
            SwedishDetails = $"{document.Kind.Title()} till {document.DebtorCode} {document.DebtorName}"
                + (document.Corrects is { } corrected ? $", rättar {corrected.Number}" : "")
                + (document.Reason is { } why ? $": {why}" : ""),
        };

    /// <summary>An invoice row added, with its open item when something is due on it.</summary>
    private static IEnumerable<TableTransactionAction> Adding(InvoiceEntity invoice) =>
        [new(TableTransactionActionType.Add, invoice), .. OpenItemEntity.Changes(null, invoice)];

    /// <summary>An invoice row replaced (guarded by the ETag it was read with), with what its open item needs: its last action is the invoice's.</summary>
    private static IEnumerable<TableTransactionAction> Replacing(InvoiceEntity before, InvoiceEntity after, ETag etag) =>
        [.. OpenItemEntity.Changes(before, after), new(TableTransactionActionType.UpdateReplace, after, etag)];

    private static IEnumerable<TableTransactionAction> Replacing(InvoiceVersion before, Invoice after) =>
        Replacing(InvoiceEntity.From(before.Invoice, before.IssuedAt), InvoiceEntity.From(after, before.IssuedAt), before.ETag);

    // The partitions this process has registered: one upsert per partition and process, not per invoice.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _registered = new(StringComparer.Ordinal);

    /// <summary>Registers a scheme's year as one that has invoices (<see cref="InvoicePartitionEntity"/>), before its first is written.</summary>
    private async Task RegisterPartitionAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        if (_registered.ContainsKey(partition))
        {
            return;
        }

        await storage.Table(StorageNames.Invoices).UpsertEntityAsync(new InvoicePartitionEntity { RowKey = partition }, TableUpdateMode.Replace, cancellationToken);
        _registered[partition] = true;
    }

    /// <summary>
    /// Records issued invoices (not credit notes), up to 50 per entity group transaction in their partition; per
    /// invoice, whether this call recorded it. A transaction refused by storage — typically 409 because a concurrent
    /// run recorded one of them — is not an answer for the others: its invoices are then recorded one by one, each
    /// with <see cref="AddAsync"/>'s own conflict answer.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AddAllAsync(IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = storage.Table(StorageNames.Invoices);
        var created = new bool[invoices.Count];
        var now = time.GetUtcNow();
        var indexed = invoices.Select((invoice, index) => (Invoice: invoice, Index: index));
        foreach (var partition in invoices.Select(i => (i.Scheme, i.Year)).Distinct())
        {
            await RegisterPartitionAsync(partition.Scheme, partition.Year, cancellationToken);
        }

        // Each invoice is its row and its open item's, and the year's version is one more: half as many invoices as a
        // transaction has actions less that one.
        foreach (var chunk in indexed.GroupBy(i => InvoiceEntity.PartitionKeyFor(i.Invoice.Scheme, i.Invoice.Year)).SelectMany(p => p.Chunk((TableBatches.MaxActions - 1) / 2)))
        {
            try
            {
                var partition = InvoiceEntity.PartitionKeyFor(chunk[0].Invoice.Scheme, chunk[0].Invoice.Year);
                await SubmitAsync(partition, chunk.SelectMany(i => Adding(InvoiceEntity.From(i.Invoice, now))), cancellationToken);
                foreach (var (_, index) in chunk)
                {
                    created[index] = true;
                }
            }
            catch (RequestFailedException)
            {
                foreach (var (invoice, index) in chunk)
                {
                    created[index] = await AddAsync(invoice, cancellationToken);
                }

                continue;
            }

            await audit.RecordAllAsync([.. chunk.Select(i => Issued(i.Invoice))], cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// Records a credit note and applies it in one entity group transaction: the credit note row is added and the
    /// credit taken off the invoices its chain says (<see cref="DocumentChain"/>: the document it names, and only what
    /// goes beyond that off the chain's other invoices, newest first), each guarded by its ETag. So a credit is applied
    /// exactly once, and every invoice's <c>CreditedOre</c> is what the chain computes. False when already recorded.
    /// </summary>
    public async Task<bool> AddCreditNoteAsync(CreditNote creditNote, CancellationToken cancellationToken)
    {
        var corrects = creditNote.Credits;
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = storage.Table(StorageNames.Invoices);

        // A concurrent run recorded the credit note (409), or a payment or reminder changed an invoice (412): look again.
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                // The party's documents, the credit note among them once anyone recorded it: one read decides both.
                var rows = (await ListDebtorRowsAsync(creditNote.Scheme, creditNote.Year, creditNote.DebtorCode, ct)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
                if (rows.ContainsKey(creditNote.Number.ToString()))
                {
                    await audit.RecordAsync(Issued(creditNote), ct);
                    return false;
                }

                var recorded = rows.Values.Select(e => e.ToDocument()).ToArray();
                if (!recorded.Any(d => d is Invoice && d.Number == corrects.Number))
                {
                    throw new InvalidOperationException($"Credit note {creditNote.Number} names invoice {corrects.Number}, which is not recorded for {creditNote.DebtorCode} in {creditNote.Scheme} {creditNote.Year}.");
                }

                var before = DocumentChain.Of(recorded).Single(c => c.Holds(corrects.Number));
                if (creditNote.Total > before.Balance.Asked)
                {
                    throw new InvalidOperationException(
                        $"Credit note {creditNote.Number} credits {creditNote.Total}, more than {creditNote.DebtorCode}'s invoices in {creditNote.Scheme} {creditNote.Year} have left to credit ({before.Balance.Asked}).");
                }

                var chain = DocumentChain.Of([.. recorded, creditNote]).Single(c => c.Holds(creditNote.Number));
                var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, InvoiceEntity.From(creditNote, time.GetUtcNow())) };
                foreach (var part in chain.Credits.Where(c => c.CreditNote.Number == creditNote.Number))
                {
                    var entity = rows[part.Invoice.ToString()];
                    actions.AddRange(Replacing(entity, InvoiceEntity.From(entity.ToInvoice().WithCredit(part.Amount), entity.IssuedAt), entity.ETag));
                }

                await SubmitAsync(InvoiceEntity.PartitionKeyFor(creditNote.Scheme, creditNote.Year), actions, ct);
                await audit.RecordAsync(Issued(creditNote), ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The chain the document <paramref name="key"/> belongs to (one party's documents of the scheme's year); null when there is no such document.</summary>
    public async Task<DocumentChain?> FindChainAsync(InvoiceKey key, CancellationToken cancellationToken)
    {
        if (await FindAsync(key.Scheme, key.Year, key.Number, cancellationToken) is not { } document)
        {
            return null;
        }

        var documents = (await ListDebtorRowsAsync(key.Scheme, key.Year, document.DebtorCode, cancellationToken)).Select(e => e.ToDocument());
        return DocumentChain.Of(documents).Single(c => c.Holds(key.Number));
    }

    /// <summary>One party's documents of a scheme's year, with their ETags: one query.</summary>
    private async Task<IReadOnlyList<InvoiceEntity>> ListDebtorRowsAsync(SchemeId scheme, int year, Parties.PartyCode debtor, CancellationToken cancellationToken)
    {
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var rows = new List<InvoiceEntity>();
        await foreach (var entity in storage.Table(StorageNames.Invoices).QueryAsync<InvoiceEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RecordType eq {InvoiceEntity.InvoiceRecord} and DebtorCode eq {debtor.Value}"),
            cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>The invoice with the ETag a change to it is guarded by; null when there is none.</summary>
    /// <exception cref="InvalidPaymentException">The number is a credit note's: only an invoice is paid, reversed or refunded.</exception>
    public async Task<InvoiceVersion?> FindVersionAsync(InvoiceKey key, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var response = await storage.Table(StorageNames.Invoices).GetEntityIfExistsAsync<InvoiceEntity>(
            InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year), key.Number.ToString(), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        return response.Value!.ToDocument() is Invoice invoice
            ? new InvoiceVersion(invoice, response.Value.ETag, response.Value.IssuedAt)
            : throw new InvalidPaymentException(
                $"{key.Number} is a credit note; a payment is booked on an invoice.",
                $"{key.Number} är en kreditfaktura; en betalning bokförs på en faktura.");
    }

    /// <summary>
    /// Replaces the invoice read as <paramref name="before"/> with <paramref name="after"/> and, in the same entity
    /// group transaction, adds <paramref name="history"/> (a payment or reminder row in the invoice's partition).
    /// Fails with 412 when the invoice changed since it was read, and with 409 when the history row exists: the
    /// caller reads again and decides.
    /// </summary>
    public async Task ReplaceAsync(InvoiceVersion before, Invoice after, ITableEntity? history, CancellationToken cancellationToken)
    {
        if (after.Key != before.Invoice.Key)
        {
            throw new InvalidOperationException($"Invoice {before.Invoice.Key} cannot be replaced by {after.Key}.");
        }

        var actions = new List<TableTransactionAction>();
        if (history is not null)
        {
            history.PartitionKey = InvoiceEntity.PartitionKeyFor(after.Scheme, after.Year);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, history));
        }

        actions.AddRange(Replacing(before, after));
        await SubmitAsync(InvoiceEntity.PartitionKeyFor(after.Scheme, after.Year), actions, cancellationToken);
    }

    /// <summary>
    /// <see cref="ReplaceAsync"/> with many history rows (at most <see cref="MaxHistoryPerReplace"/>) in one entity
    /// group transaction: a bank file's payments on one invoice are booked as pages of records (up to 2 000 records
    /// per transaction), not one round trip each. Returns the invoice as now stored with its new ETag, so the next batch needs no read (null should the
    /// response carry no ETag: then read it).
    /// </summary>
    public async Task<InvoiceVersion?> ReplaceAsync(InvoiceVersion before, Invoice after, IReadOnlyList<ITableEntity> history, CancellationToken cancellationToken)
    {
        if (after.Key != before.Invoice.Key || history.Count > MaxHistoryPerReplace)
        {
            throw new InvalidOperationException($"Invoice {before.Invoice.Key} cannot be replaced by {after.Key} with {history.Count} history rows.");
        }

        var partition = InvoiceEntity.PartitionKeyFor(after.Scheme, after.Year);
        var actions = new List<TableTransactionAction>(history.Count + 4);
        foreach (var row in history)
        {
            row.PartitionKey = partition;
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        actions.AddRange(Replacing(before, after));
        var invoiceAction = actions.Count - 1;
        var responses = await SubmitAsync(partition, actions, cancellationToken);
        return responses.Value[invoiceAction].Headers.ETag is { } etag ? new InvoiceVersion(after, etag, before.IssuedAt) : null;
    }

    /// <summary>
    /// Every entity group transaction on a year's documents goes through here, and moves the year's version
    /// (<see cref="YearVersionEntity"/>) as its last action: so no change to the year's documents, by any writer, leaves
    /// the version standing, and the other actions keep their places in the response.
    /// </summary>
    private async Task<Response<IReadOnlyList<Response>>> SubmitAsync(string partition, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        await storage.Table(StorageNames.Invoices).SubmitTransactionAsync([.. actions, YearVersionEntity.Touching(partition)], cancellationToken);

    /// <summary>An entity group transaction holds at most 100 actions: the history rows, the invoice itself, up to two for its open item and the year's version.</summary>
    public const int MaxHistoryPerReplace = 96;

    /// <summary>
    /// Replaces invoices of one partition, each together with its history row and what its open item needs, in one
    /// entity group transaction (at most 100 operations: 33 invoices with a row each and one change of their open
    /// item, as a reminder makes at most, and the year's version): all or none. Fails with 412 when any invoice changed
    /// since it was read and with 409 when any history row exists; the caller then takes them one by one
    /// (<see cref="ReplaceAsync"/>).
    /// </summary>
    public async Task ReplaceAllAsync(IReadOnlyList<(InvoiceVersion Before, Invoice After, ITableEntity? History)> changes, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var (before, after, history) in changes)
        {
            if (after.Key != before.Invoice.Key || after.Scheme != changes[0].After.Scheme || after.Year != changes[0].After.Year)
            {
                throw new InvalidOperationException($"Invoice {before.Invoice.Key} cannot be replaced by {after.Key} in a transaction on {changes[0].After.Key}'s partition.");
            }

            if (history is not null)
            {
                history.PartitionKey = InvoiceEntity.PartitionKeyFor(after.Scheme, after.Year);
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, history));
            }

            actions.AddRange(Replacing(before, after));
        }

        // The year's version is one action more (SubmitAsync).
        if (actions.Count + 1 > TableBatches.MaxActions)
        {
            throw new InvalidOperationException($"{changes.Count} invoices take {actions.Count + 1} actions, more than one transaction holds ({TableBatches.MaxActions}).");
        }

        await SubmitAsync(InvoiceEntity.PartitionKeyFor(changes[0].After.Scheme, changes[0].After.Year), actions, cancellationToken);
    }

    /// <summary>
    /// Every scheme's year with invoices that lack money on their own rows (<see cref="Invoice.OwnRemaining"/>) and are
    /// not yet handed to a person — the candidates for a reminder, each with the ETag a change to it is guarded by, of
    /// which its chain (<see cref="DocumentChain"/>) says what is really due — with every document of that year, which
    /// the chains are made of. Found from the index of open items (<see cref="OpenItemEntity"/>): only the years whose
    /// index names any invoice are read, one query each, so what is read grows with what is open, not with the years of
    /// paid invoices behind it. A candidate is a row within the index's range of numbers that is open by
    /// <see cref="OpenItemEntity.IsOpen"/>, the rule the index itself is kept by. With
    /// <paramref name="rememberPaidYears"/> (the reminder run; not its dry run, which only reads), a year whose index
    /// was found empty is remembered as such at its version, and not asked again while that version stands
    /// (<see cref="InvoicePartitionEntity.NoOpenItemsAtVersion"/>).
    /// </summary>
    public async Task<IReadOnlyList<DueYear>> ListDueYearsAsync(bool rememberPaidYears, CancellationToken cancellationToken)
    {
        var table = storage.Table(StorageNames.Invoices);
        var years = new List<DueYear>();
        foreach (var (partition, first, last) in await OpenPartitionsAsync(rememberPaidYears, cancellationToken))
        {
            var due = new List<InvoiceVersion>();
            var documents = new List<IssuedDocument>();
            await foreach (var entity in table.QueryAsync<InvoiceEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RecordType eq {InvoiceEntity.InvoiceRecord}"), cancellationToken: cancellationToken))
            {
                documents.Add(entity.ToDocument());
                if (OpenItemEntity.IsOpen(entity) && string.CompareOrdinal(entity.RowKey, first) >= 0 && string.CompareOrdinal(entity.RowKey, last) <= 0)
                {
                    due.Add(new InvoiceVersion(entity.ToInvoice(), entity.ETag, entity.IssuedAt));
                }
            }

            years.Add(new DueYear([.. due.OrderBy(v => v.Invoice.Number)], [.. documents.OrderBy(d => d.Number)]));
        }

        return years;
    }

    /// <summary>
    /// The partitions whose index of open items has any row, in the register's order, with the first and the last
    /// invoice number it names. The partitions are asked a few at once: each is a round trip whose answer is most
    /// often empty (a paid year), and one after another they made every year of history a round trip more on the run.
    /// A year remembered as paid at the version it still has is not asked at all: its version row is one point read,
    /// where its index is a query (which Azurite answers by filtering the whole table, every year of history in it).
    /// </summary>
    private async Task<IReadOnlyList<(string Partition, string First, string Last)>> OpenPartitionsAsync(bool rememberPaidYears, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = storage.Table(StorageNames.Invoices);
        var registered = new List<InvoicePartitionEntity>();
        await foreach (var row in table.QueryAsync<InvoicePartitionEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {InvoicePartitionEntity.Partition}"),
            select: ["RowKey", nameof(InvoicePartitionEntity.NoOpenItemsAtVersion)], cancellationToken: cancellationToken))
        {
            registered.Add(row);
        }

        var (from, to) = OpenItemEntity.RowKeyRange;
        var ranges = new (string First, string Last)?[registered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, registered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PartitionsAskedAtOnce, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var partition = registered[i].RowKey;
                // The version before the index: every transaction that opens an item moves the version with it, so an
                // index read after this version was read and found empty is empty at least until the version moves.
                var version = await YearVersionOfAsync(partition, ct);
                if (version is { } standing && standing.ToString() == registered[i].NoOpenItemsAtVersion)
                {
                    return;
                }

                string? first = null, last = null;
                await foreach (var item in table.QueryAsync<OpenItemEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"), select: ["InvoiceNumber"], cancellationToken: ct))
                {
                    first = first is null || string.CompareOrdinal(item.InvoiceNumber, first) < 0 ? item.InvoiceNumber : first;
                    last = last is null || string.CompareOrdinal(item.InvoiceNumber, last) > 0 ? item.InvoiceNumber : last;
                }

                ranges[i] = first is null ? null : (first, last!);
                if (first is null && rememberPaidYears && version is { } seen)
                {
                    // A merge: registering the partition again (a replace) forgets this, which only costs a query.
                    await table.UpsertEntityAsync(
                        new TableEntity(InvoicePartitionEntity.Partition, partition) { [nameof(InvoicePartitionEntity.NoOpenItemsAtVersion)] = seen.ToString() },
                        TableUpdateMode.Merge, ct);
                }
            });

        return [.. registered.Select((p, i) => (p.RowKey, ranges[i])).Where(r => r.Item2 is not null).Select(r => (r.RowKey, r.Item2!.Value.First, r.Item2!.Value.Last))];
    }

    /// <summary>How many partitions' open items are asked for at once.</summary>
    private const int PartitionsAskedAtOnce = 8;

    /// <summary>
    /// Every scheme and year that has invoices, from the partitions' register (<see cref="InvoicePartitionEntity"/>):
    /// what a reader of the whole ledger (the daily digest) goes through, one query per year, without a scan.
    /// </summary>
    public async Task<IReadOnlyList<(SchemeId Scheme, int Year)>> ListYearsAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var years = new List<(SchemeId, int)>();
        await foreach (var registered in storage.Table(StorageNames.Invoices).QueryAsync<InvoicePartitionEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {InvoicePartitionEntity.Partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            // The key is {scheme}:{yyyy} (InvoiceEntity.PartitionKeyFor); a scheme id has no ':'.
            var colon = registered.RowKey.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(registered.RowKey.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidDataException($"Table Invoices, partition {InvoicePartitionEntity.Partition}: row {registered.RowKey} is not scheme:year.");
            }

            years.Add((new SchemeId(registered.RowKey[..colon]), year));
        }

        return [.. years.OrderBy(y => y.Item1.Value, StringComparer.Ordinal).ThenBy(y => y.Item2)];
    }

    /// <summary>The document recorded with this number, an invoice or a credit note; null when there is none.</summary>
    public async Task<IssuedDocument?> FindAsync(SchemeId scheme, int year, InvoiceNumber number, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var response = await storage.Table(StorageNames.Invoices).GetEntityIfExistsAsync<InvoiceEntity>(
            InvoiceEntity.PartitionKeyFor(scheme, year), number.ToString(), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToDocument() : null;
    }

    /// <summary>
    /// The documents of a scheme and year recorded with a number from <paramref name="first"/> to <paramref name="last"/>:
    /// what a batch of issuing finds already done, with one query.
    /// </summary>
    public async Task<IReadOnlyDictionary<InvoiceNumber, IssuedDocument>> ListRangeAsync(
        SchemeId scheme, int year, InvoiceNumber first, InvoiceNumber last, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var (from, to) = (first.ToString(), last.ToString());
        var found = new Dictionary<InvoiceNumber, IssuedDocument>();
        // A filter string, not an expression: the SDK compiles an expression's captured values into a new method
        // on every call, and this look-up runs once per batch.
        await foreach (var entity in storage.Table(StorageNames.Invoices).QueryAsync<InvoiceEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to} and RecordType eq {InvoiceEntity.InvoiceRecord}"),
            cancellationToken: cancellationToken))
        {
            var document = entity.ToDocument();
            found[document.Number] = document;
        }

        return found;
    }

    /// <summary>A year's invoices (its documents less the credit notes) in number order: what is paid, reminded and refunded.</summary>
    public async Task<IReadOnlyList<Invoice>> ListInvoicesAsync(SchemeId scheme, int year, CancellationToken cancellationToken) =>
        [.. (await ListAsync(scheme, year, cancellationToken)).OfType<Invoice>()];

    /// <summary>The invoice recorded with this number; null when there is none, or the number is a credit note's.</summary>
    public async Task<Invoice?> FindInvoiceAsync(SchemeId scheme, int year, InvoiceNumber number, CancellationToken cancellationToken) =>
        await FindAsync(scheme, year, number, cancellationToken) as Invoice;

    /// <summary>
    /// The version of a scheme's year (<see cref="YearVersionEntity"/>): an ETag that changes with every transaction that
    /// adds or changes one of its documents. Null when no transaction has written it yet (a year last changed before the
    /// version was kept): then nothing can be told from it.
    /// </summary>
    public async Task<ETag?> FindYearVersionAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return await YearVersionOfAsync(InvoiceEntity.PartitionKeyFor(scheme, year), cancellationToken);
    }

    private async Task<ETag?> YearVersionOfAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await storage.Table(StorageNames.Invoices).GetEntityIfExistsAsync<YearVersionEntity>(
            partition, YearVersionEntity.Key, select: ["RowKey"], cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ETag : null;
    }

    /// <summary>A year's documents (invoices and credit notes) in number order.</summary>
    public async Task<IReadOnlyList<IssuedDocument>> ListAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var documents = new List<IssuedDocument>();
        await foreach (var entity in storage.Table(StorageNames.Invoices).QueryAsync<InvoiceEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RecordType eq {InvoiceEntity.InvoiceRecord}"), cancellationToken: cancellationToken))
        {
            documents.Add(entity.ToDocument());
        }

        return documents.OrderBy(d => d.Number).ToArray();
    }
}
