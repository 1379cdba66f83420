using Invoicing.Agreements;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Allocation;

/// <summary>The allocation keys of a budget line (docs/allocation.md), through the allocator, with the worked examples.</summary>
public sealed class AllocationKeyTests
{
    private static readonly PoolParticipants County19 = new PoolParticipants.CountyMunicipalities(new CountyCode("19"));

    private static BudgetBuilder WithTerms(long kronor, long? baseFee = null, long? cap = null, long? floor = null) =>
        BudgetBuilder.Vastmanland().WithLine(n => new PopulationPoolLine(n, "Kommunerna", Money.FromKronor(kronor), County19, BudgetBuilder.DefaultSnapshot, PopulationPoolLine.DefaultAllocationUnit)
        {
            BaseFee = baseFee is { } f ? Money.FromKronor(f) : null,
            Cap = cap is { } c ? Money.FromKronor(c) : null,
            Floor = floor is { } l ? Money.FromKronor(l) : null,
        });

    /// <summary>Kronor are grouped with a no-break space; the expected texts are written with plain ones.</summary>
    private static string Plain(string text) => text.Replace('\u00A0', ' ');

    private static Money Share(PoolAllocation pool, string code) => pool.Shares.Single(s => s.Party.Code.Value == code).Amount;

    [Fact]
    public void Each_participant_pays_the_base_fee_and_the_rest_is_split_by_population()
    {
        var pool = Assert.Single(WithTerms(75_000, baseFee: 2_000).Allocate().Pools);

        Assert.Equal(Money.FromKronor(75_000), pool.Total);
        var rest = LargestRemainder.Allocate(55_000, pool.Shares.Select(s => (s.Party.Code.Value, s.Population)).ToArray());
        Assert.Equal(rest.Select(r => Money.FromKronor(r + 2_000)), pool.Shares.Select(s => s.Amount));
        Assert.All(pool.Shares, s => Assert.Equal(Money.FromKronor(2_000), s.BaseFee));
    }

    [Fact]
    public void A_share_above_the_cap_pays_the_cap_and_the_rest_is_split_again_among_the_others()
    {
        var pool = Assert.Single(WithTerms(75_000, cap: 30_000).Allocate().Pools);

        Assert.Equal(Money.FromKronor(30_000), Share(pool, "1980"));
        Assert.Equal(PoolSplit.Bound.Cap, pool.Shares.Single(s => s.Party.Code.Value == "1980").Bound);
        var others = pool.Shares.Where(s => s.Party.Code.Value != "1980").ToArray();
        Assert.Equal(LargestRemainder.Allocate(45_000, others.Select(s => (s.Party.Code.Value, s.Population)).ToArray()).Select(Money.FromKronor), others.Select(s => s.Amount));
        Assert.Equal(Money.FromKronor(75_000), pool.Total);
    }

    [Fact]
    public void A_share_below_the_floor_pays_the_floor_and_the_others_pay_the_difference()
    {
        var pool = Assert.Single(WithTerms(75_000, floor: 2_000).Allocate().Pools);

        // Skinnskatteberg (4 238 of 280 999) would pay 1 131 kr, Norberg 1 436 kr: both pay the floor.
        Assert.Equal(Money.FromKronor(2_000), Share(pool, "1904"));
        Assert.Equal(Money.FromKronor(2_000), Share(pool, "1962"));
        Assert.All(pool.Shares, s => Assert.True(s.Amount >= Money.FromKronor(2_000)));
        Assert.Equal(Money.FromKronor(75_000), pool.Total);
    }

    [Fact]
    public void Base_fees_beyond_the_pool_are_refused_in_one_line_naming_line_and_field()
    {
        var e = Assert.Throws<BudgetValidationException>(() => WithTerms(15_000, baseFee: 2_000).Allocate());

        Assert.Equal(
            "Budget test-scheme 2026 cannot be invoiced: line 1 (Kommunerna), baseFee: the base fees of 10 participants (10 × 2 000 kr) exceed the pool (15 000 kr).",
            Plain(e.Message));
    }

    [Fact]
    public void A_cap_that_cannot_hold_the_pool_is_refused_naming_the_cap()
    {
        var e = Assert.Throws<BudgetValidationException>(() => WithTerms(75_000, cap: 7_000).Allocate());

        Assert.Equal(
            "Budget test-scheme 2026 cannot be invoiced: line 1 (Kommunerna), cap: 10 participants at the cap (10 × 7 000 kr) pay less than the pool (75 000 kr).",
            Plain(e.Message));
    }

