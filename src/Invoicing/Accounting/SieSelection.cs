using Invoicing.Budgets;
using Invoicing.Issuers;

namespace Invoicing.Accounting;

/// <summary>
/// What an SIE export holds: the vouchers of <see cref="Issuer"/>'s books dated in <see cref="Period"/>, from every
/// scheme it issues and every budget year — or, narrowed, only the documents of one budget year and/or one scheme
/// (and the payments on them).
/// </summary>
public sealed record SieSelection(Issuer Issuer, SiePeriod Period)
{
    /// <summary>Only the documents of this budget year; null for all.</summary>
    public int? BudgetYear { get; init; }

    /// <summary>Only the documents of this scheme; null for every scheme of the issuer.</summary>
    public SchemeId? Scheme { get; init; }

    public bool Includes(SchemeId scheme, int budgetYear) =>
        (BudgetYear is null || BudgetYear == budgetYear) && (Scheme is null || Scheme == scheme);
}
