using System.Net;
using System.Net.Http.Json;

namespace Invoicing.Web.Tests;

/// <summary>
/// The ledger's refusals reach the pages in Swedish (issue 22): a problem's detail is the refusal's Swedish text, naming
/// the same invoice, credit note, date, month, budget, proposal and party as the English the terminal shows; no English
/// sentence is left in it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LedgerRefusalsInSwedishTests(WebFixture fixture)
{
    [Fact]
    public async Task A_refused_void_reaches_the_page_in_Swedish_naming_the_invoice_the_credit_note_and_its_date()
    {
        await using var world = await fixture.NewWorldAsync();
        var client = world.Finance();
        const string path = "/api/invoices/region-mitt-pom/2026/202600014/void";
        (await client.PostAsJsonAsync(path, new { reason = "Fel mottagare" })).EnsureSuccessStatusCode();

        var twice = await (await client.PostAsJsonAsync(path, new { reason = "Fel mottagare" })).ProblemAsync(HttpStatusCode.Conflict);
        var ofCredit = await (await client.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600031/void", new { reason = "x" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Faktura 202600014 är redan makulerad genom kreditfaktura 202600031 den 2026-03-02 (Fel mottagare); inget utfärdades.", twice);
        Assert.Equal("202600031 är en kreditfaktura; en kreditfaktura kan inte makuleras.", ofCredit);
    }

    [Fact]
    public async Task A_month_that_cannot_be_closed_or_reopened_is_refused_in_Swedish_naming_the_month_today_and_the_issuer()
    {
        await using var world = await fixture.NewWorldAsync();
        var finance = world.Finance();

        var notEnded = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-03/close", new { })).ProblemAsync(HttpStatusCode.Conflict);
        var open = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/periods/2026-01/reopen", new { reason = "x" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("2026-03 har inte tagit slut (i dag är det 2026-03-02); en månad stängs efter sin sista dag, när den är avstämd.", notEnded);
        Assert.Equal("2026-01 i bokföringen för Västerås stad är öppen; det finns inget att öppna igen.", open);
    }

    [Fact]
    public async Task A_budget_that_cannot_be_approved_is_refused_in_Swedish_naming_the_budget_the_dates_and_the_year()
    {
        await using var world = await fixture.NewWorldAsync(issue: false);
        await world.Get<Dataset.DatasetSeeder>().SeedAsync(Dataset.DatasetLoader.Load(Testing.TestPaths.BundledDataset), CancellationToken.None);
        var finance = world.Finance();
        const string approve = "/api/schemes/region-mitt-pom/years/2026/budget/approve";

        var future = await (await finance.PostAsJsonAsync(approve, new { decidedOn = "2026-12-15", reference = "Budgetmöte" })).ProblemAsync(HttpStatusCode.BadRequest);
        var noBudget = await (await finance.PostAsJsonAsync("/api/schemes/region-mitt-pom/years/2031/budget/approve", new { decidedOn = "2025-12-15", reference = "Budgetmöte" }))
            .ProblemAsync(HttpStatusCode.NotFound);
        (await finance.PostAsJsonAsync(approve, new { decidedOn = "2025-12-15", reference = "Samverkansforum PoM 2025-12-15 §4" })).EnsureSuccessStatusCode();
        var twice = await (await finance.PostAsJsonAsync(approve, new { decidedOn = "2025-12-15", reference = "Ett annat beslut" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("region-mitt-pom 2026: beslutsdatumet 2026-12-15 är efter i dag (2026-03-02); godkänn en budget när den har beslutats.", future);
        Assert.Equal("Det finns ingen budget för samverkan region-mitt-pom, år 2031.", noBudget);
        Assert.Equal("Budgeten region-mitt-pom 2026 är redan godkänd; den kan bara godkännas en gång.", twice);
    }

    [Fact]
    public async Task A_proposal_decided_already_is_refused_in_Swedish_naming_the_proposal_its_change_and_who_decided()
    {
        await using var world = await fixture.NewWorldAsync(settings: WebWorld.FourEyesOn);
        var (eva, filip) = (world.Finance(), world.WithKey(WebWorld.SecondFinanceKey));
        var proposal = await (await eva.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600015/void", new { reason = "Dubblett" })).JsonAsync(HttpStatusCode.Accepted);
        var id = proposal.GetProperty("id").GetString()!;

        var bySelf = await (await eva.PostAsync($"/api/proposals/{id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        (await eva.PostAsync($"/api/proposals/{id}/reject", null)).EnsureSuccessStatusCode();
        var confirmRejected = await (await filip.PostAsync($"/api/proposals/{id}/confirm", null)).ProblemAsync(HttpStatusCode.Conflict);
        var rejectAgain = await (await filip.PostAsync($"/api/proposals/{id}/reject", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(
            "Du föreslog själv denna ändring (makulering av faktura 202600015 (\"Dubblett\")); en annan person med ekonomirollen måste godkänna den (fyra ögon).",
            bySelf);
        Assert.Equal($"Förslaget {id} (makulering av faktura 202600015 (\"Dubblett\")) avslogs av Eva Ekonom (api); inget ändrades.", confirmRejected);
        Assert.Equal($"Förslaget {id} (makulering av faktura 202600015 (\"Dubblett\")) är redan avslaget.", rejectAgain);
    }

    [Fact]
    public async Task A_statement_that_cannot_be_made_or_sent_is_refused_in_Swedish_naming_the_party()
    {
        var world = fixture.Shared;

        var unknown = await (await world.Reader().GetAsync("/api/schemes/{scheme}/years/{year}/parties/NO-SUCH-PARTY/statement.pdf".Path())).ProblemAsync(HttpStatusCode.NotFound);
        var noAddress = await (await world.Finance().PostAsync("/api/schemes/{scheme}/years/{year}/parties/0305/statement/send".Path(), null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Parten NO-SUCH-PARTY finns inte i parttabellen.", unknown);
        Assert.Equal("Parten 0305 har ingen e-postadress för fakturor (parties.csv, invoice_email); kontoutdraget köades inte.", noAddress);
    }
}
