using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Invoicing.Web.Tests;

/// <summary>The audit trail through the API: each change names the API key (the person) that made it.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditTests(WebFixture fixture)
{
    [Fact]
    public async Task A_payment_and_a_refund_by_api_are_in_the_invoices_history_under_the_key_that_made_them()
    {
        await using var world = await fixture.NewWorldAsync();
        var finance = world.Finance();
        (await finance.PostPaymentAsync("202600014", new { amount = "43 135,00", date = "2026-03-01", note = "kontoutdrag 47" })).EnsureSuccessStatusCode();
        (await finance.PostRefundAsync("202600014", new { amount = "100", date = "2026-03-02", reference = "utbetalning 3" })).EnsureSuccessStatusCode();

        var history = await (await world.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014/history")).JsonAsync();

        var events = history.EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString(), Channel: e.GetProperty("channel").GetString(), e.GetProperty("actorKind").GetString())).ToArray();
        Assert.Equal(
            [
                ("document.issued", "IssueAnnualInvoices", "timer", "function"),
                ("payment.booked", "Eva Ekonom", "api", "api-key"),
                ("refund.booked", "Eva Ekonom", "api", "api-key"),
            ],
            events.Select(e => (e.Action, e.Actor, e.Channel, e.Item4)).ToArray());
        var payment = history[1];
        Assert.Equal((4313500, 4303500, -10000), (payment.GetProperty("amountOre").GetInt64(), payment.GetProperty("beforeOre").GetInt64(), payment.GetProperty("afterOre").GetInt64()));
        Assert.Equal(JsonValueKind.String, payment.GetProperty("hash").ValueKind);
        // The page's history shows each event in Swedish; the English details stay the terminal's.
        var swedish = history.EnumerateArray().Select(e => e.GetProperty("swedishDetails").GetString() ?? "").ToArray();
        Assert.Equal("Faktura till 1980 Västerås kommun", swedish[0]);
        Assert.Matches(@"^betald 2026-03-01 från manuell registrering, post manual:.+: obetald → överbetald; kontoutdrag 47$", swedish[1]);
        Assert.Matches(@"^betald 2026-03-02 från manuell registrering, post refund:.+: överbetald → betald; utbetalning 3$", swedish[2]);
        Assert.Matches(@"^paid 2026-03-01 from manual, entry manual:.+: Unpaid -> Overpaid", payment.GetProperty("details").GetString());
    }

    [Fact]
    public async Task The_audit_list_filters_by_year_and_invoice_and_refuses_a_filter_that_is_none()
    {
        await using var world = await fixture.NewWorldAsync();

        var all = await (await world.Reader().GetAsync("/api/audit?year=2026")).JsonAsync();
        var one = await (await world.Reader().GetAsync("/api/audit?invoice=202600014")).JsonAsync();
        var none = await (await world.Reader().GetAsync("/api/audit?year=2025")).JsonAsync();
        var bad = await (await world.Reader().GetAsync("/api/audit?invoice=2026-14")).ProblemAsync(HttpStatusCode.BadRequest);
        var anonymous = await world.App.GetTestClient().GetAsync("/api/audit");

        Assert.Equal(32, all.GetArrayLength());
        Assert.Equal("dataset.seeded", all[0].GetProperty("action").GetString());
        Assert.Equal("202600014", Assert.Single(one.EnumerateArray()).GetProperty("invoice").GetString());
        Assert.Equal(0, none.GetArrayLength());
        Assert.Contains("'2026-14' är inget fakturanummer", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
