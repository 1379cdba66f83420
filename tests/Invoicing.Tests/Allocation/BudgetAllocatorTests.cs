using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Allocation;

public sealed class BudgetAllocatorTests
{
    private const string BudgetName = "Budget test-scheme 2026";

    [Fact]
    public void County_pool_shares_sum_exactly_to_the_pool()
    {
        var allocation = BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_000, "Västmanlands kommuner")
            .Allocate();

        var pool = Assert.Single(allocation.Pools);
        Assert.Equal(10, pool.Shares.Count);
        Assert.Equal(Money.FromKronor(75_000), pool.Total);
        Assert.Equal(280_999, pool.TotalPopulation);
        Assert.Equal(Money.FromKronor(43_035), pool.Shares.Single(s => s.Party.Code.Value == "1980").Amount);
    }

    [Fact]
    public void County_pool_shares_are_the_largest_remainder_split_by_population()
    {
        var builder = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000);
        var pool = Assert.Single(builder.Allocate().Pools);

        var expected = LargestRemainder.Allocate(75_000, pool.Shares.Select(s => (s.Party.Code.Value, s.Population)).ToArray());
        Assert.Equal(expected.Select(Money.FromKronor), pool.Shares.Select(s => s.Amount));
        Assert.Equal(builder.Snapshots()[BudgetBuilder.DefaultSnapshot].Populations[new PartyCode("1984")], pool.Shares.Single(s => s.Party.Code.Value == "1984").Population);
    }

    [Fact]
    public void County_pool_is_shared_by_the_municipalities_of_that_county_only()
    {
        var allocation = BudgetBuilder.Vastmanland()
            .WithMunicipality("0380", "Uppsala kommun", "03", 248_016)
            .WithRegion("REGION-19", "Region Västmanland", "19")
            .WithPopulation("REGION-19", 280_999)
            .WithCountyPool("19", 75_000)
            .Allocate();

        var codes = Assert.Single(allocation.Pools).Shares.Select(s => s.Party.Code.Value).ToArray();
        Assert.Equal(10, codes.Length);
        Assert.DoesNotContain("0380", codes);
        Assert.DoesNotContain("REGION-19", codes);
    }

    [Fact]
    public void Shares_are_in_party_code_order()
    {
        var pool = Assert.Single(BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Allocate().Pools);
        var codes = pool.Shares.Select(s => s.Party.Code.Value).ToArray();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void Allocation_unit_of_100_kronor_gives_shares_in_whole_hundreds()
    {
        var pool = Assert.Single(BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_000, allocationUnit: Money.FromKronor(100))
            .Allocate().Pools);

        Assert.Equal(Money.FromKronor(75_000), pool.Total);
        Assert.All(pool.Shares, s => Assert.Equal(0, s.Amount.Ore % 10_000));
        Assert.Equal(Money.FromKronor(43_000), pool.Shares.Single(s => s.Party.Code.Value == "1980").Amount);
    }

    [Fact]
    public void Allocation_unit_of_one_ore_splits_to_the_ore()
    {
        var pool = Assert.Single(BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_000, allocationUnit: new Money(1))
            .Allocate().Pools);

        Assert.Equal(Money.FromKronor(75_000), pool.Total);
        var expected = LargestRemainder.Allocate(7_500_000, pool.Shares.Select(s => (s.Party.Code.Value, s.Population)).ToArray());
        Assert.Equal(expected.Select(ore => new Money(ore)), pool.Shares.Select(s => s.Amount));
    }

    [Fact]
    public void Stockholm_style_pool_splits_4_000_000_kronor_among_the_listed_parties_only()
    {
        var allocation = new BudgetBuilder()
            .WithMunicipality("0114", "Upplands Väsby kommun", "01", 49_113)
            .WithMunicipality("0115", "Vallentuna kommun", "01", 35_731)
            .WithMunicipality("0117", "Österåkers kommun", "01", 48_501)
            .WithMunicipality("0120", "Värmdö kommun", "01", 47_003)
            .WithMunicipality("0123", "Järfälla kommun", "01", 85_950)
            .WithListedPool(["0120", "0114", "0117", "0115"], 4_000_000, "Kommuner som tecknat avtal")
            .Allocate();

        var pool = Assert.Single(allocation.Pools);
        Assert.Equal(Money.FromKronor(4_000_000), pool.Total);
        Assert.Equal(
            new Dictionary<string, Money>
            {
                ["0114"] = Money.FromKronor(1_089_294),
                ["0115"] = Money.FromKronor(792_490),
                ["0117"] = Money.FromKronor(1_075_720),
                ["0120"] = Money.FromKronor(1_042_496),
            },
            pool.Shares.ToDictionary(s => s.Party.Code.Value, s => s.Amount));
        Assert.Equal("parties:0120 0114 0117 0115", pool.Line.Participants.ToString());
    }

    [Fact]
    public void Listed_pool_may_include_parties_of_any_kind_and_county()
    {
        var pool = Assert.Single(new BudgetBuilder()
            .WithMunicipality("0114", "Upplands Väsby kommun", "01", 50_000)
            .WithRegion("REGION-03", "Region Uppsala", "03")
            .WithPopulation("REGION-03", 50_000)
            .WithListedPool(["0114", "REGION-03"], 1_000)
            .Allocate().Pools);

        Assert.All(pool.Shares, s => Assert.Equal(Money.FromKronor(500), s.Amount));
    }

    [Fact]
    public void Pool_whose_participants_have_no_population_rows_is_refused_naming_each_party()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithSnapshot("tom-2026")
            .WithCountyPool("19", 75_000, "Västmanlands kommuner", snapshot: "tom-2026");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal(10, e.Problems.Count);
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
        Assert.Contains(
            "line 1 (Västmanlands kommuner): party 1980 (Västerås kommun) has no population in snapshot 'tom-2026'.",
            e.Problems);
    }

    [Fact]
    public void Participant_without_a_population_row_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithoutPopulation("1984")
            .WithCountyPool("19", 75_000, "Västmanlands kommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        var problem = Assert.Single(e.Problems);
        Assert.Equal($"line 1 (Västmanlands kommuner): party 1984 (Arboga kommun) has no population in snapshot '{BudgetBuilder.DefaultSnapshot}'.", problem);
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-13_938)]
    public void Participant_with_a_population_that_is_not_positive_is_refused(long population)
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithPopulation("1984", population)
            .WithCountyPool("19", 75_000, "Västmanlands kommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("line 1 (Västmanlands kommuner): party 1984 (Arboga kommun)", problem, StringComparison.Ordinal);
        Assert.Contains($"population {population}", problem, StringComparison.Ordinal);
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_contribution_naming_an_unknown_party_is_refused()
    {
        var builder = new BudgetBuilder()
            .WithRegion("REGION-19", "Region Västmanland")
            .WithFixedContribution("REGION-19", 75_000, "Region Västmanland")
            .WithFixedContribution("REGION-99", 75_000, "Region Okänd");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 2 (Region Okänd): names unknown party REGION-99.", Assert.Single(e.Problems));
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_income_naming_an_unknown_party_is_refused()
    {
        var builder = new BudgetBuilder().WithRecordedIncome(1_000_000, "Statsbidrag", party: "JAMY");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 1 (Statsbidrag): names unknown party JAMY.", Assert.Single(e.Problems));
    }

    [Fact]
    public void Listed_pool_naming_an_unknown_party_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland().WithListedPool(["1980", "1999"], 10_000, "Avtalskommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 1 (Avtalskommuner): names unknown party 1999.", Assert.Single(e.Problems));
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_party_named_twice_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland().WithListedPool(["1980", "1984", "1980"], 10_000, "Avtalskommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 1 (Avtalskommuner): party 1980 is listed 2 times.", Assert.Single(e.Problems));
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_population_snapshot_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000, "Västmanlands kommuner", snapshot: "regionmitt-2025-19");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 1 (Västmanlands kommuner): population snapshot 'regionmitt-2025-19' does not exist.", Assert.Single(e.Problems));
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_amount_that_is_not_a_multiple_of_the_allocation_unit_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_050, "Västmanlands kommuner", allocationUnit: Money.FromKronor(100));

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("line 1 (Västmanlands kommuner): amount 75\u00A0050,00\u00A0kr is not a whole number of allocation units of 100,00\u00A0kr", problem, StringComparison.Ordinal);
        Assert.Contains(BudgetName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_amount_with_ore_is_refused_under_the_default_whole_krona_unit()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithPool(new PoolParticipants.CountyMunicipalities(new CountyCode("19")), new Money(7_500_050), "Västmanlands kommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Contains("not a whole number of allocation units of 1,00\u00A0kr", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Allocation_unit_that_is_not_positive_is_refused(long unitOre)
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_000, "Västmanlands kommuner", allocationUnit: new Money(unitOre));

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Contains("allocation units", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_without_participants_is_refused()
    {
        var builder = BudgetBuilder.Vastmanland().WithCountyPool("05", 75_000, "Östergötlands kommuner");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal("line 1 (Östergötlands kommuner): the pool has no participants (county:05).", Assert.Single(e.Problems));
    }

    [Fact]
    public void Invoiced_line_of_zero_and_any_negative_line_are_refused()
    {
        var builder = new BudgetBuilder()
            .WithRegion("REGION-19", "Region Västmanland")
            .WithFixedContribution("REGION-19", 0, "Region Västmanland")
            .WithCost(-5, "Rättelse")
            .WithRecordedIncome(-1, "Återbetalning")
            .WithRecordedIncome(0, "Inget överskott");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal(
            [
                "line 1 (Region Västmanland): amount 0,00\u00A0kr must be positive.",
                "line 2 (Rättelse): amount -5,00\u00A0kr must be positive.",
                "line 3 (Återbetalning): amount -1,00\u00A0kr must be positive.",
            ],
            e.Problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var builder = BudgetBuilder.Vastmanland()
            .WithoutPopulation("1907")
            .WithFixedContribution("REGION-19", 75_000, "Region Västmanland")
            .WithCountyPool("19", 75_000, "Västmanlands kommuner")
            .WithCountyPool("21", 75_000, "Gävleborgs kommuner", snapshot: "saknas");

        var e = Assert.Throws<BudgetValidationException>(builder.Allocate);

        Assert.Equal(3, e.Problems.Count);
        Assert.StartsWith("line 1 (Region Västmanland)", e.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 2 (Västmanlands kommuner): party 1907", e.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith("line 3 (Gävleborgs kommuner)", e.Problems[2], StringComparison.Ordinal);
        Assert.All(e.Problems, p => Assert.Contains(p, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Recorded_income_is_never_invoiced()
    {
        var plan = new BudgetBuilder()
            .WithAgency("JAMY", "Jämställdhetsmyndigheten", "202100-6693")
            .WithRegion("REGION-19", "Region Västmanland")
            .WithRecordedIncome(1_000_000, "Jämställdhetsmyndigheten", party: "JAMY")
            .WithRecordedIncome(3_434_000, "Icke förbrukade medel")
            .WithFixedContribution("REGION-19", 75_000, "Region Västmanland")
            .WithCost(840_000)
            .Plan();

        Assert.Equal(2, plan.Budget.Lines.OfType<RecordedIncomeLine>().Count());
        Assert.DoesNotContain(plan.Budget.Lines.OfType<RecordedIncomeLine>(), l => l.IsInvoiced);
        Assert.False(plan.Budget.Lines.OfType<CostLine>().Single().IsInvoiced);
        var invoice = Assert.Single(plan.Invoices);
        Assert.Equal("REGION-19", invoice.Debtor.Code.Value);
        Assert.Equal(Money.FromKronor(75_000), plan.Total);
        Assert.Equal(Money.FromKronor(4_509_000), plan.Budget.TotalIncome);
        Assert.Equal(Money.FromKronor(75_000), plan.Budget.InvoicedIncome);
        Assert.Equal(Money.FromKronor(840_000), plan.Budget.TotalCosts);
    }

    [Fact]
    public void Fixed_contribution_is_resolved_to_its_party()
    {
        var allocation = new BudgetBuilder()
            .WithRegion("REGION-03", "Region Uppsala")
            .WithFixedContribution("REGION-03", 75_000, "Region Uppsala")
            .Allocate();

        var contribution = Assert.Single(allocation.FixedContributions);
        Assert.Equal("Region Uppsala", contribution.Party.Name);
        Assert.Equal(Money.FromKronor(75_000), contribution.Line.Amount);
        Assert.Empty(allocation.Pools);
    }
}
