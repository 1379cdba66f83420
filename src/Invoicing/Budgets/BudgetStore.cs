using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Invoicing.Storage;

namespace Invoicing.Budgets;

/// <summary>Budgets and their lines. A budget is saved and approved atomically; an approved one never changes.</summary>
public sealed class BudgetStore(InvoicingStorage storage, TimeProvider time)
{
    private TableClient Table => storage.Table(StorageNames.Budgets);

    /// <summary>Saves a draft (new, or replacing a draft). Refuses to touch an approved budget.</summary>
    public Task SaveDraftAsync(Budget budget, CancellationToken cancellationToken) => SaveDraftAsync(budget, onlyNew: false, cancellationToken);

    /// <summary>
    /// Saves a draft for a year that has no budget yet (<c>budget prepare</c>): a budget of the year, draft or approved, is
    /// never replaced, and of two made at once only one is saved (the header is added, which fails if it exists).
    /// </summary>
    public async Task AddDraftAsync(Budget budget, CancellationToken cancellationToken)
    {
        try
        {
            await SaveDraftAsync(budget, onlyNew: true, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} was made at the same moment by someone else; it is left as they made it.",
                $"Budgeten {budget.Key} skapades i samma stund av någon annan; den lämnas som de gjorde den.");
        }
    }

    private async Task SaveDraftAsync(Budget budget, bool onlyNew, CancellationToken cancellationToken)
    {
        if (budget.Status != BudgetStatus.Draft)
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} is {budget.Status}; only a draft can be saved.",
                $"Budgeten {budget.Key} är {BudgetStatusText.SwedishPredicate(budget.Status)}; bara ett utkast kan sparas.");
        }

        if (budget.Lines.Count > TableBatches.MaxActions - 1)
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} has {budget.Lines.Count} lines; at most {TableBatches.MaxActions - 1} are supported.",
                $"Budgeten {budget.Key} har {budget.Lines.Count} rader; högst {TableBatches.MaxActions - 1} stöds.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var existing = await FindHeaderAsync(budget.Scheme, budget.Year, cancellationToken);
        if (onlyNew && existing is not null)
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} already exists ({existing.Status}); a budget is never prepared over another: look at it with budget show --year {budget.Year} --scheme {budget.Scheme}.",
                $"Budgeten {budget.Key} finns redan ({BudgetStatusText.Swedish(existing.Status)}); en budget förbereds aldrig över en annan: titta på den med budget show --year {budget.Year} --scheme {budget.Scheme}.");
        }

        if (existing is not null && existing.Status != nameof(BudgetStatus.Draft))
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} is already {existing.Status}; it can no longer be changed.",
                $"Budgeten {budget.Key} är redan {BudgetStatusText.SwedishPredicate(existing.Status)}; den kan inte längre ändras.");
        }

        var header = BudgetEntity.From(budget);
        var actions = new List<TableTransactionAction>
        {
            existing is null
                ? new TableTransactionAction(TableTransactionActionType.Add, header)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, header, existing.ETag),
        };
        var lineEntities = budget.Lines.Select(line => BudgetLineEntity.From(budget.Scheme, budget.Year, line)).ToList();
        actions.AddRange(lineEntities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        var newKeys = lineEntities.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await GetLineEntitiesAsync(budget.Scheme, budget.Year, cancellationToken)).Where(e => !newKeys.Contains(e.RowKey)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, stale, ETag.All));
        }

        await Table.SubmitTransactionAsync(actions, cancellationToken);
    }

    public async Task<Budget?> FindAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var header = await FindHeaderAsync(scheme, year, cancellationToken);
        if (header is null)
        {
            return null;
        }

        var lines = (await GetLineEntitiesAsync(scheme, year, cancellationToken)).Select(e => e.ToLine()).OrderBy(l => l.Number).ToArray();
        return header.ToBudget(lines);
    }

    /// <summary>Whether the scheme has a budget for the year, in any state: its header row alone, not its lines.</summary>
    public async Task<bool> ExistsAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return (await Table.GetEntityIfExistsAsync<TableEntity>(scheme.Value, BudgetEntity.RowKeyFor(year), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
    }

    /// <summary>Every budget of a scheme, by year (one partition query for the headers).</summary>
    public async Task<IReadOnlyList<Budget>> ListAsync(SchemeId scheme, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var years = new List<int>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == scheme.Value, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            // Header rows are keyed by the year alone; lines by "{year}-L{number}".
            if (entity.RowKey.Length == 4 && int.TryParse(entity.RowKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
            }
        }

        var budgets = new List<Budget>();
        foreach (var year in years.Order())
        {
            budgets.Add(await GetAsync(scheme, year, cancellationToken));
        }

        return budgets;
    }

    public async Task<Budget> GetAsync(SchemeId scheme, int year, CancellationToken cancellationToken) =>
        await FindAsync(scheme, year, cancellationToken)
        ?? throw new BudgetNotFoundException(
                $"There is no budget for scheme {scheme}, year {year}.",
                $"Det finns ingen budget för samverkan {scheme}, år {year}.");

    /// <summary>
    /// Approves a draft: records the decision and the fingerprint of the plan it approves. Optimistic
    /// concurrency (ETag) makes a concurrent edit or a second approval fail rather than win silently.
    /// </summary>
    public async Task<Budget> ApproveAsync(
        SchemeId scheme,
        int year,
        BudgetDecision decision,
        Func<Budget, CancellationToken, Task<string>> planFingerprint,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var header = await FindHeaderAsync(scheme, year, cancellationToken)
            ?? throw new BudgetNotFoundException(
                $"There is no budget for scheme {scheme}, year {year}.",
                $"Det finns ingen budget för samverkan {scheme}, år {year}.");
        var lines = (await GetLineEntitiesAsync(scheme, year, cancellationToken)).Select(e => e.ToLine()).OrderBy(l => l.Number).ToArray();
        var draft = header.ToBudget(lines);
        var approved = draft.Approve(decision, await planFingerprint(draft, cancellationToken));
        var entity = BudgetEntity.From(approved);
        entity.ApprovedAt = time.GetUtcNow();
        try
        {
            await Table.UpdateEntityAsync(entity, header.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new BudgetStateException(
                $"Budget {approved.Key} was changed while it was being approved; try again.",
                $"Budgeten {approved.Key} ändrades medan den godkändes; försök igen.");
        }

        return approved;
    }

    /// <summary>Approved budgets whose invoicing is not yet complete, optionally for one year.</summary>
    public async Task<IReadOnlyList<(SchemeId Scheme, int Year)>> FindApprovedNotCompletedAsync(int? year, CancellationToken cancellationToken)
    {
        // Table Storage cannot filter on a missing property, so "not completed" is checked here.
        var approved = await ApprovedHeadersAsync(cancellationToken);
        return approved.Where(h => h.Header.InvoicingCompletedAt is null && (year is null || year == h.Year)).Select(h => (h.Scheme, h.Year)).ToArray();
    }

    /// <summary>Every approved budget of every scheme, completed or not: the budgets that have issued documents.</summary>
    public async Task<IReadOnlyList<(SchemeId Scheme, int Year)>> ListApprovedAsync(CancellationToken cancellationToken) =>
        (await ApprovedHeadersAsync(cancellationToken)).Select(h => (h.Scheme, h.Year)).ToArray();

    private async Task<List<(SchemeId Scheme, int Year, BudgetEntity Header)>> ApprovedHeadersAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var headers = new List<(SchemeId, int, BudgetEntity)>();
        await foreach (var header in Table.QueryAsync<BudgetEntity>(
            e => e.Status == nameof(BudgetStatus.Approved),
            cancellationToken: cancellationToken))
        {
            headers.Add((new SchemeId(header.PartitionKey), int.Parse(header.RowKey, System.Globalization.CultureInfo.InvariantCulture), header));
        }

        return headers;
    }

    public async Task<DateTimeOffset?> GetInvoicingCompletedAtAsync(SchemeId scheme, int year, CancellationToken cancellationToken) =>
        (await FindHeaderAsync(scheme, year, cancellationToken))?.InvoicingCompletedAt;

    /// <summary>
    /// Marks the budget completed for <paramref name="revision"/>. Guarded by the header's ETag: when a newer
    /// revision was approved meanwhile, the mark is not set (that revision still has documents to issue).
    /// </summary>
    public async Task MarkInvoicingCompletedAsync(SchemeId scheme, int year, int revision, CancellationToken cancellationToken)
    {
        var header = await FindHeaderAsync(scheme, year, cancellationToken);
        if (header is null || header.Revision != revision)
        {
            return;
        }

        var entity = new TableEntity(scheme.Value, BudgetEntity.RowKeyFor(year))
        {
            [nameof(BudgetEntity.InvoicingCompletedAt)] = time.GetUtcNow(),
        };
        try
        {
            await Table.UpdateEntityAsync(entity, header.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Marked by a concurrent run, or a revision was approved in between: either way nothing to do here.
        }
    }

    /// <summary>
    /// Records a draft revision of an approved budget: the dataset's files go to a blob named by their SHA-256
    /// (written once), and the row <c>{year}-R{N}</c> (N = current revision + 1) points to it. Recording again
    /// before approval replaces the draft.
    /// </summary>
    public async Task<BudgetRevision> SaveRevisionDraftAsync(SchemeId scheme, int year, byte[] datasetJson, string planFingerprint, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var header = await FindHeaderAsync(scheme, year, cancellationToken)
            ?? throw new BudgetNotFoundException(
                $"There is no budget for scheme {scheme}, year {year}.",
                $"Det finns ingen budget för samverkan {scheme}, år {year}.");
        if (header.Status != nameof(BudgetStatus.Approved))
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year} is {header.Status}: a draft is changed by seeding it again, not revised.",
                $"Budgeten {scheme} {year} är {BudgetStatusText.SwedishPredicate(header.Status)}: ett utkast ändras genom att det skapas på nytt (seed), inte genom en revidering.");
        }

        var blobName = $"{scheme}/{year}/{Convert.ToHexStringLower(SHA256.HashData(datasetJson))}.json";
        try
        {
            await storage.Container(StorageNames.BudgetRevisionsContainer).GetBlobClient(blobName).UploadAsync(
                new BinaryData(datasetJson),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The same files were recorded before: the name is their hash, so the blob holds exactly them.
        }

        var entity = new BudgetRevisionEntity
        {
            PartitionKey = scheme.Value,
            RowKey = BudgetRevisionEntity.RowKeyFor(year, header.Revision + 1),
            DatasetBlob = blobName,
            PlanFingerprint = planFingerprint,
            RecordedAt = time.GetUtcNow(),
        };
        var existing = await Table.GetEntityIfExistsAsync<BudgetRevisionEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.RevisionStatus != BudgetRevisionEntity.Draft)
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year}: revision {header.Revision + 1} was approved meanwhile; revise again.",
                $"Budgeten {scheme} {year}: revision {header.Revision + 1} godkändes under tiden; revidera igen.");
        }

        try
        {
            if (existing.HasValue)
            {
                await Table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year}: revision {header.Revision + 1} was recorded concurrently; look at it with budget show and revise again if needed.",
                $"Budgeten {scheme} {year}: revision {header.Revision + 1} registrerades samtidigt av någon annan; titta på den med budget show och revidera igen om det behövs.");
        }

        return entity.ToRevision();
    }

    /// <summary>
    /// Approves the pending draft revision: the revision row (Approved, with the decision) and the budget header
    /// (current revision, its fingerprint, not completed) change in one transaction, both ETag-guarded. Refused
    /// while the current revision is not yet completely issued, so no document is left behind a newer revision.
    /// </summary>
    public async Task<BudgetRevision> ApproveRevisionAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var header = await FindHeaderAsync(scheme, year, cancellationToken)
            ?? throw new BudgetNotFoundException(
                $"There is no budget for scheme {scheme}, year {year}.",
                $"Det finns ingen budget för samverkan {scheme}, år {year}.");
        var rowKey = BudgetRevisionEntity.RowKeyFor(year, header.Revision + 1);
        var pending = await Table.GetEntityIfExistsAsync<BudgetRevisionEntity>(scheme.Value, rowKey, cancellationToken: cancellationToken);
        if (!pending.HasValue || pending.Value!.RevisionStatus != BudgetRevisionEntity.Draft)
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year} is already approved and has no draft revision to approve; record one with budget revise.",
                $"Budgeten {scheme} {year} är redan godkänd och har ingen utkastrevision att godkänna; registrera en med budget revise.");
        }

        if (header.InvoicingCompletedAt is null)
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year}: revision {header.Revision} is not completely issued yet; run the invoicing (./invoicing run) before approving revision {header.Revision + 1}.",
                $"Budgeten {scheme} {year}: revision {header.Revision} är inte helt fakturerad än; kör faktureringen (./invoicing run) innan revision {header.Revision + 1} godkänns.");
        }

        var revision = pending.Value!;
        revision.RevisionStatus = BudgetRevisionEntity.Approved;
        revision.DecidedOn = IsoDate.Format(decision.DecidedOn);
        revision.DecisionReference = decision.Reference;
        revision.ApprovedAt = time.GetUtcNow();
        header.Revision++;
        header.PlanFingerprint = revision.PlanFingerprint;
        header.InvoicingCompletedAt = null;
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, header, header.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, revision, revision.ETag),
                ],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new BudgetStateException(
                $"Budget {scheme} {year} was changed while revision {header.Revision} was being approved; try again.",
                $"Budgeten {scheme} {year} ändrades medan revision {header.Revision} godkändes; försök igen.");
        }

        return revision.ToRevision();
    }

    /// <summary>Every revision of the budget (drafts included), oldest first.</summary>
    public async Task<IReadOnlyList<BudgetRevision>> ListRevisionsAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var (after, before) = BudgetRevisionEntity.RangeFor(year);
        var revisions = new List<BudgetRevision>();
        await foreach (var entity in Table.QueryAsync<BudgetRevisionEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {scheme.Value} and RowKey gt {after} and RowKey lt {before}"),
            cancellationToken: cancellationToken))
        {
            revisions.Add(entity.ToRevision());
        }

        return revisions.OrderBy(r => r.Number).ToArray();
    }

    /// <summary>
    /// A revision's dataset as recorded (the bytes <see cref="SaveRevisionDraftAsync"/> was given) and the blob's name for
    /// messages. Reading the files out of it is the dataset's job (<c>Dataset.RevisionDatasets</c>), which sits above budgets.
    /// </summary>
    public async Task<(byte[] Json, string Source)> ReadRevisionDatasetJsonAsync(BudgetRevision revision, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var content = await storage.Container(StorageNames.BudgetRevisionsContainer).GetBlobClient(revision.DatasetBlob).DownloadContentAsync(cancellationToken);
        return (content.Value.Content.ToArray(), $"{StorageNames.BudgetRevisionsContainer}/{revision.DatasetBlob}");
    }

    private async Task<BudgetEntity?> FindHeaderAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<BudgetEntity>(scheme.Value, BudgetEntity.RowKeyFor(year), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<List<BudgetLineEntity>> GetLineEntitiesAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var (after, before) = BudgetLineEntity.RangeFor(year);
        var lines = new List<BudgetLineEntity>();
        await foreach (var line in Table.QueryAsync<BudgetLineEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {scheme.Value} and RowKey gt {after} and RowKey lt {before}"),
            cancellationToken: cancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }
}
