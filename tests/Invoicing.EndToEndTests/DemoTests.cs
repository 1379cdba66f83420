using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

[Collection(AzuriteCollection.Name)]
public sealed class DemoTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Demo_issues_the_29_bundled_invoices_shows_the_issuers_own_share_and_a_second_demo_creates_nothing()
    {
        using var cli = new CliRunner(azurite);

        var first = await cli.RunAsync("demo");

        Assert.True(first.ExitCode == 0, first.ToString());
        Walkthrough.Shows("Budget region-mitt-pom 2026: 29 invoices; 29 created, 0 already existed, 0 failed.", first.Stdout);
        var poolSums = first.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith("Sum ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("100,0\u00A0%  75\u00A0000,00\u00A0kr", StringComparison.Ordinal));
        Assert.Equal(3, poolSums.Count());
        Walkthrough.Shows("      Sum                                           280 999  100,0 %  75 000,00 kr", first.Stdout);
        Walkthrough.Shows("To invoice: 29 invoices, 331 965,00 kr in total.", first.Stdout);
        Walkthrough.Shows("Own share, not invoiced: 1980 Västerås kommun, 43 035,00 kr.", first.Stdout);
        Walkthrough.Shows("1980  Västerås kommun (own share, not invoiced)     161 236   57,4 %  43 035,00 kr", first.Stdout);
        Walkthrough.Shows("29 invoices                                331 965,00 kr", first.Stdout);
        Walkthrough.Shows("Copied 29 invoice PDFs to ", first.Stdout);
        var pdfs = Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "out", "invoices"), "*.pdf");
        Assert.Equal(29, pdfs.Length);

        var second = await cli.RunAsync("demo");

        Assert.True(second.ExitCode == 0, second.ToString());
        Walkthrough.Shows(
            "Budget region-mitt-pom 2026 is already approved: budget and populations left as they are; party details updated (the next run issues any reserved invoice with them).",
            second.Stdout);
        Walkthrough.Shows("): nothing was created this time.", second.Stdout);
        Assert.Equal(29, Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "out", "invoices"), "*.pdf").Length);
    }

    [Fact]
    public async Task The_invoicing_launcher_builds_and_runs_the_cli()
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunLauncherAsync("demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("29 created", result.Stdout, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "out", "invoices", "202600014.pdf"));
        Assert.Contains("Sala kommun", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }
}
