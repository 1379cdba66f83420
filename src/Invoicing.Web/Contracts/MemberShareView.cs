using Invoicing.Allocation;

namespace Invoicing.Web.Contracts;

/// <summary>
/// How one member's share of a budget came about, the <see cref="ShareSpecification"/> cut from the allocation finance
/// and the invoices use (the same cut the e-invoice's specification is written from), as the API shows it: every
/// shared line the member takes part in with the pool, the key it was split by and every participant's figures, the
/// member's fixed contributions, and the decision that approved it.
/// </summary>
public sealed record MemberShareView(
    string Scheme,
    int Year,
    string SchemeName,
    string Party,
    string PartyName,
    MemberShareView.DecisionView Decision,
    decimal Total,
    IReadOnlyList<MemberShareView.Pool> Pools,
    IReadOnlyList<AllocationView.FixedLine> Fixed)
{
    public static MemberShareView From(Budgets.Budget budget, ShareSpecification specification, DecisionView decision) => new(
        budget.Scheme.Value,
        budget.Year,
        budget.SchemeName,
        specification.Party.Code.Value,
        specification.Party.Name,
        decision,
        Kronor.From(specification.Total),
        [.. specification.Pools.Select(pool => PoolOf(pool, specification.OwnShare(pool)))],
        [.. specification.Fixed.Select(AllocationView.FixedLineOf)]);

    private static Pool PoolOf(PoolAllocation pool, PoolShare own)
    {
        var shown = AllocationView.PoolOf(pool);
        return new Pool(
            shown.Line, shown.Text, shown.Key, shown.Amount, shown.Source, shown.ReferenceDate, shown.TotalPopulation, AllocationView.ShareOf(pool, own), shown.Shares);
    }

    /// <summary>
    /// A shared line as the allocation split it: <c>amount</c> the pool, <c>key</c>, <c>source</c> and
    /// <c>referenceDate</c> the population table (none for an equal split), <c>share</c> the member's part and
    /// <c>shares</c> every participant's (the member's included), whose amounts sum to <c>amount</c>.
    /// </summary>
    public sealed record Pool(
        int Line,
        string Text,
        string Key,
        decimal Amount,
        string? Source,
        DateOnly? ReferenceDate,
        long TotalPopulation,
        AllocationView.Share Share,
        IReadOnlyList<AllocationView.Share> Shares);

    /// <summary>
    /// The budget meeting's decision the figures stand on: the first approval (revision 0) or the current revision's;
    /// <c>approvedBy</c> and <c>approvedAt</c> who recorded it, and when, from the audit trail (null if it has no record).
    /// </summary>
    public sealed record DecisionView(DateOnly DecidedOn, string Reference, int Revision, string? ApprovedBy, DateTimeOffset? ApprovedAt);
}
