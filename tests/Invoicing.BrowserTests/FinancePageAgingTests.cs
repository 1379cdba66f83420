using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// The aging report (åldersanalys) on the finance page: the table of what each customer has due by days past due, a
/// bar per bucket stacked by customer, and axe-core's WCAG 2.0/2.1 A and AA rules with no violation in the section.
/// Other tests book and void on the same server, so the figures are checked against each other and the summary, not
/// against fixed amounts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinancePageAgingTests(FinancePageFixture fixture, ITestOutputHelper output)
{
    private const string Nbsp = "\u00A0";
    private static readonly string[] Buckets = ["Ej förfallet", "1–30 dagar", "31–60 dagar", "61–90 dagar", "Över 90 dagar"];

    [Fact]
    public async Task The_aging_section_shows_a_table_whose_rows_add_up_and_a_bar_per_bucket_and_passes_axe()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        var section = page.Locator("section.aging");

        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Åldersanalys", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("#aging-rows tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#aging-caption")).ToContainTextAsync("med obetalt per ");

        // Each row: its five buckets add up to its total; the footer is the sum of the rows, and what the summary calls outstanding.
        var rows = await page.Locator("#aging-rows tr").AllAsync();
        var columnSums = new decimal[6];
        foreach (var row in rows)
        {
            var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(Amount).ToArray();
            Assert.Equal(6, cells.Length);
            Assert.Equal(cells[5], cells[..5].Sum());
            for (var i = 0; i < 6; i++)
            {
                columnSums[i] += cells[i];
            }
        }

        var footer = (await page.Locator("#aging-totals td").AllInnerTextsAsync()).Select(Amount).ToArray();
        Assert.Equal(columnSums, footer);
        Assert.Equal(Amount(await page.Locator("#total-outstanding").InnerTextAsync()), footer[5]);
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "1981 Sala kommun" })).ToHaveCountAsync(1);

        // The chart: one labelled bar per bucket, in column order, naming the same total as the table's footer.
        var bars = page.Locator("#aging-chart").GetByRole(AriaRole.Img);
        await Expect(bars).ToHaveCountAsync(5);
        for (var i = 0; i < Buckets.Length; i++)
        {
            await Expect(bars.Nth(i)).ToHaveAttributeAsync("aria-label", $"{Buckets[i]}: {Format(footer[i])}");
        }

        var segments = await page.Locator("#aging-chart .aging-notDue").CountAsync();
        Assert.Equal(rows.Count, segments + await CountWithoutAsync(page, "notDue"));
        await Expect(page.Locator("#aging-chart-caption")).ToContainTextAsync("Samma siffror står i tabellen");

        var axe = await section.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"axe-core {axe.TestEngine?.Version} on section.aging (WCAG 2.0/2.1 A and AA): {axe.Violations.Length} violations, {axe.Passes.Length} rules passed, {axe.Incomplete.Length} to review by hand.");
        foreach (var violation in axe.Violations)
        {
            output.WriteLine($"  {violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html))})");
        }

        Assert.Empty(axe.Violations);
        Assert.NotEmpty(axe.Passes);
        await section.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-page-aging.png") });
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_aging_report_and_the_ledger_download_as_excel_workbooks_from_the_page()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        await Expect(page.Locator("#aging-rows tr").First).ToBeVisibleAsync();

        var aging = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner åldersanalysen (Excel)" }).ClickAsync());
        var ledger = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exportera reskontra (Excel)" }).ClickAsync());

        Assert.Matches(@"^aldersanalys-region-mitt-pom-2026-\d{4}-\d{2}-\d{2}\.xlsx$", aging.SuggestedFilename);
        Assert.Equal("reskontra-region-mitt-pom-2026.xlsx", ledger.SuggestedFilename);
        foreach (var download in new[] { aging, ledger })
        {
            // An .xlsx is a ZIP package: it starts with the local file header "PK\x03\x04".
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal("PK\u0003\u0004", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        }

        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Rows with nothing in <paramref name="field"/>: they have no segment in its bar.</summary>
    private static async Task<int> CountWithoutAsync(IPage page, string field)
    {
        var column = Array.IndexOf(["notDue", "days1To30", "days31To60", "days61To90", "over90"], field);
        var amounts = await page.Locator($"#aging-rows tr td:nth-of-type({column + 1})").AllInnerTextsAsync();
        return amounts.Count(a => Amount(a) == 0m);
    }

    private static decimal Amount(string text) =>
        decimal.Parse(text.Replace(Nbsp + "kr", "", StringComparison.Ordinal).Replace(Nbsp, "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string Format(decimal kronor) =>
        kronor.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(",", Nbsp, StringComparison.Ordinal).Replace('.', ',') + Nbsp + "kr";
}
