using System.Net;
using System.Net.Http.Json;

namespace Invoicing.Web.Tests;

/// <summary>Four eyes on money going out: a void or refund proposed by one finance user takes effect when another confirms it.</summary>
[Collection(WebCollection.Name)]
public sealed class FourEyesTests(WebFixture fixture)
{
    [Fact]
    public async Task A_refund_proposed_and_confirmed_by_the_same_person_is_refused_and_by_another_is_booked_with_both_names_in_the_history()
    {
        await using var world = await fixture.NewWorldAsync(settings: WebWorld.FourEyesOn);
        var (eva, filip) = (world.Finance(), world.WithKey(WebWorld.SecondFinanceKey));
        (await eva.PostPaymentAsync("202600014", new { amount = "43 135,00", date = "2026-03-01" })).EnsureSuccessStatusCode();

        using var proposed = await eva.PostRefundAsync("202600014", new { amount = "100", date = "2026-03-02", reference = "utbetalning 3" });
        var proposal = await proposed.JsonAsync(HttpStatusCode.Accepted);
        var id = proposal.GetProperty("id").GetString()!;
        var stillOwed = await (await eva.GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();
        var bySelf = await (await eva.PostAsync($"/api/proposals/{id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var byReader = await world.Reader().PostAsync($"/api/proposals/{id}/confirm", null);
        var confirmed = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).JsonAsync();
        var again = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).JsonAsync();
        var history = await (await world.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014/history")).JsonAsync();

        Assert.Equal(("refund", "Proposed", "Eva Ekonom", "100.00"), (
            proposal.GetProperty("kind").GetString(), proposal.GetProperty("state").GetString(), proposal.GetProperty("proposedBy").GetString(), proposal.GetProperty("amount").GetRawText()));
        Assert.Equal("100.00", stillOwed.GetProperty("refundOwed").GetRawText());
        Assert.StartsWith("Du föreslog själv denna ändring", bySelf, StringComparison.Ordinal);
        Assert.Contains("en annan person med ekonomirollen måste godkänna den", bySelf, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal(("Confirmed", "Filip Finans"), (confirmed.GetProperty("proposal").GetProperty("state").GetString(), confirmed.GetProperty("proposal").GetProperty("decidedBy").GetString()));
        Assert.Equal(("0.00", "Paid"), (confirmed.GetProperty("invoice").GetProperty("refundOwed").GetRawText(), confirmed.GetProperty("invoice").GetProperty("status").GetString()));
        Assert.Equal("0.00", again.GetProperty("invoice").GetProperty("refundOwed").GetRawText());
        Assert.Equal(
            [
                ("document.issued", "IssueAnnualInvoices"),
                ("payment.booked", "Eva Ekonom"),
                ("change.proposed", "Eva Ekonom"),
                ("refund.booked", "Filip Finans"),
                ("change.confirmed", "Filip Finans"),
            ],
            history.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToArray());
        Assert.Contains("proposed by Eva Ekonom", history[4].GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_or_void_that_could_not_be_made_is_refused_when_proposed_and_nothing_is_proposed()
    {
        await using var world = await fixture.NewWorldAsync(settings: WebWorld.FourEyesOn);
        var eva = world.Finance();

        var nothingOwed = await (await eva.PostRefundAsync("202600014", new { amount = "100", date = "2026-03-02", reference = "utbetalning 9" })).ProblemAsync(HttpStatusCode.BadRequest);
        var ofCreditNote = await (await eva.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600099/void", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        var proposals = await (await world.Reader().GetAsync("/api/proposals")).JsonAsync();

        Assert.Contains("en återbetalning på 100,00\u00A0kr är mer än de 0,00\u00A0kr som ska betalas tillbaka på den; inget bokfördes.", nothingOwed, StringComparison.Ordinal);
        Assert.NotEmpty(ofCreditNote);
        Assert.Equal(0, proposals.GetArrayLength());
    }

    [Fact]
    public async Task A_void_waits_for_a_second_finance_user_and_a_rejected_one_can_never_be_confirmed()
    {
        await using var world = await fixture.NewWorldAsync(settings: WebWorld.FourEyesOn);
        var (eva, filip) = (world.Finance(), world.WithKey(WebWorld.SecondFinanceKey));

        var first = await (await eva.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600014/void", new { reason = "Fel mottagare" })).JsonAsync(HttpStatusCode.Accepted);
        var sameAgain = await (await eva.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600014/void", new { reason = "Fel mottagare" })).JsonAsync(HttpStatusCode.Accepted);
        var other = await (await eva.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600015/void", new { reason = "Dubblett" })).JsonAsync(HttpStatusCode.Accepted);
        var list = await (await world.Reader().GetAsync("/api/proposals")).JsonAsync();
        Assert.Equal(first.GetProperty("id").GetString(), sameAgain.GetProperty("id").GetString());
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal(30, (await world.DocumentsAsync()).Count);

        var voided = await (await filip.PostAsync($"/api/proposals/{first.GetProperty("id").GetString()}/confirm", null)).JsonAsync();
        var rejected = await (await eva.PostAsync($"/api/proposals/{other.GetProperty("id").GetString()}/reject", null)).JsonAsync();
        var late = await (await filip.PostAsync($"/api/proposals/{other.GetProperty("id").GetString()}/confirm", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("credit-note", "202600014"), (voided.GetProperty("creditNote").GetProperty("kind").GetString(), voided.GetProperty("creditNote").GetProperty("corrects").GetString()));
        Assert.Equal("Credited", voided.GetProperty("invoice").GetProperty("status").GetString());
        Assert.Equal(("Rejected", "Eva Ekonom"), (rejected.GetProperty("state").GetString(), rejected.GetProperty("decidedBy").GetString()));
        Assert.Contains("avslogs av Eva Ekonom", late, StringComparison.Ordinal);
        Assert.Equal(31, (await world.DocumentsAsync()).Count);
    }
}
