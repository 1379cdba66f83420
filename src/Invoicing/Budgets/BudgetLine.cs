using Invoicing.Parties;

namespace Invoicing.Budgets;

/// <summary>One line of a budget. <see cref="Number"/> is its position in the budget (1-based) and its identity.</summary>
public abstract record BudgetLine(int Number, string Text, Money Amount)
{
    /// <summary>Whether this line produces invoice lines.</summary>
    public abstract bool IsInvoiced { get; }
}

/// <summary>A pool shared among municipalities (or other parties) in proportion to their population.</summary>
public sealed record PopulationPoolLine(
    int Number,
    string Text,
    Money Amount,
    PoolParticipants Participants,
    string PopulationSnapshotId,
    Money AllocationUnit) : BudgetLine(Number, Text, Amount)
{
    /// <summary>Whole kronor, as the budget documents use.</summary>
    public static readonly Money DefaultAllocationUnit = Money.FromKronor(1);

    public override bool IsInvoiced => true;
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
