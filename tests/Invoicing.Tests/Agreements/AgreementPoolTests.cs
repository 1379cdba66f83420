using CsCheck;
using Invoicing.Agreements;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Agreements;

/// <summary>A pool by population among the municipalities with an agreement (Stockholm's offer).</summary>
public sealed class AgreementPoolTests
{
    private static Agreement Agreement(string party, string signedOn = "2021-01-01", string? endsOn = null) =>
        new(new PartyCode(party), IsoDate.Parse(signedOn), endsOn is null ? null : IsoDate.Parse(endsOn), "Avtal " + party);

    private static BudgetBuilder Stockholm() => new BudgetBuilder()
        .WithMunicipality("0114", "Upplands Väsby kommun", "01", 50_323)
        .WithMunicipality("0115", "Vallentuna kommun", "01", 35_119)
        .WithMunicipality("0117", "Österåkers kommun", "01", 49_787)
        .WithMunicipality("0180", "Stockholms kommun", "01", 995_574)
        .WithMunicipality("0305", "Håbo kommun", "03", 22_000)
        .WithPool(new PoolParticipants.WithAgreement(new CountyCode("01")), Money.FromKronor(4_000_000), "Avtalskommuner");

    [Fact]
    public void Only_the_county_municipalities_whose_agreement_counts_for_the_year_share_the_pool()
    {
        var builder = Stockholm();
        var agreements = new AgreementTable([
            Agreement("0114"),
            Agreement("0115", endsOn: "2025-12-31"), // left before 2026
            Agreement("0180"),
            Agreement("0305"), // another county's municipality: not in a county 01 pool
        ]);

        var pool = BudgetAllocator.Allocate(builder.Build(), builder.Parties(), builder.Snapshots(), agreements).Pools.Single();

        Assert.Equal(new[] { "0114", "0180" }, pool.Shares.Select(s => s.Party.Code.Value).ToArray());
        Assert.Equal(Money.FromKronor(4_000_000), Money.Sum(pool.Shares.Select(s => s.Amount)));
    }

    [Fact]
    public void A_pool_among_agreement_holders_with_no_agreement_for_the_year_is_refused_naming_the_line()
    {
        var builder = Stockholm();

        var e = Assert.Throws<BudgetValidationException>(() =>
            BudgetAllocator.Allocate(builder.Build(), builder.Parties(), builder.Snapshots(), new AgreementTable([Agreement("0114", "2027-01-01")])));

        Assert.Contains("line 1 (Avtalskommuner): no agreement counts for 2026 among the pool's parties (agreements:county:01).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participants_among_agreement_holders_read_back_from_their_stored_form()
    {
        Assert.Equal(new PoolParticipants.WithAgreement(new CountyCode("01")), PoolParticipants.Parse("agreements:county:01"));
        Assert.Equal(new PoolParticipants.WithAgreement(null), PoolParticipants.Parse("agreements"));
        Assert.Equal("agreements:county:01", new PoolParticipants.WithAgreement(new CountyCode("01")).ToString());
    }

    [Fact]
    public void Shares_among_any_agreement_holders_sum_exactly_to_the_pool_and_go_to_them_only()
    {
        // Any subset of Stockholm county's municipalities signing, any pool in whole kronor.
        var codes = new[] { "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0180", "0181", "0182", "0184" };
        Gen.Select(Gen.Bool.Array[codes.Length], Gen.Long[1, 1_000_000_000], Gen.Long[1, 2_000_000].Array[codes.Length]).Sample(
            (signs, kronor, populations) =>
            {
                if (!signs.Any(s => s))
                {
                    return true;
                }

                var builder = new BudgetBuilder();
                for (var i = 0; i < codes.Length; i++)
                {
                    builder.WithMunicipality(codes[i], "Kommun " + codes[i], "01", populations[i]);
                }

                builder.WithPool(new PoolParticipants.WithAgreement(new CountyCode("01")), Money.FromKronor(kronor), "Avtalskommuner");
                var agreements = new AgreementTable(codes.Where((_, i) => signs[i]).Select(c => Agreement(c)));
                var pool = BudgetAllocator.Allocate(builder.Build(), builder.Parties(), builder.Snapshots(), agreements).Pools.Single();
                return Money.Sum(pool.Shares.Select(s => s.Amount)) == Money.FromKronor(kronor)
                    && pool.Shares.Select(s => s.Party.Code.Value).SequenceEqual(codes.Where((_, i) => signs[i]))
                    && pool.Shares.All(s => s.Amount >= Money.Zero && s.Amount.Ore % 100 == 0);
            },
            iter: 500);
    }
}
