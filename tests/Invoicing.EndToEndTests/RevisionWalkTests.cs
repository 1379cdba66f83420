using System.Text.Json;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// The README's walk through a budget revision, one command at a time: demo → revise (Gävleborg's pool
/// 75 000 → 90 000, Region Uppsala 75 000 → 60 000) → diff → approve → run → run again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionWalkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_revision_credits_region_uppsala_and_invoices_gavleborgs_ten_municipalities_exactly_the_change_once()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var revised = RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised"));

        var revise = Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", revised));
        Assert.Contains("Recorded draft revision 1", revise.Stdout, StringComparison.Ordinal);

        var diff = Ok(await cli.RunAsync("budget", "diff", "--year", "2026"));
        Assert.Contains("credit note 15\u00A0000,00\u00A0kr to invoice", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("own share, not invoiced", diff.Stdout, StringComparison.Ordinal);
        using var diffJson = JsonDocument.Parse(Ok(await cli.RunAsync("budget", "diff", "--year", "2026", "--json")).Stdout);
        var withDocuments = diffJson.RootElement.EnumerateArray().Where(p => p.GetProperty("document").ValueKind != JsonValueKind.Null).ToArray();
        Assert.Equal(11, withDocuments.Length);

        var beforeApproval = Ok(await cli.RunAsync("run"));
        Assert.Contains("nothing was created", beforeApproval.Stdout, StringComparison.Ordinal);

        var approve = Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Samverkansforum PoM, budgetmöte 2026-03-16 §4"));
        Assert.Contains("Revision 1 of budget region-mitt-pom 2026 approved", approve.Stdout, StringComparison.Ordinal);
        var show = Ok(await cli.RunAsync("budget", "show", "--year", "2026"));
        Assert.Contains("Samverkansforum PoM, budgetmöte 2026-03-16 §4", show.Stdout, StringComparison.Ordinal);

        var run = Ok(await cli.RunAsync("run"));
        Assert.Contains("revision 1: 11 documents", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("11 created", run.Stdout, StringComparison.Ordinal);

        var documents = await ListAsync(cli);
        Assert.Equal(40, documents.Length);
        var changes = documents.Skip(29).ToArray();
        var credit = Assert.Single(changes, d => d.GetProperty("kind").GetString() == "credit-note");
        var regionUppsala = documents.Single(d => d.GetProperty("debtorCode").GetString() == "REGION-03" && d.GetProperty("kind").GetString() == "invoice");
        Assert.Equal("REGION-03", credit.GetProperty("debtorCode").GetString());
        Assert.Equal(15000m, credit.GetProperty("amount").GetDecimal());
        Assert.Equal(regionUppsala.GetProperty("number").GetString(), credit.GetProperty("corrects").GetString());
        Assert.Equal(60000m, regionUppsala.GetProperty("amountDue").GetDecimal());
        var supplements = changes.Where(d => d.GetProperty("kind").GetString() == "invoice").ToArray();
        Assert.Equal(10, supplements.Length);
        Assert.All(supplements, s => Assert.StartsWith("21", s.GetProperty("debtorCode").GetString(), StringComparison.Ordinal));
        Assert.All(supplements, s => Assert.Equal(JsonValueKind.String, s.GetProperty("corrects").ValueKind));
        Assert.Equal(15000m, supplements.Sum(s => s.GetProperty("amount").GetDecimal()));

        var creditNumber = credit.GetProperty("number").GetString()!;
        Ok(await cli.RunAsync("invoices", "download", creditNumber, "--year", "2026", "--out", "credit"));
        using (var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "credit", creditNumber + ".pdf")))
        {
            var text = pdf.GetPage(1).Text;
            Assert.Contains("Kreditfaktura", text, StringComparison.Ordinal);
            Assert.Contains($"Avser faktura {regionUppsala.GetProperty("number").GetString()} av {regionUppsala.GetProperty("issueDate").GetString()}", text, StringComparison.Ordinal);
            Assert.Contains("15\u00A0000,00\u00A0kr", text, StringComparison.Ordinal);
            Assert.DoesNotContain("OCR-nummer", text, StringComparison.Ordinal);
        }

        var chain = Ok(await cli.RunAsync("invoices", "show", regionUppsala.GetProperty("number").GetString()!)).Stdout;
        Assert.Contains(creditNumber, chain, StringComparison.Ordinal);
        Assert.Contains("credited 15\u00A0000,00\u00A0kr, due 60\u00A0000,00\u00A0kr", chain, StringComparison.Ordinal);

        var again = Ok(await cli.RunAsync("run"));
        Assert.Contains("nothing was created", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(40, (await ListAsync(cli)).Length);
    }

    [Fact]
    public async Task Revising_with_a_dataset_that_changes_no_amount_is_refused_with_one_clear_line()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));

        var result = await cli.RunAsync("budget", "revise", "--year", "2026", "--data", TestPaths.BundledDataset);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("changes no party's amount", result.Stderr, StringComparison.Ordinal);
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<JsonElement[]> ListAsync(CliRunner cli)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
