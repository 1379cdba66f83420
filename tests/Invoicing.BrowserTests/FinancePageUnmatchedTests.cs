using Invoicing.Testing.BankFiles;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>The unmatched list on the finance page: the payer's texts and the suggested invoice, booked when finance confirms it.</summary>
public sealed partial class FinancePageTests
{
    [Fact]
    public async Task A_payment_naming_its_invoice_only_in_text_is_listed_with_the_text_and_booked_on_the_suggestion_when_confirmed()
    {
        const string Party = "Kungsörs kommun";
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var number = await Cell(Row(page, Party), Column.Number).InnerTextAsync();
        var amount = await Cell(Row(page, Party), Column.Amount).InnerTextAsync();
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("", (long)(ParseAmount(amount) * 100), "000000000901").Information($"faktura nr {number}").Name("Kungsörs kommun")
            .Deposit(TodayInSweden().Replace("-", "", StringComparison.Ordinal), "00901")
            .End()
            .ToLatin1();

        await page.GetByLabel("Fil från banken").SetInputFilesAsync(new FilePayload { Name = "BGMAX-kungsor.txt", MimeType = "text/plain", Buffer = bgmax });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in och bokför" }).ClickAsync();

        await Expect(page.Locator("#status-message")).ToContainTextAsync("1 utan matchande faktura");
        var row = page.Locator("#unmatched-rows tr").Filter(new() { HasText = $"faktura nr {number}" });
        await Expect(row).ToContainTextAsync($"{number} ({Party})");
        await Expect(row).ToContainTextAsync("inget OCR-nummer eller annan referens");
        // The reasons are the page's Swedish: none of the import's English ones (the terminal's) reaches it. Only the
        // Orsak column: the payers' texts are theirs, in whatever language they wrote them.
        var reasons = await page.Locator("#unmatched-rows tr td:nth-child(6)").AllInnerTextsAsync();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.DoesNotMatch(@"(?i)\b(no|not|invoice|payment|reference|matches|unmatched|found|reversal|deduction|issued)\b", reason));
        await Expect(Row(page, Party).Locator(".badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(obetald|förfallen)$"));
        var invoiceField = row.GetByRole(AriaRole.Textbox);
        await Expect(invoiceField).ToHaveValueAsync(number);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bokför betalningen") }).ClickAsync();

        await Expect(page.Locator("#status-message")).ToContainTextAsync($"Bokförd på faktura {number}: obetald → betald");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(Row(page, Party).Locator(".badge")).ToHaveTextAsync("betald");
        Assert.Empty(session.ScriptErrors);
    }
}
