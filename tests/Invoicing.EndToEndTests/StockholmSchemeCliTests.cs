using System.Text.Json;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// docs/walkthrough-stockholm.md through the CLI, beside Region Mitt's demo in the same storage: seed the bundled
/// <c>data/stockholm-2026</c>, approve, run, list; then Vallentuna signs and Upplands Väsby's agreement ends, as a revision.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StockholmSchemeCliTests(AzuriteFixture azurite)
{
    private static string StockholmData => Path.Combine(TestPaths.RepositoryRoot, "data", "stockholm-2026");

    [Fact]
    public async Task Stockholm_invoices_its_agreement_holders_under_its_own_issuer_and_series_beside_region_mitt_and_a_join_and_a_leave_are_a_revision()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));

        var seed = Ok(await cli.RunAsync("seed", "--data", StockholmData));
        Walkthrough.Shows("Seeded 26 parties, 1 population snapshot and budget stockholm-pom 2026 (draft).", seed.Stdout);
        var show = Ok(await cli.RunAsync("budget", "show", "--scheme", "stockholm-pom", "--year", "2026"));
        Walkthrough.Shows("Avtalskommuner i Stockholms län: 4 000 000,00 kr by population among the parties with an agreement for 2026 (agreements:county:01)", show.Stdout);
        Walkthrough.Shows("0180  Stockholms kommun (own share, not invoiced)     995 574   49,5 %  1 980 087,00 kr", show.Stdout);
        Walkthrough.Shows("      Sum                                           2 011 172  100,0 %  4 000 000,00 kr", show.Stdout);
        Walkthrough.Shows("To invoice: 12 invoices, 2 019 913,00 kr in total.", show.Stdout);

        Walkthrough.Shows(
            "Budget stockholm-pom 2026 approved, decided 2025-12-15 (Socialnämnden 2025-12-15 §12 (exempel)). The next run invoices it.",
            Ok(await cli.RunAsync("budget", "approve", "--scheme", "stockholm-pom", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "Socialnämnden 2025-12-15 §12 (exempel)")).Stdout);
        var run = Ok(await cli.RunAsync("run"));
        Walkthrough.Shows("Budget stockholm-pom 2026: 12 invoices; 12 created, 0 already existed, 0 failed.", run.Stdout);
        Walkthrough.Shows("12 invoices                              2 019 913,00 kr", Ok(await cli.RunAsync("invoices", "list", "--scheme", "stockholm-pom", "--year", "2026")).Stdout);
        Assert.Contains("nothing was created", Ok(await cli.RunAsync("run")).Stdout, StringComparison.Ordinal);

        var stockholm = await ListAsync(cli, "stockholm-pom");
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"2026{n:D5}"), stockholm.Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(2_019_913m, stockholm.Sum(i => i.GetProperty("amount").GetDecimal()));
        Assert.DoesNotContain(stockholm, i => i.GetProperty("debtorCode").GetString() == "0180");
        Assert.Equal(29, (await ListAsync(cli, "region-mitt-pom")).Length);

        Ok(await cli.RunAsync("invoices", "download", "202600001", "--scheme", "stockholm-pom", "--year", "2026", "--out", "sthlm"));
        using (var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "sthlm", "202600001.pdf")))
        {
            var text = pdf.GetPage(1).Text;
            Assert.Contains("Stockholms stad", text, StringComparison.Ordinal);
            Assert.Contains("991-2353", text, StringComparison.Ordinal);
            Assert.Contains("Upplands Väsby kommun", text, StringComparison.Ordinal);
            Assert.Contains("EXEMPEL", text, StringComparison.Ordinal);
        }

        // 202600001 is in both series now: the scheme says whose, and without it nothing is guessed.
        var ambiguous = await cli.RunAsync("invoices", "show", "202600001");
        Assert.Equal(1, ambiguous.ExitCode);
        Walkthrough.Shows("error: Invoice number 202600001 is in more than one issuer's series (region-mitt-pom, stockholm-pom); name the scheme (--scheme).", ambiguous.Stderr);
        Walkthrough.Shows("Invoice 202600001 to 0114 Upplands Väsby kommun (stockholm-pom 2026)", Ok(await cli.RunAsync("invoices", "show", "202600001", "--scheme", "stockholm-pom")).Stdout);
        Assert.Contains("(region-mitt-pom 2026)", Ok(await cli.RunAsync("invoices", "show", "202600001", "--scheme", "region-mitt-pom")).Stdout, StringComparison.Ordinal);

        var revised = RevisedAgreements(cli.WorkingDirectory);
        // The hint's next commands name the scheme the user named: without it they would act on the default scheme.
        Walkthrough.Shows(
            "Recorded draft revision 1 of budget stockholm-pom 2026. See what it changes with: budget diff --scheme stockholm-pom --year 2026; approve it with: budget approve --scheme stockholm-pom --year 2026",
            Ok(await cli.RunAsync("budget", "revise", "--scheme", "stockholm-pom", "--year", "2026", "--data", revised)).Stdout);
        var diff = Ok(await cli.RunAsync("budget", "diff", "--scheme", "stockholm-pom", "--year", "2026")).Stdout;
        Walkthrough.Shows("0114  Upplands Väsby kommun    100 087,00 kr          0,00 kr  -100 087,00 kr  credit note 100 087,00 kr to invoice 202600001", diff);
        Walkthrough.Shows("0115  Vallentuna kommun              0,00 kr     70 380,00 kr    70 380,00 kr  invoice 70 380,00 kr (joins)", diff);
        Walkthrough.Shows("0180  Stockholms kommun              0,00 kr  1 995 170,00 kr         0,00 kr  own share, not invoiced", diff);
        Walkthrough.Shows("      To invoice             2 019 913,00 kr  2 004 830,00 kr   -15 083,00 kr  13 documents", diff);
        Walkthrough.Shows(
            "Revision 1 of budget stockholm-pom 2026 approved, decided 2026-03-16 (Socialnämnden 2026-03-16 §7 (exempel)).",
            Ok(await cli.RunAsync("budget", "approve", "--scheme", "stockholm-pom", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Socialnämnden 2026-03-16 §7 (exempel)")).Stdout);
        Walkthrough.Shows("Budget stockholm-pom 2026, revision 1: 13 documents (credit notes and invoices); 13 created, 0 already existed, 0 failed.", Ok(await cli.RunAsync("run")).Stdout);
        var list = Ok(await cli.RunAsync("invoices", "list", "--scheme", "stockholm-pom", "--year", "2026")).Stdout;
        Walkthrough.Shows("Credited  credited 100 087,00 kr      UBL", list);
        Walkthrough.Shows("24 invoices, 1 credit note  net                         2 004 830,00 kr", list);

        var after = await ListAsync(cli, "stockholm-pom");
        Assert.Equal(25, after.Length);
        var credit = Assert.Single(after, d => d.GetProperty("kind").GetString() == "credit-note");
        Assert.Equal(("0114", "202600001", 100_087m), (credit.GetProperty("debtorCode").GetString(), credit.GetProperty("corrects").GetString(), credit.GetProperty("amount").GetDecimal()));
        var joined = Assert.Single(after, d => d.GetProperty("debtorCode").GetString() == "0115");
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("corrects").ValueKind);
        var net = after.Sum(d => (d.GetProperty("kind").GetString() == "credit-note" ? -1 : 1) * d.GetProperty("amount").GetDecimal());
        Assert.Equal(4_000_000m - 1_995_170m, net);
        Assert.Contains("nothing was created", Ok(await cli.RunAsync("run")).Stdout, StringComparison.Ordinal);
        Assert.Equal(29, (await ListAsync(cli, "region-mitt-pom")).Length);
    }

    /// <summary>The bundled Stockholm data with Upplands Väsby's agreement ended with 2025 and Vallentuna signing in March 2026.</summary>
    private static string RevisedAgreements(string workingDirectory)
    {
        var data = Path.Combine(workingDirectory, "sthlm-revised");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(StockholmData))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var agreements = Path.Combine(data, "agreements.csv");
        File.WriteAllText(agreements, File.ReadAllText(agreements).Replace("0114,2021-01-01,,", "0114,2021-01-01,2025-12-31,", StringComparison.Ordinal)
            + "0115,2026-03-01,,KS 2026/31 (exempel)\n");
        return data;
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<JsonElement[]> ListAsync(CliRunner cli, string scheme)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--scheme", scheme, "--year", "2026", "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
