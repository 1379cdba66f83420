using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// Finance's changes that add documents to the year (a void's credit note) run against a store of their own, so the
/// list and totals the other browser tests check stay those of the 29 bundled invoices; alone, not beside the other
/// browser collection, since two browsers and four servers at once are more than the machines' two cores serve in time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserChangesCollection : ICollectionFixture<FinancePageFixture>
{
    public const string Name = "Browser changes";
}

/// <summary>On the page, finance books the refund of a double payment and voids an invoice issued by mistake.</summary>
[Collection(BrowserChangesCollection.Name)]
public sealed class FinancePageChangesTests(FinancePageFixture fixture)
{
    [Fact]
    public async Task Finance_refunds_a_double_payment_and_voids_an_invoice_from_the_invoice_dialog()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var dialog = page.GetByRole(AriaRole.Dialog);

        var paidTwice = Row(page, "Nordanstigs kommun");
        var amount = await paidTwice.Locator("td").Nth(1).InnerTextAsync();
        await paidTwice.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        foreach (var note in new[] { "kontoutdrag 51", "kontoutdrag 52" })
        {
            await dialog.Locator("#payment-amount").FillAsync(amount);
            await dialog.Locator("#payment-note").FillAsync(note);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Bokför betalning" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Betalningen bokfördes");
        }

        await Expect(dialog.Locator("#refund-amount")).ToHaveValueAsync(amount.Replace("\u00A0kr", "", StringComparison.Ordinal));
        await dialog.Locator("#refund-reference").FillAsync("utbetalning 2026-118");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Bokför återbetalning" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Förslaget väntar på att en annan ekonom godkänner det");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        var refundNumber = await paidTwice.Locator("td").Nth(0).InnerTextAsync();
        await ApproveAsync(page, $"återbetalningen av faktura {refundNumber}");
        await paidTwice.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Betalningar" })).ToContainTextAsync("återbetalning");
        await Expect(dialog.Locator("#refund-form")).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        await Expect(paidTwice.Locator(".badge")).ToHaveTextAsync("betald");

        var mistaken = Row(page, "Hofors kommun");
        var number = await mistaken.Locator("td").Nth(0).InnerTextAsync();
        await mistaken.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        await dialog.GetByLabel("Skäl (skrivs på kreditfakturan)").FillAsync("Fakturerad av misstag (webbtest)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Makulera med kreditfaktura" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("Förslaget väntar på att en annan ekonom godkänner det");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        await ApproveAsync(page, $"makuleringen av faktura {number}");

        // Now beside its credit note: the voided invoice's own row.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Öppna faktura {number} (Hofors kommun)", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Table, new() { Name = "Historik" })).ToContainTextAsync("godkänd (fyra ögon)");

        var chain = dialog.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Fakturakedja") });
        await Expect(chain).ToContainTextAsync("kreditfaktura");
        await Expect(chain.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(chain.Locator("tbody tr").Nth(1).Locator("td").Nth(3)).ToHaveTextAsync(new Regex("^-[0-9\u00A0]+,[0-9]{2}\u00A0kr$"));
        // The chain as one debt: credited in full, nothing left to pay.
        await Expect(dialog.Locator(".facts")).ToContainTextAsync(new Regex(@"Kvar att betala i kedjan\s*0,00"));
        await Expect(dialog.Locator("#void-form")).ToHaveCountAsync(0);
        var history = dialog.GetByRole(AriaRole.Table, new() { Name = "Historik" });
        await Expect(history).ToContainTextAsync("makulerad");
        await Expect(history).ToContainTextAsync("browser-test-finance (webb/API)");
        await Expect(history).ToContainTextAsync("browser-test-approver (webb/API)");
        await Expect(history).ToContainTextAsync("Fakturerad av misstag (webbtest)");
        await page.ScreenshotAsync(new() { Path = FinancePageFixture.ScreenshotPath("finance-void-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng" }).ClickAsync();
        var hofors = page.Locator("#invoice-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Hofors kommun", Exact = true }) });
        await Expect(hofors).ToHaveCountAsync(2);
        await Expect(hofors.Nth(0).Locator(".badge")).ToHaveTextAsync("krediterad");
        await Expect(hofors.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync(number);
        await Expect(hofors.Nth(1).Locator(".badge")).ToHaveTextAsync("kreditfaktura");
        // The list shows the chain: the invoice names its credit note, the credit note the invoice.
        var creditNote = await hofors.Nth(1).Locator("td").Nth(0).InnerTextAsync();
        await Expect(hofors.Nth(0).Locator(".chain-note")).ToHaveTextAsync($"krediterad av {creditNote}");
        await Expect(hofors.Nth(1)).ToContainTextAsync($"avser faktura {number}");
        // A credit note falls due on no day: its row says so; the invoice keeps its due date.
        await Expect(hofors.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("ingen (kreditfaktura)");
        await Expect(hofors.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Finance_closes_a_month_on_the_page_and_reopening_it_waits_for_a_second_finance_user()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var periods = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("stängd") });

        await page.GetByLabel("Månad", new() { Exact = true }).FillAsync("2026-01");
        await page.GetByLabel("Anteckning vid stängning, orsak vid återöppning").FillAsync("Avstämd mot kontoutdraget (webbtest)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stäng månaden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2026-01 är stängd");
        var january = periods.Locator("tr[data-month='2026-01']");
        await Expect(january).ToContainTextAsync("Stängd");
        await Expect(january).ToContainTextAsync("browser-test-finance");
        await Expect(january).ToContainTextAsync("Avstämd mot kontoutdraget (webbtest)");

        await page.GetByLabel("Anteckning vid stängning, orsak vid återöppning").FillAsync("Bankens rättelse (webbtest)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna månaden igen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Förslaget väntar på att en annan ekonom godkänner det");
        await Expect(january).ToContainTextAsync("Stängd");
        await ApproveAsync(page, "återöppningen av 2026-01");

        await Expect(page.Locator("#periods-rows tr[data-month='2026-01']")).ToContainTextAsync("Öppnad igen av browser-test-approver");
        await Expect(page.Locator("#periods-rows tr[data-month='2026-01']")).ToContainTextAsync("Bankens rättelse (webbtest)");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_budget_approval_form_sends_the_decision_and_a_budget_approved_already_is_refused_with_the_reason()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;

        await Expect(page.Locator("#budget-approval-hint")).ToContainTextAsync("Budgeten för region-mitt-pom 2026");
        await page.GetByLabel("Beslutsdatum").FillAsync("2025-12-15");
        await page.GetByLabel("Beslut (protokoll, paragraf)").FillAsync("Samverkansforum PoM 2025-12-15 §4 (webbtest)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn budgeten" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("(409)");
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("region-mitt-pom");
        // The refusal reads in Swedish, its detail included: no English sentence reaches the page.
        var refusal = await page.GetByRole(AriaRole.Alert).First.InnerTextAsync();
        Assert.DoesNotMatch(@"(?i)\b(the|is|not|has|was|cannot|already|budget \S+ \d{4} is)\b", refusal);
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>
    /// Four eyes: the proposer's own "Godkänn" is refused with the Swedish message; the second finance officer, in a
    /// page of their own, confirms it; the proposer's list then refreshes.
    /// </summary>
    private async Task ApproveAsync(IPage proposerPage, string which)
    {
        await proposerPage.GetByRole(AriaRole.Button, new() { Name = $"Godkänn {which}" }).ClickAsync();
        await Expect(proposerPage.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Du föreslog själv denna ändring");

        await using var approver = await fixture.OpenAsApproverAsync();
        var proposals = approver.Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("väntar på godkännande") });
        await Expect(proposals).ToContainTextAsync("browser-test-finance");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = $"Godkänn {which}" }).ClickAsync();
        // What the confirmation did, in the page's Swedish (the proposal's stored outcome is the terminal's English).
        await Expect(approver.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Godkänd: .*(är makulerad|är bokförd|är godkänd|är öppnad igen)"));
        await Expect(approver.Page.GetByRole(AriaRole.Button, new() { Name = $"Godkänn {which}" })).ToHaveCountAsync(0);
        Assert.Empty(approver.ScriptErrors);

        // The proposer's page reloads its lists, as after any change.
        await proposerPage.ReloadAsync();
        await Expect(proposerPage.Locator("#invoice-rows tr").First).ToBeVisibleAsync();
    }

    private static ILocator Row(IPage page, string party) =>
        page.Locator("#invoice-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = party, Exact = true }) });
}