    [Fact]
    public void A_floor_the_pool_cannot_pay_is_refused_naming_the_floor()
    {
        var e = Assert.Throws<BudgetValidationException>(() => WithTerms(75_000, floor: 8_000).Allocate());

        Assert.Contains("line 1 (Kommunerna), floor: 10 participants at the floor (10 × 8 000 kr) pay more than the pool (75 000 kr).", Plain(e.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_that_is_not_whole_allocation_units_is_refused()
    {
        var e = Assert.Throws<BudgetValidationException>(() => WithTerms(75_000, baseFee: 2_000).WithLine(n => new PopulationPoolLine(n, "Öre", Money.FromKronor(100), County19, BudgetBuilder.DefaultSnapshot, Money.FromKronor(10)) { Cap = new Money(1_550) }).Allocate());

        Assert.Contains("line 2 (Öre), cap: 15,50 kr is not a whole number of allocation units of 10,00 kr.", Plain(e.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Skaraborg_pays_42_25_kr_per_inhabitant_rounded_half_up_and_the_line_total_is_the_sum()
    {
        var builder = BudgetBuilder.Vastmanland().WithLine(n => new PerCapitaLine(n, "Medlemsavgift", Money.Zero, County19, BudgetBuilder.DefaultSnapshot, PerCapitaRates.Flat(new Money(4_225))));
        var allocation = builder.Allocate();
        var line = Assert.Single(allocation.Pools);

        // Västerås: 161 236 × 42,25 = 6 812 221,00; Skinnskatteberg 4 238 × 42,25 = 179 055,50, half rounds up.
        Assert.Equal(Money.FromKronor(6_812_221), Share(line, "1980"));
        Assert.Equal(Money.FromKronor(179_056), Share(line, "1904"));
        Assert.Equal(Money.Sum(line.Shares.Select(s => PerCapitaRule.Share(new Money(4_225), s.Population))), line.Total);
        var budget = allocation.WithPerCapitaTotals();
        Assert.Equal(line.Total, budget.Lines.Single().Amount);
        Assert.Equal(line.Total, BudgetAllocator.Allocate(budget, builder.Parties(), builder.Snapshots()).Pools.Single().Total);
    }

    [Fact]
    public void Rates_by_party_kind_charge_a_region_its_own_rate_and_a_kind_without_a_rate_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithRegion("REGION-19", "Region Västmanland", "19").WithPopulation("REGION-19", 280_999)
            .WithAgency("FK", "Försäkringskassan").WithPopulation("FK", 1);
        var rates = new PerCapitaRates(null, new Dictionary<PartyKind, Money> { [PartyKind.Municipality] = Money.FromKronor(1_300), [PartyKind.Region] = Money.FromKronor(260) });
        var ok = builder.WithLine(n => new PerCapitaLine(n, "Insats", Money.Zero, new PoolParticipants.Listed([new PartyCode("1980"), new PartyCode("REGION-19")]), BudgetBuilder.DefaultSnapshot, rates)).Allocate();

        Assert.Equal(Money.FromKronor(161_236L * 1_300), Share(ok.Pools.Single(), "1980"));
        Assert.Equal(Money.FromKronor(280_999L * 260), Share(ok.Pools.Single(), "REGION-19"));

        var e = Assert.Throws<BudgetValidationException>(() => BudgetBuilder.Vastmanland().WithAgency("FK", "Försäkringskassan").WithPopulation("FK", 1)
            .WithLine(n => new PerCapitaLine(n, "Insats", Money.Zero, new PoolParticipants.Listed([new PartyCode("FK")]), BudgetBuilder.DefaultSnapshot, rates)).Allocate());
        Assert.Equal("Budget test-scheme 2026 cannot be invoiced: line 1 (Insats), rates: party FK (Försäkringskassan) is a Agency and the line has no rate for that kind.", Plain(e.Message));
    }

    [Fact]
    public void A_stored_per_capita_total_that_no_longer_matches_rate_times_population_is_refused()
    {
        var e = Assert.Throws<BudgetValidationException>(() => BudgetBuilder.Vastmanland()
            .WithLine(n => new PerCapitaLine(n, "Medlemsavgift", Money.FromKronor(1), County19, BudgetBuilder.DefaultSnapshot, PerCapitaRates.Flat(new Money(4_225)))).Allocate());

        Assert.Contains("line 1 (Medlemsavgift): the line's total 1,00 kr is not the sum of rate × population (", Plain(e.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Inera_style_equal_shares_give_the_remaining_kronor_one_each_in_party_code_order()
    {
        var pool = Assert.Single(BudgetBuilder.Vastmanland().WithLine(n => new EqualSplitLine(n, "Lika delar", Money.FromKronor(100_003), County19)).Allocate().Pools);

        // 100 003 kr among ten: 10 000 each, and the three kronor left to the three lowest codes.
        var byCode = pool.Shares.OrderBy(s => s.Party.Code.Value, StringComparer.Ordinal).Select(s => s.Amount.Ore / 100).ToArray();
        Assert.Equal(new long[] { 10_001, 10_001, 10_001, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000 }, byCode);
        Assert.Equal("1904", pool.Shares.OrderBy(s => s.Party.Code.Value, StringComparer.Ordinal).First().Party.Code.Value);
        Assert.Equal(Money.FromKronor(100_003), pool.Total);
    }

    [Fact]
    public void An_equal_split_of_an_amount_with_ore_is_refused()
    {
        var e = Assert.Throws<BudgetValidationException>(() => BudgetBuilder.Vastmanland().WithLine(n => new EqualSplitLine(n, "Lika delar", new Money(10_050), County19)).Allocate());

        Assert.Equal("Budget test-scheme 2026 cannot be invoiced: line 1 (Lika delar): amount 100,50 kr of an equal split must be whole kronor.", Plain(e.Message));
    }

    [Fact]
    public void The_issuers_own_share_of_every_key_is_planned_apart_and_not_invoiced()
    {
        var plan = BudgetBuilder.Vastmanland()
            .WithLine(n => new PopulationPoolLine(n, "Pool", Money.FromKronor(75_000), County19, BudgetBuilder.DefaultSnapshot, PopulationPoolLine.DefaultAllocationUnit) { BaseFee = Money.FromKronor(1_000), Cap = Money.FromKronor(30_000) })
            .WithLine(n => new PerCapitaLine(n, "Per invånare", Money.Zero, County19, BudgetBuilder.DefaultSnapshot, PerCapitaRates.Flat(new Money(35))))
            .WithLine(n => new EqualSplitLine(n, "Lika delar", Money.FromKronor(10_000), County19))
            .Allocate().ToInvoicePlan(new PartyCode("1980"));

        var own = Assert.Single(plan.OwnShares);
        Assert.Equal("1980", own.Debtor.Code.Value);
        Assert.Equal([1, 2, 3], own.Lines.Select(l => l.BudgetLineNumber));
        Assert.Equal(Money.FromKronor(30_000 + 56_433 + 1_000), own.Net);
        Assert.Contains("takbelopp 30 000 kr", own.Lines[0].Description.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("161 236 invånare × 0,35 kr", own.Lines[1].Description.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("lika andel, en av 10 parter, av 10 000 kr", own.Lines[2].Description.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Invoices, i => i.Debtor.Code.Value == "1980");
        Assert.Equal(9, plan.Invoices.Count);
    }

    [Fact]
    public void Every_key_is_shared_among_the_parties_whose_agreement_counts_for_the_year()
    {
        var builder = BudgetBuilder.Vastmanland();
        var signed = new PoolParticipants.WithAgreement(new CountyCode("19"));
        builder
            .WithLine(n => new PopulationPoolLine(n, "Pool", Money.FromKronor(50_000), signed, BudgetBuilder.DefaultSnapshot, PopulationPoolLine.DefaultAllocationUnit) { BaseFee = Money.FromKronor(5_000) })
            .WithLine(n => new PerCapitaLine(n, "Per invånare", Money.Zero, signed, BudgetBuilder.DefaultSnapshot, PerCapitaRates.Flat(Money.FromKronor(1))))
            .WithLine(n => new EqualSplitLine(n, "Lika delar", Money.FromKronor(10_001), signed));
        var agreements = new AgreementTable([
            new Agreement(new PartyCode("1984"), new DateOnly(2021, 1, 1), null, "Avtal"),
            new Agreement(new PartyCode("1904"), new DateOnly(2021, 1, 1), null, "Avtal"),
            new Agreement(new PartyCode("1980"), new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "Avtal"),
        ]);

        var allocation = BudgetAllocator.Allocate(builder.Build(), builder.Parties(), builder.Snapshots(), agreements);

        Assert.All(allocation.Pools, pool => Assert.Equal(["1904", "1984"], pool.Shares.Select(s => s.Party.Code.Value)));
        Assert.Equal(Money.FromKronor(50_000), allocation.Pools[0].Total);
        Assert.Equal(Money.FromKronor(4_238 + 13_938), allocation.Pools[1].Total);
        Assert.Equal([Money.FromKronor(5_001), Money.FromKronor(5_000)], allocation.Pools[2].Shares.Select(s => s.Amount));
    }
}
