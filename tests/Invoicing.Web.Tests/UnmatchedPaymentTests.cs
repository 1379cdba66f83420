using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Web.Tests;

/// <summary>
/// The unmatched list over the API: each entry with its texts and the invoice they suggest, shown to readers, and
/// booked — on the suggestion or another invoice — only when someone with the finance role confirms it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class UnmatchedPaymentTests(WebFixture fixture)
{
    [Fact]
    public async Task The_list_shows_each_entrys_texts_and_suggested_invoice_and_a_confirmed_suggestion_is_booked()
    {
        await using var world = await fixture.NewWorldAsync();
        var bgmax = BankFileUploads.File(PublishedBankFiles.BgMaxExample2026, PublishedBankFiles.Read(PublishedBankFiles.BgMaxExample2026));
        var report = await (await world.Finance().PostAsync("/api/bank-files", bgmax)).JsonAsync();
        Assert.Equal((5, 2), (report.GetProperty("booked").GetInt32(), report.GetProperty("unmatched").GetInt32()));

        var listed = await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync();

        var textOnly = listed.EnumerateArray().Single(u => u.GetProperty("amount").GetDecimal() == 2_290m);
        Assert.Equal(["faktura nr 202600011", "Storgatan 10 12345", "Storåker", "org.nr 5500002222"], textOnly.GetProperty("texts").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("202600011", "Kungsörs kommun", "no reference"), (
            textOnly.GetProperty("suggested").GetProperty("number").GetString(),
            textOnly.GetProperty("suggested").GetProperty("debtorName").GetString(),
            textOnly.GetProperty("reason").GetString()));
        var id = textOnly.GetProperty("id").GetString()!;

        await (await world.Reader().PostAsJsonAsync($"/api/payments/unmatched/{id}/book", new { invoice = "202600011" })).ProblemAsync(HttpStatusCode.Forbidden);
        var booked = await (await world.Finance().PostAsJsonAsync($"/api/payments/unmatched/{id}/book", new { invoice = "202600011" })).JsonAsync();

        Assert.Equal((true, "Unpaid", "Paid"), (booked.GetProperty("booked").GetBoolean(), booked.GetProperty("statusBefore").GetString(), booked.GetProperty("statusAfter").GetString()));
        Assert.Equal("202600011", booked.GetProperty("invoice").GetProperty("number").GetString());
        var after = await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync();
        Assert.DoesNotContain(after.EnumerateArray(), u => u.GetProperty("id").GetString() == id);
        await (await world.Finance().PostAsJsonAsync($"/api/payments/unmatched/{id}/book", new { invoice = "202600011" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_listed_entry_says_why_it_matched_nothing_in_Swedish_for_the_page_and_in_English_for_the_terminal()
    {
        await using var world = await fixture.NewWorldAsync();
        await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File(PublishedBankFiles.BgMaxExample2026, PublishedBankFiles.Read(PublishedBankFiles.BgMaxExample2026)));

        var listed = (await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(2, listed.Count);
        var reasons = listed.ToDictionary(u => u.GetProperty("reason").GetString()!, u => u.GetProperty("swedishReason").GetString());
        Assert.Equal("inget OCR-nummer eller annan referens", reasons["no reference"]);
        Assert.Equal(
            "ett avdrag (BgMax TK21), inte en betalning: reglera det på fakturan det hör till",
            reasons["a deduction (BgMax TK21), not a payment: settle it on the invoice it belongs to"]);
        Assert.All(reasons.Values, swedish => Assert.DoesNotMatch(EnglishWords, swedish!));
    }

    /// <summary>Words of the import's English reasons that no Swedish reason has.</summary>
    private const string EnglishWords = @"(?i)\b(no|not|invoice|payment|reference|matches|issued|reversal|deduction|settle|booked|listed|same)\b";

    [Fact]
    public async Task A_deduction_is_settled_on_the_invoice_a_person_names()
    {
        await using var world = await fixture.NewWorldAsync();
        await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File(PublishedBankFiles.BgMaxExample2026, PublishedBankFiles.Read(PublishedBankFiles.BgMaxExample2026)));
        var listed = await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync();
        var deduction = listed.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "Deduction");

        var settled = await (await world.Finance().PostAsJsonAsync($"/api/payments/unmatched/{deduction.GetProperty("id").GetString()}/book", new { invoice = "202600002" })).JsonAsync();

        Assert.Equal(("Paid", "PartiallyPaid", "Deduction", "1256.00"), (
            settled.GetProperty("statusBefore").GetString(),
            settled.GetProperty("statusAfter").GetString(),
            settled.GetProperty("flag").GetString(),
            settled.GetProperty("invoice").GetProperty("amountPaid").GetRawText()));
    }

    [Theory]
    [InlineData("not-an-id", "{\"invoice\":\"202600011\"}", HttpStatusCode.BadRequest, "är inget id för en ej matchad betalning")]
    [InlineData("0000000000000000000000000000000000000000", "{\"invoice\":\"202600011\"}", HttpStatusCode.NotFound, "Det finns ingen öppen ej matchad betalning")]
    [InlineData("0000000000000000000000000000000000000000", "{\"invoice\":\"2026\"}", HttpStatusCode.BadRequest, "invoice '2026' är inget fakturanummer")]
    [InlineData("0000000000000000000000000000000000000000", "[1]", HttpStatusCode.BadRequest, "Innehållet är inte en bokning i JSON")]
    public async Task A_booking_that_names_no_open_entry_or_no_invoice_is_refused_naming_what_is_wrong(string id, string body, HttpStatusCode status, string expected)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var detail = await (await fixture.Shared.Finance().PostAsync($"/api/payments/unmatched/{id}/book", content)).ProblemAsync(status);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversal_waiting_on_the_list_is_not_booked_on_an_invoice()
    {
        await using var world = await fixture.NewWorldAsync(today: new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File(PublishedBankFiles.Camt054Sample, PublishedBankFiles.Read(PublishedBankFiles.Camt054Sample)));
        var listed = await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync();
        var reversal = listed.EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "Reversal");

        var detail = await (await world.Finance().PostAsJsonAsync($"/api/payments/unmatched/{reversal.GetProperty("id").GetString()}/book", new { invoice = "202600010" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("är pengar som har tagits tillbaka", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(listed.EnumerateArray(), u => u.GetProperty("amount").GetDecimal() is -12_500m or -2_500m);
    }
}
