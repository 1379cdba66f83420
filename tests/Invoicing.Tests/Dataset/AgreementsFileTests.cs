using Invoicing.Dataset;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary><c>agreements.csv</c> is checked like the other dataset files: a bad row names file, row and field.</summary>
public sealed class AgreementsFileTests
{
    [Fact]
    public void The_bundled_stockholm_agreements_load_one_per_party()
    {
        using var data = TempDataset.CopyOfStockholm();

        var dataset = DatasetLoader.Load(data.Directory);

        Assert.Equal(13, dataset.Agreements.Count);
        Assert.All(dataset.Agreements.All, a => Assert.StartsWith("EXEMPEL", a.Reference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0114,2021-01-01,,", "agreements.csv, row 2, field reference: '': must not be empty (the agreement's diary number or decision).")]
    [InlineData("0114,2021-13-01,,KS 1", "agreements.csv, row 2, field signed_on: '2021-13-01': '2021-13-01' is not a date in the form yyyy-MM-dd.")]
    [InlineData("0114,2021-01-01,2020-12-31,KS 1", "agreements.csv, row 2, field ends_on: '2020-12-31': is before signed_on 2021-01-01.")]
    [InlineData("9999,2021-01-01,,KS 1", "agreements.csv, row 2, field party: 9999 is not in parties.csv.")]
    [InlineData("0123,2021-01-01,,KS 1", "agreements.csv, row 3, field party: 0123 already has an agreement (row 2); one row per party.")]
    public void A_bad_agreement_row_is_refused_naming_file_row_and_field(string firstRow, string message)
    {
        using var data = TempDataset.CopyOfStockholm();
        var text = data.Read("agreements.csv").Split('\n');
        text[1] = firstRow;
        data.Write("agreements.csv", string.Join('\n', text));

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_missing_or_unknown_column_is_named()
    {
        using var data = TempDataset.CopyOfStockholm();
        data.Replace("agreements.csv", "party,signed_on,ends_on,reference", "party,signed_on,ends,reference");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("agreements.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("ends_on", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_among_agreement_holders_needs_an_agreements_file()
    {
        using var data = TempDataset.CopyOfStockholm();
        File.Delete(data.PathOf("agreements.csv"));

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal("budget.json, lines[0].participants: 'agreements:county:01' needs the dataset's agreements.csv (party, signed_on, ends_on, reference), and there is none.", e.Message);
    }

    [Fact]
    public void Agreements_that_all_ended_before_the_year_leave_the_pool_empty_and_are_refused()
    {
        using var data = TempDataset.CopyOfStockholm();
        data.Write("agreements.csv", "party,signed_on,ends_on,reference\n0114,2021-01-01,2025-12-31,KS 1\n");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains("budget.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("no agreement counts for 2026", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_revision_keeps_its_agreements_and_a_dataset_without_them_is_stored_as_before()
    {
        using var data = TempDataset.CopyOfStockholm();
        var files = DatasetFiles.Read(data.Directory);

        var back = DatasetFiles.FromJsonBytes(files.ToJsonBytes(), "test");
        Assert.Equal(files.Agreements, back.Agreements);

        var withoutAgreements = files with { Agreements = null };
        var json = System.Text.Encoding.UTF8.GetString(withoutAgreements.ToJsonBytes());
        Assert.DoesNotContain("agreements.csv", json, StringComparison.Ordinal);
        Assert.Null(DatasetFiles.FromJsonBytes(withoutAgreements.ToJsonBytes(), "test").Agreements);
    }
}
