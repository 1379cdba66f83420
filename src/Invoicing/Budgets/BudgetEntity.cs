using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Invoicing.Budgets;

/// <summary>
/// Table <c>Budgets</c>, the budget's header row: partition = scheme, row key = year (<c>2026</c>). Its lines
/// live in the same partition (<see cref="BudgetLineEntity"/>) so a budget is saved in one atomic transaction.
/// </summary>
internal sealed class BudgetEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SchemeName { get; set; } = "";

    public string Status { get; set; } = nameof(BudgetStatus.Draft);

    public int LineCount { get; set; }

    /// <summary>ISO date of the budget meeting's decision.</summary>
    public string? DecidedOn { get; set; }

    public string? DecisionReference { get; set; }

    public string? PlanFingerprint { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The approved revision runs invoice to (absent = 0, the budget as first approved).</summary>
    public int Revision { get; set; }

    /// <summary>The dataset's party codes, space-separated (<see cref="Budget.Members"/>); absent for a budget built in code.</summary>
    public string? Members { get; set; }

    /// <summary>Set when a run has issued every invoice of the budget; later runs skip it.</summary>
    public DateTimeOffset? InvoicingCompletedAt { get; set; }

    public static string RowKeyFor(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    public static BudgetEntity From(Budget budget) => new()
    {
        PartitionKey = budget.Scheme.Value,
        RowKey = RowKeyFor(budget.Year),
        SchemeName = budget.SchemeName,
        Status = budget.Status.ToString(),
        LineCount = budget.Lines.Count,
        DecidedOn = budget.Decision?.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DecisionReference = budget.Decision?.Reference,
        PlanFingerprint = budget.ApprovedPlanFingerprint,
        Revision = budget.Revision,
        Members = budget.Members is { } members ? string.Join(' ', members.Order().Select(m => m.Value)) : null,
    };

    public Budget ToBudget(IReadOnlyList<BudgetLine> lines)
    {
        var key = $"{PartitionKey} {RowKey}";
        if (lines.Count != LineCount)
        {
            throw new InvalidDataException($"Table Budgets, budget {key}: header says {LineCount} lines, {lines.Count} found.");
        }

        var status = Enum.TryParse<BudgetStatus>(Status, out var parsed)
            ? parsed
            : throw new InvalidDataException($"Table Budgets, budget {key}: unknown status '{Status}'.");
        BudgetDecision? decision = null;
        if (DecidedOn is not null)
        {
            decision = new BudgetDecision(
                DateOnly.ParseExact(DecidedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DecisionReference ?? "");
        }

        return new Budget(new SchemeId(PartitionKey), int.Parse(RowKey, CultureInfo.InvariantCulture), SchemeName, lines)
        {
            Status = status,
            Decision = decision,
            ApprovedPlanFingerprint = PlanFingerprint,
            Revision = Revision,
            Members = Members is null ? null : Members.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => new Parties.PartyCode(code)).ToHashSet(),
        };
    }
}
