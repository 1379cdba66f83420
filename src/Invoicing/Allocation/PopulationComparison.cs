using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Allocation;

/// <summary>
/// Two snapshots side by side: every party whose figure differs (or that only one has), and for each pool that
/// is split by either of them, what every participant would pay under each.
/// </summary>
public sealed record PopulationComparison(
    PopulationSnapshot A,
    PopulationSnapshot B,
    IReadOnlyList<PopulationDifference> Differences,
    IReadOnlyList<PoolEffect> Pools)
{
    /// <param name="budgets">The scheme's budgets; their pools that name <paramref name="a"/> or <paramref name="b"/> are compared.</param>
    public static PopulationComparison Compare(PopulationSnapshot a, PopulationSnapshot b, IEnumerable<Budget> budgets, IReadOnlyDictionary<PartyCode, Party> parties)
    {
        var differences = a.Populations.Keys.Union(b.Populations.Keys)
            .Order()
            .Select(code => new PopulationDifference(code, parties.GetValueOrDefault(code)?.Name,
                a.Populations.TryGetValue(code, out var x) ? x : null, b.Populations.TryGetValue(code, out var y) ? y : null))
            .Where(d => d.A != d.B)
            .ToArray();

        var snapshots = new Dictionary<string, PopulationSnapshot>(StringComparer.Ordinal) { [a.Id] = a, [b.Id] = b };
        var pools = new List<PoolEffect>();
        foreach (var budget in budgets)
        {
            foreach (var line in budget.Lines.OfType<PopulationPoolLine>().Where(l => snapshots.ContainsKey(l.PopulationSnapshotId)))
            {
                var underA = Allocate(budget, line with { PopulationSnapshotId = a.Id }, parties, snapshots);
                var underB = Allocate(budget, line with { PopulationSnapshotId = b.Id }, parties, snapshots);
                pools.Add(PoolEffect.From(budget, line, underA, underB));
            }
        }

        return new PopulationComparison(a, b, differences, pools);
    }

    private static (PoolAllocation? Allocation, string? Problem) Allocate(
        Budget budget, PopulationPoolLine line, IReadOnlyDictionary<PartyCode, Party> parties, IReadOnlyDictionary<string, PopulationSnapshot> snapshots)
    {
        try
        {
            return (BudgetAllocator.Allocate(budget with { Lines = [line] }, parties, snapshots).Pools.Single(), null);
        }
        catch (BudgetValidationException e)
        {
            return (null, string.Join("; ", e.Problems));
        }
    }
}

/// <summary>A party whose population differs between the snapshots (null: the snapshot does not have it).</summary>
public sealed record PopulationDifference(PartyCode Party, string? Name, long? A, long? B)
{
    public long? Change => A is { } a && B is { } b ? b - a : null;
}

/// <summary>One pool split by A and by B: each participant's population key (tenths of a per cent) and amount under both.</summary>
public sealed record PoolEffect(string Budget, int Line, string Text, Money Amount, IReadOnlyList<ShareEffect> Shares, string? Problem)
{
    internal static PoolEffect From(Budget budget, PopulationPoolLine line, (PoolAllocation? Allocation, string? Problem) a, (PoolAllocation? Allocation, string? Problem) b)
    {
        if (a.Allocation is null || b.Allocation is null)
        {
            return new PoolEffect(budget.Key, line.Number, line.Text, line.Amount, [], a.Problem ?? b.Problem);
        }

        var shares = a.Allocation.Shares.Join(b.Allocation.Shares, s => s.Party.Code, s => s.Party.Code, (x, y) => new ShareEffect(
            x.Party.Code, x.Party.Name,
            x.Population, x.KeyPerMille(a.Allocation.TotalPopulation), x.Amount,
            y.Population, y.KeyPerMille(b.Allocation.TotalPopulation), y.Amount)).ToArray();
        return new PoolEffect(budget.Key, line.Number, line.Text, line.Amount, shares, null);
    }
}

/// <summary>A participant's share of a pool under snapshot A and under snapshot B.</summary>
public sealed record ShareEffect(PartyCode Party, string Name, long PopulationA, long KeyPerMilleA, Money AmountA, long PopulationB, long KeyPerMilleB, Money AmountB)
{
    public Money Change => AmountB - AmountA;
}
