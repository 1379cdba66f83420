using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// Finance's main task with the keyboard only (Tab, Shift+Tab, Enter, Escape, typing): to the list by the skip link,
/// an invoice's dialog opened from its row, its status read, its PDF downloaded, a payment recorded, and back to the
/// row with Escape.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinancePageKeyboardTests(FinancePageFixture fixture)
{
    // Not an invoice another browser test of this collection pays or reads as unpaid; a part payment keeps it outstanding.
    private const string Party = "Heby kommun";

    [Fact]
    public async Task Finance_opens_an_invoice_downloads_its_pdf_and_records_a_payment_with_the_keyboard_only()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var row = page.Locator("#invoice-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Party, Exact = true }) });
        var number = await row.Locator("td").First.InnerTextAsync();
        var open = row.GetByRole(AriaRole.Button, new() { Name = $"Öppna faktura {number}" });

        // From the top of a freshly loaded page (the key stays in the tab): the skip link is the first stop and takes
        // focus to the list, past the header, the filters and the forms.
        await page.ReloadAsync();
        await Expect(row.Locator(".badge")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#invoices-heading")).ToBeFocusedAsync();
        await TabUntilFocusedAsync(page, open, 150);
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(number);
        // Focus is in the dialog, and its status can be read there.
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "Focus did not move into the dialog.");
        await Expect(dialog.Locator(".facts .badge")).ToHaveTextAsync(new Regex("^(obetald|förfallen|påmind)$"));

        var pdf = dialog.GetByRole(AriaRole.Link, new() { Name = $"Ladda ner faktura {number} (PDF)" });
        await TabUntilFocusedAsync(page, pdf, 10);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"faktura-{number}.pdf", download.SuggestedFilename);
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync($"Hämtade faktura-{number}.pdf");

        var amount = dialog.GetByLabel("Belopp (kr)");
        await TabUntilFocusedAsync(page, amount, 80);
        await page.Keyboard.TypeAsync("100,00");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByLabel("Betaldag")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByLabel("Anteckning")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("kontoutdrag 60 (tangentbordstest)");
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Betalningen bokfördes");
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Betalningar" })).ToContainTextAsync("kontoutdrag 60 (tangentbordstest)");
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "Focus left the dialog after booking.");

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(open).ToBeFocusedAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync(new Regex("^(delbetald|förfallen|påmind)$"));
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, at most <paramref name="limit"/> times.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, int limit)
    {
        for (var presses = 0; !await target.EvaluateAsync<bool>("node => node === document.activeElement"); presses++)
        {
            Assert.True(presses < limit, $"Tab did not reach {await target.EvaluateAsync<string>("n => n.outerHTML.slice(0, 120)")} in {limit} presses; focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120)")}.");
            await page.Keyboard.PressAsync("Tab");
        }
    }
}
