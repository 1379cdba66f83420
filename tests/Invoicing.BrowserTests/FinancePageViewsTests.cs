using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// Every view of the finance page, as a reader and as finance sees it, passes axe-core's WCAG 2.0/2.1 A and AA rules
/// with no violation; at 400 px nothing scrolls sideways and no button, file input or download is cut off.
/// The views: the whole page (header, filters, totals, aging, downloads, the invoice list, changes waiting for
/// approval, unmatched payments, bank files, closed periods); finance's forms in it (bank file, budget approval,
/// periods, booking an unmatched payment); an empty list; a refusal in the alert; the invoice dialog for a reader and
/// for finance (payment and void forms) and with a refusal in the dialog's own alert.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinancePageViewsTests(FinancePageFixture fixture, ITestOutputHelper output)
{
    private const int Narrow = 400;
    private const int Wide = 1400;

    [Fact]
    public async Task Every_view_a_reader_sees_passes_axe_with_no_violation()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        await ExpectNoViolationsAsync(page, "the page (reader)");

        await OpenFirstInvoiceAsync(page);
        await ExpectNoViolationsAsync(page, "the invoice dialog (reader)");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByLabel("Status").SelectOptionAsync("Overpaid");
        await page.GetByLabel("Endast förfallna").CheckAsync();
        await Expect(page.Locator("#empty-message")).ToBeVisibleAsync();
        await ExpectNoViolationsAsync(page, "an empty list (reader)");

        await page.GetByLabel("Samverkan").FillAsync("finns-inte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        // The refusal is named in Swedish: the API's problem title.
        await Expect(page.Locator("#alert")).ToContainTextAsync("Hittades inte (404)");
        await ExpectNoViolationsAsync(page, "a refusal in the alert (reader)");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Every_view_finance_sees_passes_axe_with_no_violation()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Läs in och bokför" })).ToBeVisibleAsync();
        await ExpectNoViolationsAsync(page, "the page with finance's forms");

        await OpenFirstInvoiceAsync(page);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#payment-form")).ToBeVisibleAsync();
        // An invoice alone in its chain has no chain table, and nothing in its place (not the text "null").
        await Expect(dialog.Locator("#dialog-details")).Not.ToContainTextAsync("null");
        await ExpectNoViolationsAsync(page, "the invoice dialog with the payment and void forms");

        await dialog.GetByLabel("Belopp (kr)").FillAsync("inget belopp");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bokför betalning" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Begäran är inte giltig (400)");
        await ExpectNoViolationsAsync(page, "a refusal in the invoice dialog");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task At_400_px_nothing_scrolls_sideways_and_no_button_file_input_or_download_is_cut_off()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        await Expect(page.GetByLabel("Fil från banken")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(Wide, 900);
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-page-1400.png"), FullPage = true });
        await page.SetViewportSizeAsync(Narrow, 900);
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-page-400.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-page-400-top.png") });
        await page.Locator("#invoices-heading").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-list-400.png") });
        await ExpectNoSidewaysScrollAsync(page, "the page");
        await ExpectInsideAsync(page.Locator("main button, main .button, main input[type=file], header button"), "on the page");
        await ExpectNoViolationsAsync(page, "the page at 400 px");

        await OpenFirstInvoiceAsync(page);
        var dialog = page.Locator("#invoice-dialog");
        await Expect(dialog.Locator("#payment-form")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-dialog-400.png") });
        await ExpectNoSidewaysScrollAsync(page, "the page behind the dialog");
        Assert.True(
            await dialog.EvaluateAsync<bool>("d => d.scrollWidth <= d.clientWidth"),
            $"The invoice dialog scrolls sideways at {Narrow} px: {await dialog.EvaluateAsync<string>("d => d.scrollWidth + ' > ' + d.clientWidth")}.");
        await ExpectInsideAsync(dialog.Locator("a[data-download], button, input"), "in the invoice dialog");
        await ExpectNoViolationsAsync(page, "the invoice dialog at 400 px");

        await page.SetViewportSizeAsync(Wide, 900);
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-dialog-1400.png") });
        Assert.Empty(session.ScriptErrors);
    }

    private static async Task OpenFirstInvoiceAsync(IPage page)
    {
        var first = page.Locator("#invoice-rows tr").First;
        var number = await first.Locator("td").First.InnerTextAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(number);
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Table, new() { Name = "Historik" })).ToBeVisibleAsync();
    }

    /// <summary>axe-core on the whole page as it is now (with a modal dialog open, the page behind it is inert).</summary>
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

    /// <summary>The document is no wider than the window; when it is, the message names the outermost elements that stick out.</summary>
    private static async Task ExpectNoSidewaysScrollAsync(IPage page, string view)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return;
        }

        var wide = await page.EvaluateAsync<string[]>(
            """
            width => [...document.querySelectorAll('body *')]
              .filter(n => n.getBoundingClientRect().right > width + 0.5 && n.parentElement.getBoundingClientRect().right <= width + 0.5)
              .slice(0, 8)
              .map(n => `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className ? '.' + String(n.className).split(' ').join('.') : ''} (${Math.round(n.getBoundingClientRect().right)} px)`)
            """,
            widths[1]);
        Assert.Fail($"{view} scrolls sideways at {Narrow} px: {widths[0]} px wide in {widths[1]} px; sticking out: {string.Join(", ", wide)}.");
    }

    /// <summary>Every visible control among <paramref name="controls"/> lies wholly inside the viewport's width.</summary>
    private static async Task ExpectInsideAsync(ILocator controls, string where)
    {
        var outside = await controls.EvaluateAllAsync<string[]>(
            """
            (nodes, width) => nodes
              .filter(n => n.offsetParent !== null)
              .map(n => [n, n.getBoundingClientRect()])
              .filter(([, r]) => r.left < 0 || r.right > width + 0.5)
              .map(([n, r]) => `${(n.getAttribute('aria-label') || n.textContent || n.id || n.type).trim()} (${Math.round(r.left)}–${Math.round(r.right)})`)
            """,
            Narrow);
        Assert.True(outside.Length == 0, $"Cut off {where} at {Narrow} px: {string.Join("; ", outside)}.");
    }
}
