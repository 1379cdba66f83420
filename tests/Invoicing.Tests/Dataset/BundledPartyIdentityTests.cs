using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>The bundled parties' org numbers, buyer references and Peppol endpoints, and their checks at load.</summary>
public sealed class BundledPartyIdentityTests
{
    [Fact]
    public void Every_bundled_org_number_of_a_municipality_or_region_is_the_one_in_the_public_reference_file()
    {
        var reference = CsvTable.Read(Path.Combine(RepositoryPaths.RepositoryRoot, "data", "reference", "organisationsnummer.csv"));
        var expected = reference.Rows.ToDictionary(r => reference.Field(r, "code"), r => reference.Field(r, "organisation_number"));
        var parties = DatasetLoader.Load(RepositoryPaths.BundledDataset).Parties.Where(p => p.Kind != PartyKind.Agency).ToArray();

        Assert.Equal(55, expected.Count);
        foreach (var party in parties)
        {
            Assert.Equal(expected.GetValueOrDefault(party.Code.Value), party.OrganisationNumber?.ToString());
        }

        Assert.Null(parties.Single(p => p.Code.Value == "REGION-19").OrganisationNumber);
    }

    [Fact]
    public void Bundled_buyer_references_are_marked_as_examples_and_every_party_with_one_has_a_peppol_endpoint_at_its_org_number()
    {
        var parties = DatasetLoader.Load(RepositoryPaths.BundledDataset).Parties;

        var withReference = parties.Where(p => p.BuyerReference is not null).ToArray();
        Assert.Equal(29, withReference.Length);
        Assert.All(withReference, p => Assert.StartsWith("EXEMPEL-", p.BuyerReference, StringComparison.Ordinal));
        Assert.All(withReference, p => Assert.Equal(PeppolEndpoint.ForOrganisation(p.OrganisationNumber!.Value), p.PeppolEndpoint));
    }

    [Fact]
    public void A_peppol_endpoint_0007_without_an_org_number_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        var row = data.LineNumberOf("parties.csv", "REGION-19");
        data.Replace("parties.csv", "REGION-19,Region,Region Västmanland,19,,,,,", "REGION-19,Region,Region Västmanland,19,,,,REF-1,0007");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"parties.csv, row {row}, field peppol_endpoint: '0007'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gln_endpoint_with_a_wrong_check_digit_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        var row = data.LineNumberOf("parties.csv", "REGION-19");
        data.Replace("parties.csv", "REGION-19,Region,Region Västmanland,19,,,,,", "REGION-19,Region,Region Västmanland,19,,,,REF-1,0088:7300010000002");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"parties.csv, row {row}, field peppol_endpoint:", e.Message, StringComparison.Ordinal);
        Assert.Contains("GS1 check digit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buyer_reference_longer_than_100_characters_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        var row = data.LineNumberOf("parties.csv", "EXEMPEL-1980");
        data.Replace("parties.csv", "EXEMPEL-1980", new string('R', 101));

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"parties.csv, row {row}, field buyer_reference:", e.Message, StringComparison.Ordinal);
        Assert.Contains("at most 100", e.Message, StringComparison.Ordinal);
    }
}
