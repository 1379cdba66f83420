using Invoicing.Agreements;
using Invoicing.Parties;

namespace Invoicing.Tests.Agreements;

/// <summary>An agreement counts for a budget year when it is in force on at least one day of that year.</summary>
public sealed class AgreementTests
{
    private static Agreement Signed(string signedOn, string? endsOn = null) =>
        new(new PartyCode("0114"), IsoDate.Parse(signedOn), endsOn is null ? null : IsoDate.Parse(endsOn), "KS 2025/17");

    [Theory]
    [InlineData("2026-12-31", null, true)] // signed on the year's last day: in force one day of it
    [InlineData("2027-01-01", null, false)] // signed the day after: next year's
    [InlineData("2020-05-01", null, true)] // until further notice
    [InlineData("2020-05-01", "2026-01-01", true)] // last day in force is the year's first
    [InlineData("2020-05-01", "2025-12-31", false)] // ended before the year began: left
    [InlineData("2026-03-16", "2026-06-30", true)] // joined in March, left in June: pays the year
    public void An_agreement_counts_for_the_budget_year_when_in_force_on_any_day_of_it(string signedOn, string? endsOn, bool counts)
    {
        Assert.Equal(counts, Signed(signedOn, endsOn).CountsFor(2026));
    }

    [Fact]
    public void The_table_lists_the_parties_whose_agreement_counts_for_the_year()
    {
        var table = new AgreementTable([
            Signed("2021-01-01") with { Party = new PartyCode("0114") },
            Signed("2021-01-01", "2025-12-31") with { Party = new PartyCode("0115") },
            Signed("2027-01-01") with { Party = new PartyCode("0117") },
        ]);

        Assert.Equal(new[] { new PartyCode("0114") }, table.PartiesFor(2026).ToArray());
        Assert.Equal(new[] { new PartyCode("0114"), new PartyCode("0115") }, table.PartiesFor(2025).Order().ToArray());
    }

    [Fact]
    public void A_party_has_at_most_one_agreement()
    {
        Assert.Throws<ArgumentException>(() => new AgreementTable([Signed("2021-01-01"), Signed("2022-01-01")]));
    }
}
