using Invoicing.Dataset;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>
/// The files as people keep them in a spreadsheet: a code column taken for numbers loses its leading zero, a row copied
/// keeps another party's organisation number. Each such mistake is refused naming file, row and field, before anything
/// is recorded; read as it was, "305" would be a second Håbo, invoiced twice while every other Uppsala share shrinks.
/// </summary>
public sealed class SpreadsheetMistakesTests
{
    [Fact]
    public void A_municipality_code_whose_leading_zero_a_spreadsheet_dropped_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "0305,Municipality,Håbo kommun", "305,Municipality,Håbo kommun");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(
            "parties.csv, row 2, field code: '305': not SCB's four-digit municipality code; a spreadsheet may have dropped its leading zero (0305?). Store the column as text.",
            e.Message);
    }

    [Fact]
    public void A_population_row_whose_code_lost_its_leading_zero_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        var row = data.LineNumberOf("populations.csv", "regionmitt-2026-03,0305,");
        data.Replace("populations.csv", "regionmitt-2026-03,0305,", "regionmitt-2026-03,305,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"populations.csv, row {row}, field code: '305': not SCB's four-digit municipality code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_code_whose_leading_zero_a_spreadsheet_dropped_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "0305,Municipality,Håbo kommun,03,", "0305,Municipality,Håbo kommun,3,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(
            "parties.csv, row 2, field county_code: '3': not SCB's two-digit county code; a spreadsheet may have dropped its leading zero (03?). Store the column as text.",
            e.Message);
    }

    [Fact]
    public void A_municipality_whose_code_belongs_to_another_county_is_refused()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "0305,Municipality,Håbo kommun,03,", "0305,Municipality,Håbo kommun,19,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal("parties.csv, row 2, field code: '0305': municipality 0305 belongs to county 03 by its code, but county_code says 19.", e.Message);
    }

    [Fact]
    public void Two_parties_with_one_organisation_number_are_refused_naming_both_rows()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "0319,Municipality,Älvkarleby kommun,03,212000-0258", "0319,Municipality,Älvkarleby kommun,03,212000-0241");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(
            "parties.csv, row 3, field org_number: 212000-0241 is already party 0305's (row 2); two parties cannot share one organisation number (one invoice recipient, one set of books).",
            e.Message);
    }
}
