using Invoicing.Parties;

namespace Invoicing.Budgets;

/// <summary>One line of a budget. <see cref="Number"/> is its position in the budget (1-based) and its identity.</summary>
public abstract record BudgetLine(int Number, string Text, Money Amount)
{
    /// <summary>Whether this line produces invoice lines.</summary>
    public abstract bool IsInvoiced { get; }

    /// <summary>The line's amounts over several years, when budget.json gave <c>amounts</c>; null: the same amount every year.</summary>
    public AmountPlan? Plan { get; init; }

    /// <summary>
    /// What the line asks for in <paramref name="year"/>, as a budget prepared from this one takes it: the plan's figure for
    /// the year, else this amount (as last year). Null when the plan names years but not this one and gave no <c>amount</c>.
    /// </summary>
    public Money? AmountIn(int year) => Plan is { } plan ? plan.For(year) : Amount;
}

/// <summary>
/// A line its participants share by an allocation key: by population (<see cref="PopulationPoolLine"/>), at a rate per
/// inhabitant (<see cref="PerCapitaLine"/>) or in equal parts (<see cref="EqualSplitLine"/>).
/// </summary>
public abstract record SharedLine(int Number, string Text, Money Amount, PoolParticipants Participants) : BudgetLine(Number, Text, Amount)
{
    public override bool IsInvoiced => true;

    /// <summary>The population snapshot the key reads, if it reads one.</summary>
    public string? PopulationKey => this switch
    {
        PopulationPoolLine pool => pool.PopulationSnapshotId,
        PerCapitaLine perCapita => perCapita.PopulationSnapshotId,
        _ => null,
    };
}

/// <summary>
/// A pool shared among municipalities (or other parties) in proportion to their population; optionally each pays a
/// base fee first, and no share exceeds a cap or falls below a floor (<c>Allocation.PoolSplit</c>).
/// </summary>
public sealed record PopulationPoolLine(
    int Number,
    string Text,
    Money Amount,
    PoolParticipants Participants,
    string PopulationSnapshotId,
    Money AllocationUnit) : SharedLine(Number, Text, Amount, Participants)
{
    /// <summary>Whole kronor, as the budget documents use.</summary>
    public static readonly Money DefaultAllocationUnit = Money.FromKronor(1);

    /// <summary>Paid by every participant before the rest is split by population.</summary>
    public Money? BaseFee { get; init; }

    /// <summary>The most a participant pays, base fee included.</summary>
    public Money? Cap { get; init; }

    /// <summary>The least a participant pays, base fee included.</summary>
    public Money? Floor { get; init; }

    public bool HasTerms => BaseFee is not null || Cap is not null || Floor is not null;
}

/// <summary>
/// A rate per inhabitant (kronor with at most two decimals), one for all or one per party kind (Kommuninvest's regions at
/// a fifth of the municipal rate). Each participant pays rate × population rounded to whole kronor; <see
/// cref="BudgetLine.Amount"/> is their sum, worked out when the line is read (<c>Allocation.PerCapitaRule</c>).
/// </summary>
public sealed record PerCapitaLine(
    int Number,
    string Text,
    Money Amount,
    PoolParticipants Participants,
    string PopulationSnapshotId,
    PerCapitaRates Rates) : SharedLine(Number, Text, Amount, Participants);

/// <summary>An amount in equal whole-krona shares among the participants (Inera: "no difference between a large and a small municipality").</summary>
public sealed record EqualSplitLine(int Number, string Text, Money Amount, PoolParticipants Participants) : SharedLine(Number, Text, Amount, Participants);

/// <summary>The rate of a per-capita line: <see cref="All"/> for every participant, or one per party kind.</summary>
public sealed record PerCapitaRates(Money? All, IReadOnlyDictionary<PartyKind, Money> ByKind)
{
    public static PerCapitaRates Flat(Money rate) => new(rate, new Dictionary<PartyKind, Money>());

    public Money? For(PartyKind kind) => All ?? (ByKind.TryGetValue(kind, out var rate) ? rate : null);

    public bool Equals(PerCapitaRates? other) =>
        other is not null && All == other.All && ByKind.Count == other.ByKind.Count && ByKind.All(r => other.ByKind.TryGetValue(r.Key, out var o) && o == r.Value);

    public override int GetHashCode() => HashCode.Combine(All, ByKind.Count);
}

/// <summary>A fixed contribution invoiced to one party.</summary>
public sealed record FixedContributionLine(int Number, string Text, Money Amount, PartyCode Party) : BudgetLine(Number, Text, Amount)
{
    public override bool IsInvoiced => true;
}

/// <summary>
/// Income recorded in the budget report but not invoiced: carry-over from last year, state grants, or a
/// contribution paid some other way. Naming a party is optional.
/// </summary>
public sealed record RecordedIncomeLine(int Number, string Text, Money Amount, PartyCode? Party) : BudgetLine(Number, Text, Amount)
{
    public override bool IsInvoiced => false;
}

/// <summary>A cost the income pays for; shown in the budget report only.</summary>
public sealed record CostLine(int Number, string Text, Money Amount) : BudgetLine(Number, Text, Amount)
{
    public override bool IsInvoiced => false;
}
