using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// "Skicka kontoutdrag" in finance's invoice dialog asks first, in Swedish, and then sends the statement through the API;
/// the bundled parties have no invoice e-mail address, so the server's refusal is what the dialog shows, and nothing is
/// sent (queuing itself is StatementSendTests' in Invoicing.Web.Tests). A reader is offered no such button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinancePageStatementTests(FinancePageFixture fixture)
{
    [Fact]
    public async Task Finance_confirms_sending_the_statement_in_Swedish_and_sees_why_the_server_did_not_send_it()
    {
        await using var session = await fixture.OpenAsFinanceAsync();
        var page = session.Page;
        var dialog = page.GetByRole(AriaRole.Dialog);
        var row = page.Locator("#invoice-rows tr").Filter(new() { HasText = "Håbo kommun" }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        var send = dialog.GetByRole(AriaRole.Button, new() { Name = "Skicka kontoutdrag" });

        // Declined: nothing is asked of the server and nothing is said.
        var asked = new List<string>();
        void Decline(object? sender, IDialog prompt)
        {
            asked.Add(prompt.Message);
            _ = prompt.DismissAsync();
        }

        page.Dialog += Decline;
        await send.ClickAsync();
        await Expect(send).ToBeEnabledAsync();
        page.Dialog -= Decline;
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();
        Assert.Equal(
            $"Skicka dagens kontoutdrag för Håbo kommun ({FinancePageFixture.Scheme} {FinancePageFixture.Year}) med e-post till kundens fakturaadress?",
            Assert.Single(asked));

        page.Dialog += (_, prompt) => _ = prompt.AcceptAsync();
        var posted = await page.RunAndWaitForResponseAsync(
            () => send.ClickAsync(), response => response.Url.EndsWith("/parties/0305/statement/send", StringComparison.Ordinal) && response.Request.Method == "POST");
        Assert.Equal(409, posted.Status);
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Kontoutdraget kan inte skickas (409): Parten 0305 har ingen e-postadress för fakturor (parties.csv, invoice_email); kontoutdraget köades inte.");
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task A_reader_is_not_offered_to_send_a_statement()
    {
        await using var session = await fixture.OpenAsReaderAsync();
        var page = session.Page;
        await page.Locator("#invoice-rows tr").First.GetByRole(AriaRole.Button, new() { Name = "Öppna faktura" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "Ladda ner kontoutdrag" })).ToBeVisibleAsync();

        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Skicka kontoutdrag" })).ToHaveCountAsync(0);
    }
}
