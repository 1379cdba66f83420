using Invoicing.Allocation;
using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>
/// <c>data/stockholm-2026</c>: Stockholm's offer (4,0 mnkr by population among the municipalities of Stockholm county
/// with an agreement), populations from SCB 2024-12-31, example agreements.
/// </summary>
public sealed class BundledStockholmDatasetTests
{
    private static readonly Invoicing.Dataset.Dataset Stockholm = DatasetLoader.Load(RepositoryPaths.StockholmDataset);

    [Fact]
    public void The_parties_are_the_26_municipalities_of_stockholm_county_with_their_public_org_numbers()
    {
        var reference = CsvTable.Read(RepositoryPaths.MunicipalityCounty);
        var county = reference.Rows.Where(r => reference.Field(r, "county_code") == "01")
            .Select(r => (reference.Field(r, "municipality_code"), reference.Field(r, "municipality_name"))).Order().ToArray();
        var orgNumbers = CsvTable.Read(Path.Combine(RepositoryPaths.RepositoryRoot, "data", "reference", "organisationsnummer.csv"));
        var expectedOrg = orgNumbers.Rows.ToDictionary(r => orgNumbers.Field(r, "code"), r => orgNumbers.Field(r, "organisation_number"));

        Assert.Equal(county, Stockholm.Parties.Select(p => (p.Code.Value, p.Name)).Order().ToArray());
        Assert.All(Stockholm.Parties, p => Assert.Equal(expectedOrg[p.Code.Value], p.OrganisationNumber?.ToString()));
        Assert.All(Stockholm.Parties, p => Assert.Equal(PartyKind.Municipality, p.Kind));
    }

    [Fact]
    public void The_populations_are_the_copied_scb_figures_of_2024_12_31()
    {
        var copy = CsvTable.Read(Path.Combine(RepositoryPaths.RepositoryRoot, "data", "reference", "folkmangd_2024_stockholms_lan.csv"));
        var snapshot = Stockholm.Snapshots.Single();

        Assert.Equal(new DateOnly(2024, 12, 31), snapshot.ReferenceDate);
        Assert.Equal(26, snapshot.Populations.Count);
        foreach (var row in copy.Rows)
        {
            Assert.Equal(long.Parse(copy.Field(row, "folkmangd"), System.Globalization.CultureInfo.InvariantCulture), snapshot.Populations[new PartyCode(copy.Field(row, "kommunkod"))]);
        }
    }

    [Fact]
    public void Four_million_kronor_go_exactly_to_the_thirteen_example_agreement_holders_stockholms_own_share_not_invoiced()
    {
        var plan = InvoicePlanner.Allocate(Stockholm).ToInvoicePlan(new PartyCode("0180"));

        Assert.Equal(13, plan.AllShares.Count());
        Assert.Equal(12, plan.Invoices.Count);
        Assert.Equal("0180", plan.OwnShares.Single().Debtor.Code.Value);
        Assert.Equal(Money.FromKronor(4_000_000), Money.Sum(plan.AllShares.Select(s => s.Net)));
        Assert.Equal(Money.FromKronor(1_980_087), plan.OwnShares.Single().Net);
    }
}
