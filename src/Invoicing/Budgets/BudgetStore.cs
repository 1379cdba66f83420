using Azure;
using Azure.Data.Tables;
using Invoicing.Storage;

namespace Invoicing.Budgets;

/// <summary>Budgets and their lines. A budget is saved and approved atomically; an approved one never changes.</summary>
public sealed class BudgetStore(InvoicingStorage storage, TimeProvider time)
{
    private TableClient Table => storage.Table(StorageNames.Budgets);

    /// <summary>Saves a draft (new, or replacing a draft). Refuses to touch an approved budget.</summary>
    public async Task SaveDraftAsync(Budget budget, CancellationToken cancellationToken)
    {
        if (budget.Status != BudgetStatus.Draft)
        {
            throw new BudgetStateException($"Budget {budget.Key} is {budget.Status}; only a draft can be saved.");
        }

        if (budget.Lines.Count > TableBatches.MaxActions - 1)
        {
            throw new BudgetStateException($"Budget {budget.Key} has {budget.Lines.Count} lines; at most {TableBatches.MaxActions - 1} are supported.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var existing = await FindHeaderAsync(budget.Scheme, budget.Year, cancellationToken);
        if (existing is not null && existing.Status != nameof(BudgetStatus.Draft))
        {
            throw new BudgetStateException($"Budget {budget.Key} is already {existing.Status}; it can no longer be changed.");
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
        ?? throw new BudgetNotFoundException($"There is no budget for scheme {scheme}, year {year}.");

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
            ?? throw new BudgetNotFoundException($"There is no budget for scheme {scheme}, year {year}.");
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
            throw new BudgetStateException($"Budget {approved.Key} was changed while it was being approved; try again.");
        }

        return approved;
    }

    /// <summary>Approved budgets whose invoicing is not yet complete, optionally for one year.</summary>
    public async Task<IReadOnlyList<(SchemeId Scheme, int Year)>> FindApprovedNotCompletedAsync(int? year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var result = new List<(SchemeId, int)>();
        // Table Storage cannot filter on a missing property, so "not completed" is checked here.
        await foreach (var header in Table.QueryAsync<BudgetEntity>(
            e => e.Status == nameof(BudgetStatus.Approved),
            cancellationToken: cancellationToken))
        {
            var headerYear = int.Parse(header.RowKey, System.Globalization.CultureInfo.InvariantCulture);
            if (header.InvoicingCompletedAt is null && (year is null || year == headerYear))
            {
                result.Add((new SchemeId(header.PartitionKey), headerYear));
            }
        }

        return result;
    }

    public async Task<DateTimeOffset?> GetInvoicingCompletedAtAsync(SchemeId scheme, int year, CancellationToken cancellationToken) =>
        (await FindHeaderAsync(scheme, year, cancellationToken))?.InvoicingCompletedAt;

    public async Task MarkInvoicingCompletedAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(scheme.Value, BudgetEntity.RowKeyFor(year))
        {
            [nameof(BudgetEntity.InvoicingCompletedAt)] = time.GetUtcNow(),
        };
        await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
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
            e => e.PartitionKey == scheme.Value && e.RowKey.CompareTo(after) > 0 && e.RowKey.CompareTo(before) < 0,
            cancellationToken: cancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }
}
