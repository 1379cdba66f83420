using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// The accessibility statement (tillgänglighetsredogörelse, DIGG's model): linked from the finance page, readable
/// without signing in, and itself free of axe-core violations of WCAG 2.0/2.1 A and AA.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityStatementTests(FinancePageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_finance_page_links_to_the_accessibility_statement_which_says_what_is_not_accessible_and_passes_axe()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        var link = page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" });
        await Expect(link).ToHaveAttributeAsync("href", "tillganglighet.html");

        await link.ClickAsync();

        await Expect(page).ToHaveTitleAsync("Tillgänglighetsredogörelse – Invoicing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tillgänglighetsredogörelse", Level = 1 })).ToBeVisibleAsync();
        // DIGG's model: how accessible, what is not, how it was tested, how to report a problem, who supervises.
        foreach (var heading in new[] { "Hur tillgänglig är webbplatsen?", "Innehåll som inte är tillgängligt", "Hur vi testat sidan", "Rapportera brister", "Tillsyn" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 })).ToBeVisibleAsync();
        }

        await Expect(page.Locator("main")).ToContainTextAsync("delvis förenlig");
        await Expect(page.Locator("main")).ToContainTextAsync("PDF-filer saknar taggar");

        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        output.WriteLine($"axe-core {axe.TestEngine?.Version} on tillganglighet.html (WCAG 2.0/2.1 A and AA): {axe.Violations.Length} violations, {axe.Passes.Length} rules passed, {axe.Incomplete.Length} to review by hand.");
        foreach (var violation in axe.Violations)
        {
            output.WriteLine($"  {violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html))})");
        }

        Assert.Empty(axe.Violations);
        Assert.NotEmpty(axe.Passes);

        // Back to the invoices by keyboard: the skip link first, then the link in the header.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Till fakturorna" })).ToBeFocusedAsync();
        Assert.Empty(session.ScriptErrors);
    }
}
