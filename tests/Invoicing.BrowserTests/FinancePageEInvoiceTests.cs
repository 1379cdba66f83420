using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>E-invoices on the finance page: a download per invoice, and a clear "PDF only" with the reason where there is none.</summary>
public sealed partial class FinancePageTests
{
    [Fact]
    public async Task An_e_invoice_downloads_from_its_row_as_the_invoice_s_ubl()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var row = Row(page, "Uppsala kommun");
        var number = await Cell(row, Column.Number).InnerTextAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => row.GetByRole(AriaRole.Link, new() { Name = $"Ladda ner e-faktura för faktura {number}" }).ClickAsync());

        Assert.Equal($"e-faktura-{number}.xml", download.SuggestedFilename);
        var xml = Encoding.UTF8.GetString(await SaveAsync(download));
        Assert.Contains($"<cbc:ID>{number}</cbc:ID>", xml, StringComparison.Ordinal);
        Assert.Contains("<cbc:BuyerReference>EXEMPEL-0380</cbc:BuyerReference>", xml, StringComparison.Ordinal);
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task An_invoice_without_e_invoice_says_pdf_only_and_why()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var row = Row(page, "Region Västmanland");

        await Expect(row.GetByText("Endast PDF")).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("e-faktura") })).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Öppna faktura") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Endast PDF, ingen e-faktura: köparen har ingen köparreferens (Er referens)");
        Assert.Empty(session.ScriptErrors);
    }
}
