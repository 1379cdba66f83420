using System.Text;
using Invoicing.Populations.Scb;

namespace Invoicing.Tests.Populations;

/// <summary>SCB's CSV layout: title, header of stub columns and years, "CODE name" regions.</summary>
public sealed class ScbCsvReaderTests
{
    private const string Header = "\"Folkmängd efter region, civilstånd, ålder, kön och år\"\r\n\r\n\"region\";\"civilstånd\";\"ålder\";\"kön\";\"Folkmängd 2025\"\r\n";

    [Fact]
    public void Total_cells_of_2025_give_each_municipality_and_the_table_follows_from_the_year()
    {
        var csv = Header +
            "\"1980 Västerås\";\"totalt, samtliga civilstånd\";\"totalt, samtliga åldrar\";\"totalt, samtliga män och kvinnor\";161240\r\n" +
            "\"2180 Gävle\";\"totalt, samtliga civilstånd\";\"totalt, samtliga åldrar\";\"totalt, samtliga män och kvinnor\";104108\r\n";

        var read = ScbCsvReader.Read(Encoding.UTF8.GetBytes(csv), "f.csv", null);

        Assert.Equal((ScbTable.Tab5557, 2025, (DateTimeOffset?)null), (read.Table, read.Year, read.Updated));
        Assert.Equal(new Dictionary<string, long> { ["1980"] = 161_240, ["2180"] = 104_108 }, read.ByMunicipality);
        Assert.Equal("SCB TAB5557 Folkmängd 31 december 2025 (000007ME)", read.SourceText);
    }

    [Fact]
    public void Before_2025_the_sexes_and_civil_statuses_are_summed_in_latin1_as_well()
    {
        var csv = "\"region\",\"civilstånd\",\"ålder\",\"kön\",\"2024\"\r\n" +
            string.Concat(from s in new[] { "män", "kvinnor" } from c in new[] { "ogifta", "gifta" } select $"\"0380 Uppsala\",\"{c}\",\"totalt ålder\",\"{s}\",100\r\n");

        var read = ScbCsvReader.Read(Encoding.Latin1.GetBytes(csv), "f.csv", null);

        Assert.Equal((ScbTable.Tab638, 400L), (read.Table, read.ByMunicipality["0380"]));
    }

    [Theory]
    [InlineData("\"03 Uppsala län\";\"totalt\";\"totalt\";\"totalt\";400000\r\n", "f.csv, line 4: region '03 Uppsala län' is not a municipality; import municipalities only.")]
    [InlineData("\"1980 Västerås\";\"totalt\";\"totalt\";\"män\";80000\r\n", "f.csv, line 4: kön 'män' is not a total. From 2025 SCB adds noise to every cell, so parts are never summed: request the total cells.")]
    [InlineData("\"1980 Västerås\";\"totalt\";\"totalt\";\"totalt\";..\r\n", "f.csv, line 4: the value '..' for 1980 Västerås is not a whole number of 0 or more.")]
    [InlineData("\"1980 Västerås\";\"totalt\";\"totalt\";\"totalt\";-5\r\n", "f.csv, line 4: the value '-5' for 1980 Västerås is not a whole number of 0 or more.")]
    [InlineData("\"1980 Västerås\";\"totalt\";\"totalt\"\r\n", "f.csv, line 4: 3 fields where the header has 5; the file is cut off or not SCB's.")]
    [InlineData("", "f.csv: no rows after the header; the file is cut off.")]
    public void A_wrong_csv_is_refused_with_one_clear_line(string rows, string message)
    {
        var e = Assert.Throws<ScbDataException>(() => ScbCsvReader.Read(Encoding.UTF8.GetBytes(Header + rows), "f.csv", null));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Another_table_is_refused_by_its_title()
    {
        var csv = "\"Medelålder efter region och år\"\r\n\r\n\"region\";\"2025\"\r\n\"1980 Västerås\";41\r\n";

        var e = Assert.Throws<ScbDataException>(() => ScbCsvReader.Read(Encoding.UTF8.GetBytes(csv), "f.csv", null));

        Assert.Equal("f.csv: the table 'Medelålder efter region och år' is not SCB's population per municipality.", e.Message);
    }
}
