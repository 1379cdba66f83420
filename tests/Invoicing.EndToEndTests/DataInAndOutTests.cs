using System.Globalization;
using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.Scb;
using Invoicing.Testing.Sie;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>SCB's populations in, the budget appendix and the SIE file out, through the CLI like a user.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DataInAndOutTests(AzuriteFixture azurite)
{
    private static string ScbFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "scb-pxweb", name);

    [Fact]
    public async Task After_the_demo_and_a_payment_import_the_sie_file_balances_is_repeatable_and_agrees_with_the_invoice_list()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        Ok(await cli.RunAsync("payments", "import", Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml")));
        var first = Path.Combine(cli.WorkingDirectory, "a.se");
        var second = Path.Combine(cli.WorkingDirectory, "b.se");

        var export = Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", first));
        Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", second));

        Assert.Contains("SIE 4E, 2026-01-01–2026-12-31, 29 invoice and 3 payment vouchers", export.Stdout, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        var sie = SieReader.Read(await File.ReadAllBytesAsync(first));
        using var list = JsonDocument.Parse(Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout);
        var invoices = list.RootElement.EnumerateArray().ToArray();
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amount"))), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amountPaid"))), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amountDue"))), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
        Assert.Equal(["Västerås stad"], sie.Post("#FNAMN"));
        Assert.Equal("Håbo kommun", sie.Objects[("20", "0305")]);
        Assert.DoesNotContain(("20", "1980"), sie.Objects.Keys); // the issuer's own share is not invoiced
    }

    [Fact]
    public async Task Scb_figures_are_imported_once_shown_with_their_provenance_and_compared_with_the_bundled_pool()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));

        var import = Ok(await cli.RunAsync("population", "import", "--scb", ScbFile("TAB5557_sv_ac392dca4f25fab2.json")));
        var again = Ok(await cli.RunAsync("population", "import", "--scb", ScbFile("TAB5557_sv_ac392dca4f25fab2.json")));
        using var shown = JsonDocument.Parse(Ok(await cli.RunAsync("population", "show", "--snapshot", "scb-2025", "--json")).Stdout);
        var compare = Ok(await cli.RunAsync("population", "compare", "--snapshot", "regionmitt-2026-19", "--snapshot", "scb-2025"));
        var budget = Ok(await cli.RunAsync("budget", "show", "--year", "2026"));

        Assert.Equal(
            "Recorded population snapshot scb-2025: 290 municipalities, SCB TAB5557 Folkmängd 31 december 2025 (000007ME), uppdaterad 2026-02-24, reference date 2025-12-31.",
            import.Stdout.Trim());
        Assert.Equal("Population snapshot scb-2025 is already recorded with these figures: nothing changed.", again.Stdout.Trim());
        var provenance = shown.RootElement.GetProperty("provenance");
        Assert.Equal(("TAB5557", "000007ME", "2025-12-31"), (provenance.GetProperty("tableId").GetString(), provenance.GetProperty("contentCode").GetString(), shown.RootElement.GetProperty("referenceDate").GetString()));
        Assert.StartsWith("POST https://statistikdatabasen.scb.se/api/v2/tables/TAB5557/data", provenance.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Contains("of 10 parties of regionmitt-2026-19 have another figure in scb-2025", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("region-mitt-pom 2026 line 6, Västmanlands kommuner", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("key: population snapshot regionmitt-2026-19, reference date 2025-09-30 (regionfakta.com 2025-09 (budget 2026 BILAGA 1))", budget.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fetch_asks_the_configured_server_and_without_a_network_says_so_and_records_nothing()
    {
        await using var scb = new RecordedScbServer(RecordedResponse.Ok(await File.ReadAllBytesAsync(ScbFile("TAB5557_sv_ac392dca4f25fab2.json"))));
        using var cli = new CliRunner(azurite);
        cli.Environment["Invoicing__Scb__BaseUrl"] = scb.BaseUrl.ToString();

        var fetched = Ok(await cli.RunAsync("population", "import", "--fetch", "--year", "2025", "--snapshot", "hela-landet-2025"));
        cli.Environment["Invoicing__Scb__BaseUrl"] = $"http://127.0.0.1:{RecordedScbServer.FreePort()}/api/v2/";
        var offline = await cli.RunAsync("population", "import", "--fetch", "--year", "2025", "--region", "1980", "--snapshot", "offline");
        var missing = await cli.RunAsync("population", "show", "--snapshot", "offline");

        Assert.StartsWith("Recorded population snapshot hela-landet-2025: 290 municipalities", fetched.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"valueCodes\":[\"TotSa\"]", Assert.Single(scb.Requests).Body, StringComparison.Ordinal);
        Assert.Equal(1, offline.ExitCode);
        Assert.StartsWith("error: Cannot reach SCB at http://127.0.0.1:", offline.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: There is no population snapshot 'offline'.", missing.Stderr.Trim());
    }

    [Fact]
    public async Task A_wrong_file_is_refused_in_one_line_and_nothing_is_recorded()
    {
        using var cli = new CliRunner(azurite);
        var cut = Path.Combine(cli.WorkingDirectory, "cut.json");
        Directory.CreateDirectory(cli.WorkingDirectory);
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(ScbFile("TAB5557_sv_ac392dca4f25fab2.json")))[..15_000]);

        var result = await cli.RunAsync("population", "import", "--scb", cut);
        var several = await cli.RunAsync("population", "import", "--scb", ScbFile("TAB638_sv_2444c12de92d7e39.json"));
        var missing = await cli.RunAsync("population", "show", "--snapshot", "scb-2025");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: cut.json: not complete JSON (line ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: TAB638_sv_2444c12de92d7e39.json: holds the years 2000, 2001, 2002, 2003, 2004, 2005; say which one to import with --year.", several.Stderr.Trim());
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task The_budget_report_is_a_multi_page_pdf_marked_utkast_while_the_budget_is_a_draft()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));
        var pdf = Path.Combine(cli.WorkingDirectory, "bilaga1.pdf");

        var result = Ok(await cli.RunAsync("budget", "report", "--year", "2026", "--out", pdf));

        Assert.Contains("appendix of budget region-mitt-pom 2026 (UTKAST), 3 pools", result.Stdout, StringComparison.Ordinal);
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync(pdf));
        Assert.Equal(2, document.NumberOfPages);
        Assert.All(document.GetPages(), p => Assert.Contains("UTKAST", p.Text, StringComparison.Ordinal));
        Assert.Contains("Sida 2 av 2", document.GetPage(2).Text, StringComparison.Ordinal);
    }

    private static long Ore(JsonElement kronor) => (long)(kronor.GetDecimal() * 100);

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
