using Invoicing.Allocation;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Allocation;

public sealed class InvoicePlanTests
{
    private static InvoicePlan BundledPlan()
    {
        var dataset = Invoicing.Dataset.DatasetLoader.Load(RepositoryPaths.BundledDataset);
        return BudgetAllocator.Allocate(
                dataset.Budget,
                dataset.Parties.ToDictionary(p => p.Code),
                dataset.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal))
            .ToInvoicePlan();
    }

    [Fact]
    public void Vasteras_line_in_the_bundled_data_shows_the_basis_of_its_amount()
    {
        var invoice = BundledPlan().Invoices.Single(i => i.Debtor.Code.Value == "1980");

        var line = Assert.Single(invoice.Lines);
        Assert.Equal(
            "Bidrag 2026, Västmanlands kommuner: 161\u00A0236 av 280\u00A0999 invånare (57,4\u00A0%) av 75\u00A0000\u00A0kr",
            line.Description);
        Assert.Equal(Money.FromKronor(43_035), line.Amount);
        Assert.Equal(6, line.BudgetLineNumber);
    }

    [Fact]
    public void Fixed_contribution_line_says_which_year_and_what()
    {
        var invoice = BundledPlan().Invoices.Single(i => i.Debtor.Code.Value == "REGION-19");

        var line = Assert.Single(invoice.Lines);
        Assert.Equal("Bidrag 2026, Region Västmanland", line.Description);
        Assert.Equal(Money.FromKronor(75_000), line.Amount);
        Assert.Equal(4, line.BudgetLineNumber);
    }

    [Fact]
    public void Fingerprint_is_stable_for_the_same_input()
    {
        var first = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Plan().Fingerprint();
        var second = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Plan().Fingerprint();

        Assert.Equal(first, second);
        Assert.Matches("^v2:[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Fingerprint_of_the_bundled_plan_is_the_same_on_every_load()
    {
        Assert.Equal(BundledPlan().Fingerprint(), BundledPlan().Fingerprint());
    }

    [Fact]
    public void Fingerprint_changes_when_a_population_changes()
    {
        var approved = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Plan().Fingerprint();
        var edited = BudgetBuilder.Vastmanland().WithPopulation("1980", 161_237).WithCountyPool("19", 75_000).Plan().Fingerprint();

        Assert.NotEqual(approved, edited);
    }

    [Fact]
    public void Fingerprint_changes_when_a_population_changes_even_if_no_amount_does()
    {
        var before = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Plan();
        var after = BudgetBuilder.Vastmanland().WithPopulation("1904", 4_239).WithCountyPool("19", 75_000).Plan();

        Assert.Equal(
            before.Invoices.Select(i => (i.Debtor.Code, i.Net)),
            after.Invoices.Select(i => (i.Debtor.Code, i.Net)));
        Assert.NotEqual(before.Fingerprint(), after.Fingerprint());
    }

    [Fact]
    public void Fingerprint_ignores_wording_so_a_changed_description_blocks_nothing()
    {
        var approved = new BudgetBuilder().WithRegion("REGION-19", "Region Västmanland").WithFixedContribution("REGION-19", 75_000, "Region Västmanland").Plan();
        var reworded = new BudgetBuilder().WithRegion("REGION-19", "Region Västmanland").WithFixedContribution("REGION-19", 75_000, "Bidrag från Region Västmanland").Plan();

        Assert.NotEqual(approved.Invoices[0].Lines[0].Description, reworded.Invoices[0].Lines[0].Description);
        Assert.Equal(approved.Fingerprint(), reworded.Fingerprint());
        Assert.True(reworded.Matches(approved.Fingerprint()));
    }

    [Fact]
    public void Fingerprint_covers_the_issuers_own_share_so_changing_it_needs_a_revision()
    {
        var approved = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Allocate().ToInvoicePlan(new Invoicing.Parties.PartyCode("1980"));
        var edited = BudgetBuilder.Vastmanland().WithPopulation("1980", 170_000).WithCountyPool("19", 75_000).Allocate().ToInvoicePlan(new Invoicing.Parties.PartyCode("1980"));

        Assert.False(edited.Matches(approved.Fingerprint()));
    }

    [Fact]
    public void Fingerprint_changes_when_an_amount_changes()
    {
        var approved = new BudgetBuilder().WithRegion("REGION-19", "Region Västmanland").WithFixedContribution("REGION-19", 75_000).Plan();
        var edited = new BudgetBuilder().WithRegion("REGION-19", "Region Västmanland").WithFixedContribution("REGION-19", 75_001).Plan();

        Assert.NotEqual(approved.Fingerprint(), edited.Fingerprint());
    }

    [Fact]
    public void One_invoice_per_party_with_its_lines_in_budget_order()
    {
        var plan = BudgetBuilder.Vastmanland()
            .WithCountyPool("19", 75_000, "Västmanlands kommuner")
            .WithFixedContribution("1980", 10_000, "Västerås tilläggsbidrag")
            .WithListedPool(["1980", "1984"], 1_000, "Avtalskommuner")
            .Plan();

        Assert.Equal(10, plan.Invoices.Count);
        var vasteras = plan.Invoices.Single(i => i.Debtor.Code.Value == "1980");
        Assert.Equal([1, 2, 3], vasteras.Lines.Select(l => l.BudgetLineNumber));
        Assert.Equal("Bidrag 2026, Västerås tilläggsbidrag", vasteras.Lines[1].Description);
        Assert.Equal(Money.Sum(vasteras.Lines.Select(l => l.Amount)), vasteras.Net);
        Assert.Equal(Money.FromKronor(86_000), plan.Total);
    }

    [Fact]
    public void Invoices_are_ordered_municipalities_regions_agencies_then_by_code()
    {
        var plan = new BudgetBuilder()
            .WithAgency("LST-19", "Länsstyrelsen i Västmanlands län", "202100-2411")
            .WithRegion("REGION-19", "Region Västmanland")
            .WithRegion("REGION-03", "Region Uppsala")
            .WithMunicipality("1980", "Västerås kommun", "19", 161_236)
            .WithMunicipality("0380", "Uppsala kommun", "03", 248_016)
            .WithFixedContribution("LST-19", 1_000)
            .WithFixedContribution("REGION-19", 1_000)
            .WithFixedContribution("1980", 1_000)
            .WithFixedContribution("REGION-03", 1_000)
            .WithFixedContribution("0380", 1_000)
            .Plan();

        Assert.Equal(["0380", "1980", "REGION-03", "REGION-19", "LST-19"], plan.Invoices.Select(i => i.Debtor.Code.Value));
    }

    [Fact]
    public void Party_whose_share_rounds_to_nothing_gets_no_invoice()
    {
        var plan = new BudgetBuilder()
            .WithMunicipality("0114", "Upplands Väsby kommun", "01", 50_000)
            .WithMunicipality("0115", "Vallentuna kommun", "01", 1)
            .WithCountyPool("01", 1)
            .Plan();

        var invoice = Assert.Single(plan.Invoices);
        Assert.Equal("0114", invoice.Debtor.Code.Value);
        Assert.Equal(Money.FromKronor(1), plan.Total);
    }

    [Theory]
    [InlineData(161_236, 280_999, 574)]
    [InlineData(1, 2_000, 1)]
    [InlineData(1, 2_001, 0)]
    [InlineData(7, 7, 1_000)]
    public void Population_key_is_tenths_of_a_per_cent_rounded_half_up(long population, long total, long expected)
    {
        var share = new PoolShare(new Party(new PartyCode("1980"), PartyKind.Municipality, "Västerås kommun", null, null, [], null, null), population, Money.Zero);
        Assert.Equal(expected, share.KeyPerMille(total));
    }
}
