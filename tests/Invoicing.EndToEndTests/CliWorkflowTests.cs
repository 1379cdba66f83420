using System.Text.Json;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>The finance team's steps one command at a time, and the machine output they rely on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliWorkflowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Nothing_is_invoiced_until_the_budget_is_approved_and_then_exactly_once()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);

        var draft = await cli.RunAsync("budget", "show", "--year", "2026");
        Assert.True(draft.ExitCode == 0, draft.ToString());
        Assert.Contains("Status: Draft", draft.Stdout, StringComparison.Ordinal);
        Assert.Contains("To invoice: 30 invoices, 375\u00A0000,00\u00A0kr in total.", draft.Stdout, StringComparison.Ordinal);

        var beforeApproval = await cli.RunAsync("run", "--year", "2026");
        Assert.Contains("nothing was created", beforeApproval.Stdout, StringComparison.Ordinal);
        Assert.Equal("[]", (await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout.Trim());

        var approve = await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "Samverkansforum PoM §4");
        Assert.True(approve.ExitCode == 0, approve.ToString());

        var run = await cli.RunAsync("run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("30 created", run.Stdout, StringComparison.Ordinal);
        var again = await cli.RunAsync("run");
        Assert.Contains("nothing was created", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(30, (await ListAsync(cli)).GetArrayLength());
    }

    [Fact]
    public async Task Invoices_list_json_has_the_documented_fields()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo")).ExitCode);

        var invoices = await ListAsync(cli);

        Assert.Equal(30, invoices.GetArrayLength());
        var vasteras = invoices.EnumerateArray().Single(i => i.GetProperty("debtorCode").GetString() == "1980");
        Assert.Equal("Västerås kommun", vasteras.GetProperty("debtorName").GetString());
        Assert.Equal(43035m, vasteras.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Number, vasteras.GetProperty("amount").ValueKind);
        Assert.Equal("Unpaid", vasteras.GetProperty("status").GetString());
        Assert.Matches("^[0-9]{9}$", vasteras.GetProperty("number").GetString());
        Assert.Matches("^[0-9]{11}$", vasteras.GetProperty("ocr").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", vasteras.GetProperty("issueDate").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", vasteras.GetProperty("dueDate").GetString());
        Assert.Equal($"region-mitt-pom/2026/{vasteras.GetProperty("number").GetString()}.pdf", vasteras.GetProperty("blobName").GetString());
        Assert.Equal(375000m, invoices.EnumerateArray().Sum(i => i.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task One_invoice_or_all_can_be_downloaded_as_pdf()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo", "--out", "demo-out")).ExitCode);
        var vasteras = (await ListAsync(cli)).EnumerateArray().Single(i => i.GetProperty("debtorCode").GetString() == "1980");
        var number = vasteras.GetProperty("number").GetString()!;

        var one = await cli.RunAsync("invoices", "download", number, "--year", "2026", "--out", "one");
        var all = await cli.RunAsync("invoices", "download", "--all", "--year", "2026", "--out", "all");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal([$"{number}.pdf"], Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "one")).Select(Path.GetFileName));
        Assert.Equal(30, Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "all"), "*.pdf").Length);
        using var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "one", $"{number}.pdf"));
        var text = pdf.GetPage(1).Text;
        Assert.Contains(vasteras.GetProperty("ocr").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("43\u00A0035,00\u00A0kr", text, StringComparison.Ordinal);
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
        Assert.Contains("3 differences", text.Stdout, StringComparison.Ordinal);
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
