using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>The Region Mitt 2026 dataset shipped in <c>data/region-mitt-2026</c>.</summary>
public sealed class BundledDatasetTests
{
    private static readonly string[] RegionMittCounties = ["03", "19", "21"];

    private static BudgetAllocation Allocate()
    {
        var dataset = DatasetLoader.Load(RepositoryPaths.BundledDataset);
        return BudgetAllocator.Allocate(
            dataset.Budget,
            dataset.Parties.ToDictionary(p => p.Code),
            dataset.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Bundled_dataset_loads_34_parties_3_snapshots_and_a_budget_of_14_lines()
    {
        var dataset = DatasetLoader.Load(RepositoryPaths.BundledDataset);

        Assert.Equal(34, dataset.Parties.Count);
        Assert.Equal(["regionmitt-2026-03", "regionmitt-2026-19", "regionmitt-2026-21"], dataset.Snapshots.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(14, dataset.Budget.Lines.Count);
        Assert.Equal("region-mitt-pom 2026", dataset.Budget.Key);
        Assert.Equal(BudgetStatus.Draft, dataset.Budget.Status);
        Assert.Equal(Enumerable.Range(1, 14), dataset.Budget.Lines.Select(l => l.Number));
    }

    [Fact]
    public void Bundled_parties_are_28_municipalities_2_regions_and_4_agencies()
    {
        var parties = DatasetLoader.Load(RepositoryPaths.BundledDataset).Parties;

        Assert.Equal(28, parties.Count(p => p.Kind == PartyKind.Municipality));
        Assert.Equal(2, parties.Count(p => p.Kind == PartyKind.Region));
        Assert.Equal(4, parties.Count(p => p.Kind == PartyKind.Agency));
        var jamy = parties.Single(p => p.Code.Value == "JAMY");
        Assert.Equal("Jämställdhetsmyndigheten", jamy.Name);
        Assert.Equal("202100-6693", jamy.OrganisationNumber.ToString());
        Assert.Null(jamy.County);
        Assert.Equal(["Vikingsgatan 3", "411 04 GÖTEBORG"], jamy.AddressLines);
        Assert.Equal("info@jamstalldhetsmyndigheten.se", jamy.InvoiceEmail);
        Assert.Null(jamy.BuyerReference);
    }

    [Fact]
    public void Bundled_municipalities_are_exactly_the_reference_municipalities_of_counties_03_19_and_21()
    {
        var reference = CsvTable.Read(RepositoryPaths.MunicipalityCounty);
        var expected = reference.Rows
            .Where(row => RegionMittCounties.Contains(reference.Field(row, "county_code")))
            .Select(row => (Code: reference.Field(row, "municipality_code"), Name: reference.Field(row, "municipality_name"), County: reference.Field(row, "county_code")))
            .OrderBy(m => m.Code, StringComparer.Ordinal)
            .ToArray();
        var actual = DatasetLoader.Load(RepositoryPaths.BundledDataset).Parties
            .Where(p => p.Kind == PartyKind.Municipality)
            .Select(p => (Code: p.Code.Value, p.Name, County: p.County?.Value ?? ""))
            .OrderBy(m => m.Code, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(28, expected.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_municipality_has_a_population_in_its_county_snapshot()
    {
        var dataset = DatasetLoader.Load(RepositoryPaths.BundledDataset);

        foreach (var municipality in dataset.Parties.Where(p => p.Kind == PartyKind.Municipality))
        {
            var snapshot = dataset.Snapshots.Single(s => s.Id == $"regionmitt-2026-{municipality.County}");
            Assert.True(snapshot.Populations.ContainsKey(municipality.Code), $"{municipality.Code} has no population in {snapshot.Id}");
        }

        Assert.Equal(28, dataset.Snapshots.Sum(s => s.Populations.Count));
        Assert.All(dataset.Snapshots, s => Assert.Equal(new DateOnly(2025, 9, 30), s.ReferenceDate));
    }

    [Theory]
    [InlineData("03", "Uppsala läns kommuner", 407_912)]
    [InlineData("19", "Västmanlands kommuner", 280_999)]
    [InlineData("21", "Gävleborgs kommuner", 284_558)]
    public void Each_county_pool_allocates_exactly_75000_kronor_by_largest_remainder(string county, string text, long totalPopulation)
    {
        var pool = Allocate().Pools.Single(p => p.Line.Text == text);

        Assert.Equal(new PoolParticipants.CountyMunicipalities(new CountyCode(county)), pool.Line.Participants);
        Assert.Equal(Money.FromKronor(75_000), pool.Total);
        Assert.Equal(totalPopulation, pool.TotalPopulation);
        Assert.All(pool.Shares, s => Assert.Equal(county, s.Party.County?.Value));
        var expected = LargestRemainder.Allocate(75_000, pool.Shares.Select(s => (s.Party.Code.Value, s.Population)).ToArray());
        Assert.Equal(expected.Select(Money.FromKronor), pool.Shares.Select(s => s.Amount));
    }

    [Fact]
    public void Invoice_plan_has_30_invoices_totalling_375000_kronor()
    {
        var plan = Allocate().ToInvoicePlan();

        Assert.Equal(30, plan.Invoices.Count);
        Assert.Equal(Money.FromKronor(375_000), plan.Total);
        Assert.Equal(28, plan.Invoices.Count(i => i.Debtor.Kind == PartyKind.Municipality));
        Assert.Equal(["REGION-03", "REGION-19"], plan.Invoices.Where(i => i.Debtor.Kind == PartyKind.Region).Select(i => i.Debtor.Code.Value));
        Assert.DoesNotContain(plan.Invoices, i => i.Debtor.Kind == PartyKind.Agency);
        Assert.All(plan.Invoices, i => Assert.Single(i.Lines));
    }

    [Fact]
    public void Recorded_income_and_costs_of_the_bundled_budget_are_not_invoiced()
    {
        var budget = DatasetLoader.Load(RepositoryPaths.BundledDataset).Budget;

        Assert.Equal(Money.FromKronor(375_000), budget.InvoicedIncome);
        Assert.Equal(Money.FromKronor(3_434_000 + 1_000_000 + 500_000 + 375_000), budget.TotalIncome);
        Assert.Equal(Money.FromKronor(840_000 + 870_000 + 190_000 + 95_000 + 360_000 + 100_000), budget.TotalCosts);
        Assert.Equal(3, budget.Lines.OfType<RecordedIncomeLine>().Count());
        Assert.Equal("JAMY", budget.Lines.OfType<RecordedIncomeLine>().Single(l => l.Party is not null).Party?.Value);
    }
}
