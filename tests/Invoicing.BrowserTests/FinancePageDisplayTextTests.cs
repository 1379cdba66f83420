using Invoicing.Testing.BankFiles;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>A payer's name and text from a bank file are shown escaped on the page, as in the terminal, under the page's strict policy.</summary>
public sealed partial class FinancePageTests
{
    [Fact]
    public async Task A_payer_name_with_a_line_break_or_direction_override_is_shown_escaped_on_the_page_and_the_policy_blocks_nothing()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (blocked)
                {
                    blocked.Add(message.Text);
                }
            }
        };
        await page.ReloadAsync();
        var camt = new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("123.45", AccountServicerReference: "FORGE-PAGE-1", BookingDate: TodayInSweden(),
                Transactions: [new(Unstructured: "Avgift \u202Erk 00,999 99", Debtor: "Håbo kommun\n  99 999,00 kr booked")]))
            .ToBytes();

        await page.GetByLabel("Fil från banken").SetInputFilesAsync(new FilePayload { Name = "camt-forged.xml", MimeType = "application/xml", Buffer = camt });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in och bokför" }).ClickAsync();

        var row = page.Locator("#unmatched-rows tr").Filter(new() { HasText = "Håbo kommun" });
        await Expect(row).ToHaveCountAsync(1);
        var text = await row.TextContentAsync() ?? "";
        Assert.Contains("Håbo kommun\\u000A  99 999,00 kr booked", text, StringComparison.Ordinal);
        Assert.Contains("Avgift \\u202Erk 00,999 99", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
        Assert.Empty(session.ScriptErrors);
        lock (blocked)
        {
            Assert.Empty(blocked);
        }
    }
}
