using System.Text.Json;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// docs/allocation.md through the CLI: the bundled EXEMPEL Finsam dataset (<c>data/finsam-exempel-2026</c>), which uses
/// every allocation key (a pool with base fee, cap and floor, rates per inhabitant by party kind, an equal split, fixed
/// contributions), seeded, shown, its appendix written, approved and issued; then a revision raises the cap.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AllocationKeysCliTests(AzuriteFixture azurite)
{
    private static string FinsamData => Path.Combine(TestPaths.RepositoryRoot, "data", "finsam-exempel-2026");

    private static readonly string[] Scheme = ["--scheme", "finsam-exempel", "--year", "2026"];

    [Fact]
    public async Task The_finsam_example_shows_every_key_exact_to_the_krona_in_budget_show_and_the_appendix_and_is_issued_and_revised()
    {
        using var cli = new CliRunner(azurite);
        Walkthrough.Shows("Seeded 10 parties, 1 population snapshot and budget finsam-exempel 2026 (draft).", Ok(await cli.RunAsync("seed", "--data", FinsamData)).Stdout);

        var show = Ok(await cli.RunAsync(["budget", "show", .. Scheme])).Stdout;
        Walkthrough.Shows("   3  pool by population, terms  Kommunernas fjärdedel (25 %)                1 000 000,00 kr  yes", show);
        Walkthrough.Shows("   4  per capita                 Kansliavgift per invånare                     171 324,00 kr  yes", show);
        Walkthrough.Shows("   5  equal split                Gemensam utvecklingsdag                        50 000,00 kr  yes", show);
        Walkthrough.Shows("  terms: base fee 20 000,00 kr each, the rest by population, cap 450 000,00 kr, floor 50 000,00 kr", show);
        Walkthrough.Shows("0319  Älvkarleby kommun       9 552    2,3 %  20 000,00 kr  floor     50 000,00 kr", show);
        Walkthrough.Shows("0380  Uppsala kommun        248 016   60,8 %  20 000,00 kr  cap      450 000,00 kr", show);
        Walkthrough.Shows("      Sum                   407 912  100,0 %                       1 000 000,00 kr", show);
        Walkthrough.Shows("Kansliavgift per invånare: 171 324,00 kr per capita at 0,35 kr (Municipality), 0,07 kr (Region) per inhabitant", show);
        Walkthrough.Shows("REGION-03  Region Uppsala        407 912  0,07 kr   28 554,00 kr", show);
        Walkthrough.Shows("Gemensam utvecklingsdag: 50 000,00 kr in equal shares among 9 parties", show);
        Walkthrough.Shows("0360       Tierps kommun       5 556,00 kr", show);
        Walkthrough.Shows("0380       Uppsala kommun      5 555,00 kr", show);
        Walkthrough.Shows("To invoice: 10 invoices, 4 221 324,00 kr in total.", show);

        Ok(await cli.RunAsync(["budget", "report", .. Scheme, "--out", "bilaga1.pdf"]));
        using (var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "bilaga1.pdf")))
        {
            var text = Walkthrough.Plain(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
            Assert.Contains("Varje part betalar en grundavgift på 20 000 kr", text, StringComparison.Ordinal);
            Assert.Contains("Uppsala kommun (tak)", text, StringComparison.Ordinal);
            Assert.Contains("Älvkarleby kommun (golv)", text, StringComparison.Ordinal);
            Assert.Contains("Fördelning Kansliavgift per invånare", text, StringComparison.Ordinal);
            Assert.Contains("0,35 kr för kommuner, 0,07 kr för regioner per invånare", text, StringComparison.Ordinal);
            Assert.Contains("lika delar i hela kronor mellan 9 parter", text, StringComparison.Ordinal);
        }

        Ok(await cli.RunAsync(["budget", "approve", .. Scheme, "--decided-on", "2025-12-10", "--reference", "Styrelsen 2025-12-10 §5 (exempel)"]));
        Walkthrough.Shows("Budget finsam-exempel 2026: 10 invoices; 10 created, 0 already existed, 0 failed.", Ok(await cli.RunAsync("run")).Stdout);
        var invoices = await ListAsync(cli);
        Assert.Equal(4_221_324m, invoices.Sum(i => i.GetProperty("amount").GetDecimal()));
        Assert.Equal(450_000m + 86_806m + 5_555m, Amount(invoices, "0380"));
        Assert.Equal(50_000m + 3_343m + 5_556m, Amount(invoices, "0319"));
        Assert.Equal(1_000_000m + 28_554m + 5_555m, Amount(invoices, "REGION-03"));
        Assert.Equal(2_000_000m, Amount(invoices, "FK"));

        // A revision raises the cap to 500 000 kr: Uppsala pays 50 000 kr more, the others less, to the krona.
        var revised = Path.Combine(cli.WorkingDirectory, "finsam-revised");
        Directory.CreateDirectory(revised);
        foreach (var file in Directory.GetFiles(FinsamData))
        {
            File.Copy(file, Path.Combine(revised, Path.GetFileName(file)));
        }

        var budget = Path.Combine(revised, "budget.json");
        File.WriteAllText(budget, File.ReadAllText(budget).Replace("\"cap\": \"450000\"", "\"cap\": \"500000\"", StringComparison.Ordinal));
        Ok(await cli.RunAsync(["budget", "revise", .. Scheme, "--data", revised]));
        var diff = Ok(await cli.RunAsync(["budget", "diff", .. Scheme])).Stdout;
        Walkthrough.Shows("0380       Uppsala kommun       542 361,00 kr    592 361,00 kr   50 000,00 kr  supplementary invoice 50 000,00 kr to invoice 202600006", diff);
        Walkthrough.Shows("0381       Enköpings kommun     165 378,00 kr    149 218,00 kr  -16 160,00 kr  credit note 16 160,00 kr to invoice 202600007", diff);
        Walkthrough.Shows("0319       Älvkarleby kommun     58 899,00 kr     58 899,00 kr        0,00 kr  no change", diff);
        Walkthrough.Shows("           To invoice         4 221 324,00 kr  4 221 324,00 kr        0,00 kr  7 documents", diff);
        Ok(await cli.RunAsync(["budget", "approve", .. Scheme, "--decided-on", "2026-03-10", "--reference", "Styrelsen 2026-03-10 §3 (exempel)"]));
        Walkthrough.Shows("Budget finsam-exempel 2026, revision 1: 7 documents (credit notes and invoices); 7 created, 0 already existed, 0 failed.", Ok(await cli.RunAsync("run")).Stdout);
        var after = await ListAsync(cli);
        var net = after.Sum(d => (d.GetProperty("kind").GetString() == "credit-note" ? -1 : 1) * d.GetProperty("amount").GetDecimal());
        Assert.Equal(4_221_324m, net);
        Assert.Contains("nothing was created", Ok(await cli.RunAsync("run")).Stdout, StringComparison.Ordinal);
    }

    private static decimal Amount(JsonElement[] invoices, string code) =>
        invoices.Single(i => i.GetProperty("debtorCode").GetString() == code).GetProperty("amount").GetDecimal();

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<JsonElement[]> ListAsync(CliRunner cli)
    {
        var result = Ok(await cli.RunAsync(["invoices", "list", .. Scheme, "--json"]));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
