using System.Net;
using System.Net.Http.Json;

namespace Invoicing.Web.Tests;

/// <summary>Finance voids an invoice issued by mistake: one credit note naming it, once; a reader may not.</summary>
[Collection(WebCollection.Name)]
public sealed class VoidTests(WebFixture fixture)
{
    private const string VoidPath = "/api/invoices/region-mitt-pom/2026/202600014/void";

    [Fact]
    public async Task Finance_voids_an_invoice_once_and_it_is_credited_while_a_second_void_a_credit_note_and_a_reader_are_refused()
    {
        await using var world = await fixture.NewWorldAsync();
        var client = world.Finance();

        var noReason = await (await client.PostAsJsonAsync(VoidPath, new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        var byReader = await (await world.Reader().PostAsJsonAsync(VoidPath, new { reason = "Fel mottagare" })).ProblemAsync(HttpStatusCode.Forbidden);
        using var response = await client.PostAsJsonAsync(VoidPath, new { reason = "Fel mottagare" });
        var voided = await response.JsonAsync(HttpStatusCode.Created);
        var twice = await (await client.PostAsJsonAsync(VoidPath, new { reason = "Fel mottagare" })).ProblemAsync(HttpStatusCode.Conflict);
        var ofCredit = await (await client.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/202600031/void", new { reason = "x" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("reason (skälet) krävs", noReason, StringComparison.Ordinal);
        Assert.NotNull(byReader);
        Assert.Equal("/api/invoices/region-mitt-pom/2026/202600031", response.Headers.Location?.OriginalString);
        var credit = voided.GetProperty("creditNote");
        Assert.Equal(("202600031", "credit-note", "202600014", "43035.00"), (
            credit.GetProperty("number").GetString(), credit.GetProperty("kind").GetString(), credit.GetProperty("corrects").GetString(), credit.GetProperty("amount").GetRawText()));
        Assert.Equal(("Credited", "krediterad", "0.00"), (
            voided.GetProperty("invoice").GetProperty("status").GetString(),
            voided.GetProperty("invoice").GetProperty("displayStatus").GetString(),
            voided.GetProperty("invoice").GetProperty("amountDue").GetRawText()));
        Assert.Contains("är redan makulerad genom kreditfaktura 202600031", twice, StringComparison.Ordinal);
        Assert.Contains("en kreditfaktura kan inte makuleras", ofCredit, StringComparison.Ordinal);
        Assert.Equal(31, (await world.DocumentsAsync()).Count);
        var ubl = await world.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600031/ubl");
        Assert.Contains("<CreditNote", await ubl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
