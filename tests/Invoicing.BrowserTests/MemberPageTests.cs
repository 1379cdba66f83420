using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// The member municipalities' page (<c>/medlem</c>) with a member's API key (Håbo kommun): its own invoices and PDFs,
/// its statement, and how its share was computed, in Swedish formats; axe-core's WCAG 2.0/2.1 A and AA rules find no
/// violation, also at 400 px, where nothing scrolls sideways. Finance on the member's page, and a member on finance's,
/// get a Swedish message and no data.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MemberPageTests(FinancePageFixture fixture, ITestOutputHelper output)
{
    private const int Narrow = 400;

    [Fact]
    public async Task A_member_sees_its_own_invoices_statement_and_share_and_axe_reports_no_violation()
    {
        await using var session = await fixture.OpenWithKeyAsync("/medlem", fixture.MemberKey);
        var page = session.Page;
        await Expect(page.Locator("#identity")).ToContainTextAsync($"medlem, part {FinancePageFixture.MemberParty}");
        var rows = page.Locator("#invoice-rows tr");
        await Expect(rows.First).ToBeVisibleAsync();

        // Which documents are the member's is the API's rule (MemberViewTests); here: the page shows them in Swedish formats.
        var numbers = await rows.Locator("th").AllInnerTextsAsync();
        output.WriteLine($"The member's invoices: {string.Join(", ", numbers)}; first row: {await rows.First.InnerTextAsync()}");
        Assert.NotEmpty(numbers);
        Assert.All(await rows.Locator("td.num").AllInnerTextsAsync(), amount => Assert.Matches(SwedishAmount(), amount));

        var pdf = await page.RunAndWaitForDownloadAsync(() => rows.First.GetByRole(AriaRole.Link, new() { Name = $"PDF, ladda ner faktura {numbers[0]}" }).ClickAsync());
        Assert.Equal($"faktura-{numbers[0]}.pdf", pdf.SuggestedFilename);
        var statement = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner kontoutdrag (PDF)" }).ClickAsync());
        Assert.Equal($"kontoutdrag-{FinancePageFixture.Scheme}-{FinancePageFixture.Year}-{FinancePageFixture.MemberParty}.pdf", statement.SuggestedFilename);

        var share = page.Locator("section.share");
        await Expect(share.GetByRole(AriaRole.Heading, new() { Name = "Så räknades er andel" })).ToBeVisibleAsync();
        await Expect(share.Locator("dl.facts").First).ToContainTextAsync("2025-12-15");
        var ownRows = share.Locator("tr.own");
        Assert.True(await ownRows.CountAsync() > 0, "No pool names the member's own row.");
        await Expect(ownRows.First.Locator("th")).ToHaveTextAsync($"{FinancePageFixture.MemberParty} Håbo kommun (ni)");
        // Every member's figures the split used, not only the member's own: other parties' rows are there too.
        var firstPool = share.GetByRole(AriaRole.Table).First;
        Assert.True(await firstPool.Locator("tbody tr").CountAsync() > 1, "The first pool shows only the member's own row.");
        Assert.Matches(SwedishPercent(), await ownRows.First.Locator("td").Nth(1).InnerTextAsync());
        Assert.Matches(SwedishAmount(), await ownRows.First.Locator("td").Nth(2).InnerTextAsync());
        output.WriteLine($"The first pool: {await share.Locator("section.part").First.InnerTextAsync()}");

        await ExpectNoViolationsAsync(page, "the member's page");

        await page.SetViewportSizeAsync(Narrow, 900);
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("member-page-400.png"), FullPage = true });
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The member's page scrolls sideways at {Narrow} px: {widths[0]} px wide in {widths[1]} px.");
        var outside = await page.Locator("main button, main .button, main input, header button").EvaluateAllAsync<string[]>(
            """
            (nodes, width) => nodes
              .filter(n => n.offsetParent !== null)
              .map(n => [n, n.getBoundingClientRect()])
              .filter(([, r]) => r.left < 0 || r.right > width + 0.5)
              .map(([n, r]) => `${(n.getAttribute('aria-label') || n.textContent || n.id).trim()} (${Math.round(r.left)}–${Math.round(r.right)})`)
            """,
            Narrow);
        Assert.True(outside.Length == 0, $"Cut off at {Narrow} px: {string.Join("; ", outside)}.");
        await ExpectNoViolationsAsync(page, "the member's page at 400 px");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Finance_on_the_members_page_and_a_member_on_finances_page_are_told_in_Swedish_where_their_page_is_and_see_no_data()
    {
        await using (var finance = await fixture.OpenWithKeyAsync("/medlem", fixture.FinanceKey))
        {
            var page = finance.Page;
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Den här sidan är för medlemskommunernas användare.");
            await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "ekonomins sida" })).ToBeVisibleAsync();
            await Expect(page.Locator("#member-content")).ToBeHiddenAsync();
            await Expect(page.Locator("#invoice-rows tr")).ToHaveCountAsync(0);
            await ExpectNoViolationsAsync(page, "the member's page, opened by finance");
            Assert.Empty(finance.ScriptErrors);
        }

        await using var member = await fixture.OpenWithKeyAsync("/", fixture.MemberKey);
        var financePage = member.Page;
        await Expect(financePage.GetByRole(AriaRole.Alert)).ToContainTextAsync("Den här sidan är ekonomiavdelningens.");
        await financePage.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "medlemssidan" }).ClickAsync();
        await Expect(financePage).ToHaveURLAsync(new Regex("/medlem(\\?|$)"));
        await Expect(financePage.Locator("#identity")).ToContainTextAsync($"medlem, part {FinancePageFixture.MemberParty}");
        Assert.Empty(member.ScriptErrors);
    }

    [GeneratedRegex("^-?\\d{1,3}(\u00A0\\d{3})*,\\d{2}\u00A0kr$")]
    private static partial Regex SwedishAmount();

    [GeneratedRegex("^\\d{1,3},\\d\u00A0%$")]
    private static partial Regex SwedishPercent();

    private async Task ExpectNoViolationsAsync(IPage page, string view)
    {
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"axe-core {axe.TestEngine?.Version} on {view} (WCAG 2.0/2.1 A and AA): {axe.Violations.Length} violations, {axe.Passes.Length} rules passed, {axe.Incomplete.Length} to review by hand.");
        foreach (var violation in axe.Violations)
        {
            output.WriteLine($"  {violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html))})");
        }

        Assert.Empty(axe.Violations);
        Assert.NotEmpty(axe.Passes);
    }
}
