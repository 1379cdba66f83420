using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// The finance page in a real browser, against <c>./invoicing serve</c> with the 29 bundled invoices behind it (Västerås' share is the issuer's own, not invoiced).
/// Each test keeps to its own invoices, so the tests hold in any order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FinancePageTests(FinancePageFixture fixture)
{
    private const string Nbsp = "\u00A0";
    private static readonly string InvoicesPath = $"api/invoices/{FinancePageFixture.Scheme}/{FinancePageFixture.Year}";

    [Fact]
    public async Task The_list_shows_the_29_bundled_invoices_with_totals()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;

        await Expect(page.Locator("#invoice-rows tr")).ToHaveCountAsync(29);
        var uppsala = Row(page, "Uppsala kommun");
        await Expect(Cell(uppsala, Column.Number)).ToHaveTextAsync(InvoiceNumberPattern());
        await Expect(Cell(uppsala, Column.Amount)).ToHaveTextAsync($"45{Nbsp}601,00{Nbsp}kr");
        await Expect(Cell(uppsala, Column.DueDate)).ToHaveTextAsync(IsoDatePattern());
        await Expect(Row(page, "Region Uppsala")).ToHaveCountAsync(1);
        await Expect(Row(page, "Region Västmanland")).ToHaveCountAsync(1);

        var amounts = await page.Locator($"#invoice-rows tr td:nth-of-type({(int)Column.Amount + 1})").AllInnerTextsAsync();
        Assert.Equal(331_965m, amounts.Sum(ParseAmount));
        await Expect(page.Locator("#total-invoiced")).ToContainTextAsync($"331{Nbsp}965,00{Nbsp}kr");
        await Expect(page.Locator("#total-invoiced")).ToContainTextAsync("29 fakturor");
        var paid = ParseAmount(await page.Locator("#total-paid").InnerTextAsync());
        var outstanding = ParseAmount(await page.Locator("#total-outstanding").InnerTextAsync());
        Assert.Equal(331_965m, paid + outstanding);
        await Expect(page.Locator("#total-overdue")).ToContainTextAsync($",00{Nbsp}kr");

        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-page.png"), FullPage = true });
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task A_pdf_downloads_and_is_the_right_invoice()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var row = Row(page, "Uppsala kommun");
        var number = await Cell(row, Column.Number).InnerTextAsync();
        var ocr = (await GetInvoiceAsync(session, number)).GetProperty("ocr").GetString()!;

        var download = await page.RunAndWaitForDownloadAsync(
            () => row.GetByRole(AriaRole.Link, new() { Name = $"Ladda ner PDF för faktura {number}" }).ClickAsync());

        Assert.Equal($"faktura-{number}.pdf", download.SuggestedFilename);
        var bytes = await SaveAsync(download);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(ocr, text, StringComparison.Ordinal);
        Assert.Contains("Uppsala kommun", text, StringComparison.Ordinal);
        Assert.Contains($"45{Nbsp}601,00{Nbsp}kr", text, StringComparison.Ordinal);
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_zip_holds_29_pdfs()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var numbers = await page.Locator($"#invoice-rows tr td:nth-of-type({(int)Column.Number + 1})").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner alla fakturor (ZIP)" }).ClickAsync());

        Assert.Equal($"fakturor-{FinancePageFixture.Scheme}-{FinancePageFixture.Year}.zip", download.SuggestedFilename);
        using var zip = new ZipArchive(new MemoryStream(await SaveAsync(download)), ZipArchiveMode.Read);
        Assert.Equal(29, zip.Entries.Count);
        Assert.Equal(numbers.Select(n => $"faktura-{n}.pdf").Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            var head = new byte[4];
            await content.ReadExactlyAsync(head);
            Assert.True("%PDF"u8.SequenceEqual(head), $"{entry.FullName} is not a PDF.");
        }

        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_sie_button_downloads_one_balanced_voucher_per_invoice_of_the_list()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var numbers = await page.Locator($"#invoice-rows tr td:nth-of-type({(int)Column.Number + 1})").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Exportera verifikationer (SIE 4)" }).ClickAsync());

        Assert.Equal($"verifikationer-{FinancePageFixture.Scheme}-{FinancePageFixture.Year}.si", download.SuggestedFilename);
        var sie = Invoicing.Testing.Sie.SieReader.Read(await SaveAsync(download));
        Assert.Equal(["PC8"], sie.Post("#FORMAT"));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        Assert.Equal(
            numbers.Order(StringComparer.Ordinal),
            sie.Vouchers.Where(v => v.Series == "F").Select(v => v.Text.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_month_button_downloads_the_4I_file_of_the_chosen_accounting_month_with_the_invoices_issued_in_it()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var numbers = await page.Locator($"#invoice-rows tr td:nth-of-type({(int)Column.Number + 1})").AllInnerTextsAsync();
        // The demo issued the invoices today (the real clock), so they are in this month's file.
        var today = Invoicing.SwedishCalendar.Today(TimeProvider.System);
        await page.GetByLabel("Bokföringsmånad").FillAsync(today.ToString("yyyy-MM", CultureInfo.InvariantCulture));

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Exportera månadens verifikationer (SIE 4)" }).ClickAsync());

        var month = new DateOnly(today.Year, today.Month, 1);
        Assert.Equal($"verifikationer-vasteras-stad-{month:yyyyMMdd}-{month.AddMonths(1).AddDays(-1):yyyyMMdd}.si", download.SuggestedFilename);
        var sie = Invoicing.Testing.Sie.SieReader.Read(await SaveAsync(download));
        Assert.Equal("4I", sie.Type);
        Assert.Equal(
            numbers.Order(StringComparer.Ordinal),
            sie.Vouchers.Where(v => v.Series == "F").Select(v => v.Text.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Booking_a_payment_changes_the_status_on_the_page()
    {
        const string Party = "Gävle kommun";
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Läs in och bokför" })).ToBeVisibleAsync();
        var row = Row(page, Party);
        await Expect(row.Locator(".badge")).ToHaveTextAsync(new Regex("^(obetald|förfallen)$"));
        var amount = await Cell(row, Column.Amount).InnerTextAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(Party);
        // Typed as the page shows amounts ("26 894,00 kr"): the page sends the API "26894,00".
        await dialog.GetByLabel("Belopp (kr)").FillAsync(amount);
        await dialog.GetByLabel("Anteckning").FillAsync("kontoutdrag 47 (webbtest)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bokför betalning" }).ClickAsync();

        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("→ betald");
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Betalningar" })).ToContainTextAsync(amount);
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-invoice-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync("betald");
        await Expect(Cell(row, Column.Paid)).ToHaveTextAsync(amount);

        // The status comes from the server, not only from the page's memory.
        await page.ReloadAsync();
        await Expect(Row(page, Party).Locator(".badge")).ToHaveTextAsync("betald");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task A_reader_cannot_book()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        var row = Row(page, "Uppsala kommun");
        var number = await Cell(row, Column.Number).InnerTextAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Uppsala kommun");
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Fakturarader" })).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bokför betalning" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Belopp (kr)")).ToHaveCountAsync(0);
        await Expect(page.Locator("form#payment-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("form#bank-file-form")).ToHaveCountAsync(0);

        // Nor can a reader book by going around the page: as the development reader, and with a reader's API key.
        var payment = new { amount = "100,00", date = TodayInSweden(), note = "läsare" };
        var asDevelopmentReader = await session.Context.APIRequest.PostAsync($"{InvoicesPath}/{number}/payments", new() { DataObject = payment });
        var withReaderKey = await session.Context.APIRequest.PostAsync(
            new Uri(fixture.ApiKeyServer, $"{InvoicesPath}/{number}/payments").ToString(),
            new() { DataObject = payment, Headers = new Dictionary<string, string> { ["X-Api-Key"] = fixture.ReaderKey } });
        Assert.Equal(403, asDevelopmentReader.Status);
        Assert.Equal(403, withReaderKey.Status);
        var invoice = await GetInvoiceAsync(session, number);
        Assert.Equal(0m, invoice.GetProperty("amountPaid").GetDecimal());
        Assert.Equal(0, invoice.GetProperty("payments").GetArrayLength());
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_page_is_usable_with_the_keyboard()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        var firstRow = page.Locator("#invoice-rows tr").First;
        var number = await Cell(firstRow, Column.Number).InnerTextAsync();
        var open = firstRow.GetByRole(AriaRole.Button, new() { Name = $"Öppna faktura {number}" });

        var presses = 0;
        while (!await open.EvaluateAsync<bool>("button => button === document.activeElement"))
        {
            Assert.True(++presses <= 40, "Tab never reached the first row's open button.");
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.NotEqual("none", await open.EvaluateAsync<string>("button => getComputedStyle(button).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(number);

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(open).ToBeFocusedAsync();
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>The invoice table's data columns after the party's row header.</summary>
    private enum Column
    {
        Number,
        Amount,
        DueDate,
        Paid,
        Status,
    }

    private static ILocator Row(IPage page, string party) =>
        page.Locator("#invoice-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = party, Exact = true }) });

    private static ILocator Cell(ILocator row, Column column) => row.Locator("td").Nth((int)column);

    /// <summary>"43 035,00 kr" (U+00A0 in the groups and before kr) as kronor.</summary>
    private static decimal ParseAmount(string text)
    {
        var match = SwedishAmountPattern().Match(text);
        Assert.True(match.Success, $"'{text}' is not an amount like 43{Nbsp}035,00{Nbsp}kr.");
        return decimal.Parse(match.Groups["amount"].Value.Replace(Nbsp, "", StringComparison.Ordinal).Replace(',', '.'), CultureInfo.InvariantCulture);
    }

    private async Task<System.Text.Json.JsonElement> GetInvoiceAsync(PageSession session, string number)
    {
        var response = await session.Context.APIRequest.GetAsync(
            new Uri(fixture.ApiKeyServer, $"{InvoicesPath}/{number}").ToString(),
            new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = fixture.FinanceKey } });
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    private static async Task<byte[]> SaveAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), "invoicing-download-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await download.SaveAsAsync(path);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TodayInSweden() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^(?<amount>-?[0-9\u00A0]+,[0-9]{2})\u00A0kr")]
    private static partial Regex SwedishAmountPattern();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex InvoiceNumberPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDatePattern();
}
