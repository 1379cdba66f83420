using System.Text.Json;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>The finance team's steps one command at a time (docs/walkthrough-year.md), and the machine output they rely on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliWorkflowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Nothing_is_invoiced_until_the_budget_is_approved_and_then_exactly_once()
    {
        using var cli = new CliRunner(azurite);
        var seed = await cli.RunAsync("seed");
        Assert.Equal(0, seed.ExitCode);
        Walkthrough.Shows("Seeded 34 parties, 3 population snapshots and budget region-mitt-pom 2026 (draft).", seed.Stdout);

        var draft = await cli.RunAsync("budget", "show", "--year", "2026");
        Assert.True(draft.ExitCode == 0, draft.ToString());
        Walkthrough.Shows("Status: Draft", draft.Stdout);
        Walkthrough.Shows("   6  pool by population  Västmanlands kommuner                              75 000,00 kr  yes", draft.Stdout);
        Walkthrough.Shows("                          of which invoiced                                 375 000,00 kr", draft.Stdout);
        Walkthrough.Shows("To invoice: 29 invoices, 331 965,00 kr in total.", draft.Stdout);

        var beforeApproval = await cli.RunAsync("run", "--year", "2026");
        Walkthrough.Shows("No approved budget is waiting to be invoiced; nothing was created.", beforeApproval.Stdout);
        Assert.Equal("[]", (await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout.Trim());

        var approve = await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "Samverkansforum PoM, budgetmöte 2025-12-15");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Walkthrough.Shows("Budget region-mitt-pom 2026 approved, decided 2025-12-15 (Samverkansforum PoM, budgetmöte 2025-12-15). The next run invoices it.", approve.Stdout);

        var run = await cli.RunAsync("run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Walkthrough.Shows("Created 29, already existing 0, failed 0.", run.Stdout);
        var again = await cli.RunAsync("run");
        Walkthrough.Shows("No approved budget is waiting to be invoiced; nothing was created.", again.Stdout);
        Assert.Equal(29, (await ListAsync(cli)).GetArrayLength());
    }

    [Fact]
    public async Task Invoices_list_json_has_the_documented_fields()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo")).ExitCode);

        var invoices = await ListAsync(cli);

        Assert.Equal(29, invoices.GetArrayLength());
        var uppsala = invoices.EnumerateArray().Single(i => i.GetProperty("debtorCode").GetString() == "0380");
        Assert.Equal("Uppsala kommun", uppsala.GetProperty("debtorName").GetString());
        Assert.Equal(45601m, uppsala.GetProperty("amount").GetDecimal());
        Assert.Equal("invoice", uppsala.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, uppsala.GetProperty("corrects").ValueKind);
        Assert.Equal(0m, uppsala.GetProperty("credited").GetDecimal());
        Assert.Equal(0m, uppsala.GetProperty("refundOwed").GetDecimal());
        Assert.Equal(JsonValueKind.Number, uppsala.GetProperty("amount").ValueKind);
        Assert.Equal("Unpaid", uppsala.GetProperty("status").GetString());
        Assert.Matches("^[0-9]{9}$", uppsala.GetProperty("number").GetString());
        Assert.Matches("^[0-9]{11}$", uppsala.GetProperty("ocr").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", uppsala.GetProperty("issueDate").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", uppsala.GetProperty("dueDate").GetString());
        Assert.Equal($"region-mitt-pom/2026/{uppsala.GetProperty("number").GetString()}.pdf", uppsala.GetProperty("blobName").GetString());
        Assert.Equal(375000m - 43035m, invoices.EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task One_invoice_or_all_can_be_downloaded_as_pdf()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo", "--out", "demo-out")).ExitCode);
        var uppsala = (await ListAsync(cli)).EnumerateArray().Single(i => i.GetProperty("debtorCode").GetString() == "0380");
        var number = uppsala.GetProperty("number").GetString()!;

        var one = await cli.RunAsync("invoices", "download", number, "--year", "2026", "--out", "one");
        var all = await cli.RunAsync("invoices", "download", "--all", "--year", "2026", "--out", "all");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        Walkthrough.Shows("Saved 1 invoice PDFs to ", one.Stderr);
        Walkthrough.Shows("Saved 29 invoice PDFs to ", all.Stderr);
        Assert.Equal([$"{number}.pdf"], Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "one")).Select(Path.GetFileName));
        Assert.Equal(29, Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "all"), "*.pdf").Length);
        using var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "one", $"{number}.pdf"));
        var text = pdf.GetPage(1).Text;
        Assert.Contains(uppsala.GetProperty("ocr").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("45\u00A0601,00\u00A0kr", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_lists_every_difference_from_bilaga_1()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);
        var reference = Path.Combine(TestPaths.BundledDataset, "bilaga1-reference.csv");

        var text = await cli.RunAsync("reconcile", "--year", "2026", "--reference", reference);
        var json = await cli.RunAsync("reconcile", "--year", "2026", "--reference", reference, "--json");

        Assert.Equal(4, text.ExitCode);
        Walkthrough.Shows("Reconciling budget region-mitt-pom 2026 with bilaga1-reference.csv: 28 parties matched.", text.Stdout);
        Walkthrough.Shows("2161  Ljusdals kommun     4 862,00 kr   4 861,00 kr     1,00 kr", text.Stdout);
        Walkthrough.Shows("3 differences; they sum to 0,00 kr.", text.Stdout);
        Assert.Equal(4, json.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        var differences = report.RootElement.GetProperty("differences").EnumerateArray()
            .ToDictionary(d => d.GetProperty("party").GetString()!, d => (d.GetProperty("computed").GetDecimal(), d.GetProperty("reference").GetDecimal(), d.GetProperty("difference").GetDecimal()));
        Assert.Equal(3, differences.Count);
        Assert.Equal((4862m, 4861m, 1m), differences["2161"]);
        Assert.Equal((2989m, 2991m, -2m), differences["2121"]);
        Assert.Equal((10111m, 10110m, 1m), differences["2181"]);
        Assert.Equal(28, report.RootElement.GetProperty("matched").GetArrayLength());
    }

    private static async Task<JsonElement> ListAsync(CliRunner cli)
    {
        var result = await cli.RunAsync("invoices", "list", "--year", "2026", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
