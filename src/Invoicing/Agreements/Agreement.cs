using Invoicing.Parties;

namespace Invoicing.Agreements;

/// <summary>
/// A party's agreement to take part in a scheme (Stockholm's offer: a municipality signs an agreement with
/// Stockholms stad). <see cref="EndsOn"/> is the last day it is in force; null while it runs until further notice.
/// </summary>
public sealed record Agreement(PartyCode Party, DateOnly SignedOn, DateOnly? EndsOn, string Reference)
{
    /// <summary>Longest reference kept (a diary number or a decision; printed nowhere, shown in listings).</summary>
    public const int MaxReferenceLength = 100;

    /// <summary>
    /// Whether the agreement counts for a budget year: in force on at least one day of it (signed on or before
    /// 31 December, not ended before 1 January). The party then pays the whole year's share: the offer prices a
    /// year of the service, and a pool is split once per year, so there is no pro-rating by the day.
    /// </summary>
    public bool CountsFor(int budgetYear) =>
        SignedOn <= new DateOnly(budgetYear, 12, 31) && (EndsOn is not { } end || end >= new DateOnly(budgetYear, 1, 1));
}
