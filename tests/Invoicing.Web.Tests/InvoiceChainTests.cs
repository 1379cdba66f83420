using System.Net;
using System.Text.Json;

namespace Invoicing.Web.Tests;

/// <summary>
/// After a revision, the list and an invoice in full name the credit notes and supplementary invoices that correct
/// each invoice, so that an invoice credited in part is not shown as one merely unpaid.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InvoiceChainTests(WebFixture fixture)
{
    private const string ListPath = "/api/schemes/region-mitt-pom/years/2026/invoices";

    [Fact]
    public async Task After_a_revision_each_invoice_names_its_credit_notes_and_supplements_in_the_list_and_in_full()
    {
        await using var world = await fixture.NewWorldAsync();
        var scheme = new SchemeId(WebWorld.Scheme);
        var revised = Testing.RevisedDataset.WriteTo(Directory.CreateTempSubdirectory("invoicing-revised-").FullName);
        await world.Get<Planning.BudgetRevisions>().ReviseAsync(scheme, 2026, Dataset.DatasetFiles.Read(revised), CancellationToken.None);
        Directory.Delete(revised, recursive: true);
        using (Audit.Actor.Acting(new Audit.Actor(Audit.ActorChannel.Cli, "os-user", "Eva Ekonom")))
        {
            await world.Get<Planning.BudgetRevisions>().ApproveAsync(scheme, 2026, new Budgets.BudgetDecision(new DateOnly(2026, 3, 2), "Samverkansforum PoM §4"), CancellationToken.None);
        }

        (await world.Get<Issuing.AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None)).EnsureSucceeded();

        var list = (await (await world.Reader().GetAsync(ListPath)).JsonAsync()).EnumerateArray().ToArray();

        // Every correcting document is named by the one it corrects, and by no other.
        var creditNotes = list.Where(d => d.GetProperty("kind").GetString() == "credit-note").ToArray();
        var supplements = list.Where(d => d.GetProperty("kind").GetString() == "invoice" && d.GetProperty("corrects").ValueKind == JsonValueKind.String).ToArray();
        Assert.NotEmpty(creditNotes);
        Assert.NotEmpty(supplements);
        Assert.Equal(Pairs(creditNotes), list.SelectMany(d => Numbers(d, "creditedBy").Select(n => (n, Number(d)))).Order());
        Assert.Equal(Pairs(supplements), list.SelectMany(d => Numbers(d, "supplements").Select(n => (n, Number(d)))).Order());

        // Region Uppsala's share fell 75 000 -> 60 000: its invoice is credited in part and still asks for the rest.
        var regionUppsala = list.Single(d => d.GetProperty("debtorName").GetString() == "Region Uppsala" && d.GetProperty("kind").GetString() == "invoice");
        var credit = Assert.Single(Numbers(regionUppsala, "creditedBy"));
        Assert.Empty(Numbers(regionUppsala, "supplements"));
        Assert.Equal("Unpaid", regionUppsala.GetProperty("status").GetString());
        Assert.Equal(
            regionUppsala.GetProperty("amount").GetDecimal() - regionUppsala.GetProperty("credited").GetDecimal(),
            regionUppsala.GetProperty("amountDue").GetDecimal());

        var detail = await (await world.Reader().GetAsync($"/api/invoices/region-mitt-pom/2026/{Number(regionUppsala)}")).JsonAsync();
        Assert.Equal([credit], Numbers(detail, "creditedBy"));
        var chain = detail.GetProperty("chain").EnumerateArray().ToArray();
        Assert.Equal([Number(regionUppsala), credit], chain.Select(Number));
        Assert.True(chain[1].GetProperty("amount").GetDecimal() < 0, "A credit note's amount in the chain is negative.");
        Assert.Equal(chain.Sum(d => d.GetProperty("amount").GetDecimal()), detail.GetProperty("chainDue").GetDecimal());

        // A credit note and a supplement are corrected by nothing.
        Assert.All(creditNotes.Concat(supplements), d => Assert.Empty(Numbers(d, "creditedBy").Concat(Numbers(d, "supplements"))));
    }

    [Fact]
    public async Task Problem_titles_are_swedish_whether_the_api_or_the_framework_wrote_the_problem()
    {
        var reader = fixture.Shared.Reader();

        Assert.Equal("Begäran är inte giltig.", await TitleAsync(await reader.GetAsync("/api/schemes/region-mitt-pom/years/20x6/invoices"), HttpStatusCode.BadRequest));
        Assert.Equal("Hittades inte.", await TitleAsync(await reader.GetAsync("/api/schemes/finns-inte/years/2026/invoices"), HttpStatusCode.NotFound));
        Assert.Equal("Inloggning krävs.", await TitleAsync(await fixture.Shared.Anonymous().GetAsync(ListPath), HttpStatusCode.Unauthorized));
        Assert.Equal("Inte tillåtet.", await TitleAsync(await reader.PostPaymentAsync("202600014", new { amount = "1,00", date = "2026-03-01" }), HttpStatusCode.Forbidden));
        Assert.Equal("Hittades inte.", await TitleAsync(await reader.GetAsync("/api/ingen-sadan-vag"), HttpStatusCode.NotFound));
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            await response.ProblemAsync(expected);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
        }
    }

    private static string Number(JsonElement document) => document.GetProperty("number").GetString()!;

    private static string[] Numbers(JsonElement document, string property) =>
        [.. document.GetProperty(property).EnumerateArray().Select(n => n.GetString()!)];

    private static IEnumerable<(string Corrector, string Corrected)> Pairs(IEnumerable<JsonElement> correcting) =>
        correcting.Select(d => (Number(d), d.GetProperty("corrects").GetString()!)).Order();
}
