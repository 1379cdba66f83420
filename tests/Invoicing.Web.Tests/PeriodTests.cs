using System.Net;
using System.Net.Http.Json;

namespace Invoicing.Web.Tests;

/// <summary>
/// Closed months and a budget's approval through the API: finance closes a month; reopening one and approving a budget
/// are, with four eyes on, proposals that a second finance user confirms.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PeriodTests(WebFixture fixture)
{
    [Fact]
    public async Task Finance_closes_an_ended_month_a_reader_may_only_list_and_a_payment_dated_in_it_is_booked_on_the_first_open_day()
    {
        await using var world = await fixture.NewWorldAsync();
        var finance = world.Finance();

        var byReader = await world.Reader().PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/close", new { note = "x" });
        var notEnded = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-03/close", new { })).ProblemAsync(HttpStatusCode.Conflict);
        var badMonth = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-13/close", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        var closed = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/close", new { note = "Avstämd mot kontoutdraget" })).JsonAsync();
        var again = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/close", new { note = "igen" })).JsonAsync();
        (await finance.PostPaymentAsync("202600014", new { amount = "100", date = "2026-02-27" })).EnsureSuccessStatusCode();
        var list = await (await world.Reader().GetAsync("/api/schemes/region-mitt-pom/periods")).JsonAsync();
        var history = await (await world.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014/history")).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Contains("2026-03 har inte tagit slut (i dag är det 2026-03-02)", notEnded, StringComparison.Ordinal);
        Assert.Contains("'2026-13' är ingen månad på formen yyyy-MM", badMonth, StringComparison.Ordinal);
        Assert.Equal(("2026-02", "closed", "Eva Ekonom (api)", "Avstämd mot kontoutdraget"), (
            closed.GetProperty("month").GetString(), closed.GetProperty("state").GetString(), closed.GetProperty("closedBy").GetString(),
            closed.GetProperty("note").GetString()));
        Assert.Equal("Avstämd mot kontoutdraget", again.GetProperty("note").GetString());
        Assert.Equal(1, list.GetArrayLength());
        var booked = history.EnumerateArray().Last(e => e.GetProperty("action").GetString() == "payment.booked");
        Assert.Contains("paid 2026-02-27 (booked on 2026-03-01, its month being closed)", booked.GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_month_with_four_eyes_is_a_proposal_the_proposer_cannot_confirm_and_another_finance_user_can()
    {
        await using var world = await fixture.NewWorldAsync(settings: WebWorld.FourEyesOn);
        var (eva, filip) = (world.Finance(), world.WithKey(WebWorld.SecondFinanceKey));
        (await eva.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/close", new { })).EnsureSuccessStatusCode();

        var noReason = await (await eva.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/reopen", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        var openMonth = await (await eva.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-01/reopen", new { reason = "x" })).ProblemAsync(HttpStatusCode.Conflict);
        var proposal = await (await eva.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-02/reopen", new { reason = "Bankens rättelse" })).JsonAsync(HttpStatusCode.Accepted);
        var id = proposal.GetProperty("id").GetString()!;
        var stillClosed = await (await eva.GetAsync("/api/schemes/region-mitt-pom/periods")).JsonAsync();
        var bySelf = await (await eva.PostAsync($"/api/proposals/{id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var confirmed = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).JsonAsync();
        var reopened = await (await eva.GetAsync("/api/schemes/region-mitt-pom/periods")).JsonAsync();

        Assert.Contains("reason (skälet) krävs", noReason, StringComparison.Ordinal);
        Assert.Contains("2026-01 i bokföringen för Västerås stad är öppen; det finns inget att öppna igen.", openMonth, StringComparison.Ordinal);
        Assert.Equal(("period-reopening", "2026-02", true), (
            proposal.GetProperty("kind").GetString(), proposal.GetProperty("month").GetString(), proposal.GetProperty("invoice").ValueKind == System.Text.Json.JsonValueKind.Null));
        Assert.Equal("closed", stillClosed[0].GetProperty("state").GetString());
        Assert.StartsWith("Du föreslog själv denna ändring (återöppning av 2026-02", bySelf, StringComparison.Ordinal);
        Assert.Equal(("Confirmed", "2026-02 reopened"), (confirmed.GetProperty("proposal").GetProperty("state").GetString(), confirmed.GetProperty("proposal").GetProperty("outcome").GetString()));
        Assert.Equal(("open", "Filip Finans (api)", "Bankens rättelse"), (
            reopened[0].GetProperty("state").GetString(), reopened[0].GetProperty("reopenedBy").GetString(), reopened[0].GetProperty("reopenReason").GetString()));
    }

    [Fact]
    public async Task A_budget_approved_through_the_api_with_four_eyes_waits_for_a_second_finance_user_and_is_then_approved_once()
    {
        await using var world = await fixture.NewWorldAsync(issue: false, settings: WebWorld.FourEyesOn);
        await world.Get<Dataset.DatasetSeeder>().SeedAsync(Dataset.DatasetLoader.Load(Testing.TestPaths.BundledDataset), CancellationToken.None);
        var (eva, filip) = (world.Finance(), world.WithKey(WebWorld.SecondFinanceKey));
        const string approve = "/api/schemes/region-mitt-pom/years/2026/budget/approve";

        var future = await (await eva.PostAsJsonAsync(approve, new { decidedOn = "2026-12-15", reference = "Budgetmöte" })).ProblemAsync(HttpStatusCode.BadRequest);
        var noBudget = await (await eva.PostAsJsonAsync("/api/schemes/region-mitt-pom/years/2031/budget/approve", new { decidedOn = "2025-12-15", reference = "Budgetmöte" })).ProblemAsync(HttpStatusCode.NotFound);
        var byReader = await world.Reader().PostAsJsonAsync(approve, new { decidedOn = "2025-12-15", reference = "Budgetmöte" });
        var proposal = await (await eva.PostAsJsonAsync(approve, new { decidedOn = "2025-12-15", reference = "Samverkansforum PoM 2025-12-15 §4" })).JsonAsync(HttpStatusCode.Accepted);
        var id = proposal.GetProperty("id").GetString()!;
        var bySelf = await (await eva.PostAsync($"/api/proposals/{id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var confirmed = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).JsonAsync();
        var again = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).JsonAsync();
        var approvedTwice = await (await filip.PostAsJsonAsync(approve, new { decidedOn = "2025-12-15", reference = "Ett annat beslut" })).ProblemAsync(HttpStatusCode.Conflict);
        var audit = await (await world.Reader().GetAsync("/api/audit")).JsonAsync();

        Assert.Contains("är efter i dag (2026-03-02)", future, StringComparison.Ordinal);
        Assert.Contains("Det finns ingen budget för samverkan region-mitt-pom, år 2031.", noBudget, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal(("budget-approval", "2025-12-15", "Samverkansforum PoM 2025-12-15 §4"), (
            proposal.GetProperty("kind").GetString(), proposal.GetProperty("decidedOn").GetString(), proposal.GetProperty("reason").GetString()));
        Assert.StartsWith("Du föreslog själv denna ändring (godkännande av budget region-mitt-pom 2026", bySelf, StringComparison.Ordinal);
        Assert.StartsWith("budget approved: income ", confirmed.GetProperty("proposal").GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("Confirmed", again.GetProperty("proposal").GetProperty("state").GetString());
        Assert.NotEmpty(approvedTwice);
        Assert.Equal(
            [("change.proposed", "Eva Ekonom"), ("budget.approved", "Filip Finans"), ("change.confirmed", "Filip Finans")],
            audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString()))
                .Where(e => e.Item1 is "change.proposed" or "budget.approved" or "change.confirmed").ToArray());
    }
}
