using System.Text.Json;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// Next year from this year (docs/cli.md, <c>budget prepare</c>): the 2026 demo budget, with a per-year amount on one pool,
/// approved and issued; 2027 prepared from it, shown beside 2026, approved and issued in 2027's own number series.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NextYearCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_prepared_year_takes_the_plans_amount_shows_the_change_per_party_and_is_invoiced_in_its_own_number_series()
    {
        using var cli = new CliRunner(azurite);
        var data = Path.Combine(cli.WorkingDirectory, "region-mitt");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "data", "region-mitt-2026")))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        // Gävleborg's municipalities pay 75 000 kr in 2026 and 80 000 kr in 2027, as the plan says, which ends there; every
        // other line as last year.
        var budget = Path.Combine(data, "budget.json");
        var text = File.ReadAllText(budget);
        const string Gavleborg = "\"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"";
        Assert.Contains(Gavleborg, text, StringComparison.Ordinal);
        File.WriteAllText(budget, text.Replace(Gavleborg, "\"text\": \"Gävleborgs kommuner\", \"amounts\": { \"2026\": \"75000\", \"2027\": \"80000\" }", StringComparison.Ordinal));

        Ok(await cli.RunAsync("seed", "--data", data));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "Budgetmöte 2025-12-15 §4"));
        var prepared = Ok(await cli.RunAsync("budget", "prepare", "--year", "2027", "--from", "2026")).Stdout;
        Assert.StartsWith("Prepared draft budget region-mitt-pom 2027 from 2026: 14 lines, 5 314 000,00 kr income", Walkthrough.Plain(prepared), StringComparison.Ordinal);

        // Preparing again never replaces the draft.
        var again = await cli.RunAsync("budget", "prepare", "--year", "2027", "--from", "2026");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: Budget region-mitt-pom 2027 already exists (Draft); a budget is never prepared over another: look at it with budget show --year 2027 --scheme region-mitt-pom.", again.Stderr.Trim());

        var show = Walkthrough.Plain(Ok(await cli.RunAsync("budget", "show", "--year", "2027")).Stdout);
        Assert.Contains("Compared with 2026 (each party's share, every line together)", show, StringComparison.Ordinal);
        Walkthrough.Shows("Sum                      375 000,00 kr  380 000,00 kr  5 000,00 kr", show);

        using (var json = JsonDocument.Parse(Ok(await cli.RunAsync("budget", "show", "--year", "2027", "--json")).Stdout))
        {
            var previous = json.RootElement.GetProperty("previousYear");
            Assert.Equal(2026, previous.GetProperty("year").GetInt32());
            var parties = previous.GetProperty("parties").EnumerateArray().ToArray();
            Assert.All(parties, p => Assert.Equal(p.GetProperty("current").GetDecimal() - p.GetProperty("previous").GetDecimal(), p.GetProperty("change").GetDecimal()));
            Assert.Equal(5_000m, parties.Where(p => p.GetProperty("code").GetString()!.StartsWith("21", StringComparison.Ordinal)).Sum(p => p.GetProperty("change").GetDecimal()));
            Assert.All(parties.Where(p => !p.GetProperty("code").GetString()!.StartsWith("21", StringComparison.Ordinal)), p => Assert.Equal(0m, p.GetProperty("change").GetDecimal()));
            var gavle = json.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("text").GetString() == "Gävleborgs kommuner");
            Assert.Equal("80000.00", gavle.GetProperty("amount").GetRawText());
        }

        // The appendix (BILAGA 1) puts 2026 beside 2027 too.
        Ok(await cli.RunAsync("budget", "report", "--year", "2027", "--out", "bilaga1-2027.pdf"));
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "bilaga1-2027.pdf")))
        {
            var appendix = Walkthrough.Plain(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
            Assert.Contains("Jämfört med 2026", appendix, StringComparison.Ordinal);
            Assert.Contains("Partens andel av budgeten 2026 och 2027", appendix, StringComparison.Ordinal);
        }

        Ok(await cli.RunAsync("budget", "approve", "--year", "2027", "--decided-on", "2026-12-04", "--reference", "Budgetmöte 2026-12-04 §3"));
        Ok(await cli.RunAsync("run"));

        var invoices2026 = await ListAsync(cli, "2026");
        var invoices2027 = await ListAsync(cli, "2027");
        Assert.Equal(29, invoices2027.Length);
        Assert.Equal(
            Enumerable.Range(1, 29).Select(n => $"2027{n:00000}"),
            invoices2027.Select(i => i.GetProperty("number").GetString()).Order(StringComparer.Ordinal));
        Assert.All(invoices2026, i => Assert.StartsWith("2026", i.GetProperty("number").GetString(), StringComparison.Ordinal));
        // Västerås's own share is not invoiced in either year: 375 000 − 43 035 and 380 000 − 43 035.
        Assert.Equal(331_965m, invoices2026.Sum(i => i.GetProperty("amount").GetDecimal()));
        Assert.Equal(336_965m, invoices2027.Sum(i => i.GetProperty("amount").GetDecimal()));

        var audit = Ok(await cli.RunAsync("audit", "--year", "2027", "--json")).Stdout;
        Assert.Contains("\"budget.prepared\"", audit, StringComparison.Ordinal);

        // The plan, carried into 2027, names no 2028 and the line has no amount: 2028 is refused in one line, and not made.
        var beyond = await cli.RunAsync("budget", "prepare", "--year", "2028", "--from", "2027");
        Assert.Equal(1, beyond.ExitCode);
        Assert.Equal(
            "error: Budget region-mitt-pom 2027, line 7 (Gävleborgs kommuner): its amounts name no figure for 2028 and it has no amount for other years; add \"2028\" to its amounts and seed the dataset for 2028 instead.",
            beyond.Stderr.Trim());
        Assert.Equal(1, (await cli.RunAsync("budget", "show", "--year", "2028")).ExitCode);
    }

    [Fact]
    public async Task A_year_prepared_on_a_named_snapshot_splits_every_pool_by_it_and_shows_each_partys_change()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "Budgetmöte 2025-12-15 §4"));
        Ok(await cli.RunAsync("population", "import", "--scb", Path.Combine(AppContext.BaseDirectory, "TestData", "scb-pxweb", "TAB5557_sv_ac392dca4f25fab2.json")));

        var prepared = Walkthrough.Plain(Ok(await cli.RunAsync("budget", "prepare", "--year", "2027", "--from", "2026", "--population", "scb-2025")).Stdout);
        Assert.Contains(", population scb-2025.", prepared, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Ok(await cli.RunAsync("budget", "show", "--year", "2027", "--json")).Stdout);
        var pools = json.RootElement.GetProperty("pools").EnumerateArray().ToArray();
        Assert.Equal(3, pools.Length);
        Assert.All(pools, p => Assert.Equal("scb-2025", p.GetProperty("populationSnapshot").GetString()));
        Assert.All(pools, p => Assert.Equal(new DateOnly(2025, 12, 31), DateOnly.Parse(p.GetProperty("referenceDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        // The same amounts split by newer figures: some parties pay more, some less, and the changes cancel out.
        var parties = json.RootElement.GetProperty("previousYear").GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("change").GetDecimal()).ToArray();
        Assert.Equal(0m, parties.Sum());
        Assert.Contains(parties, change => change != 0m);
    }

    private static async Task<JsonElement[]> ListAsync(CliRunner cli, string year)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--year", year, "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
