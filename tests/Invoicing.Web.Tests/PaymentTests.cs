using System.Net;
using System.Text.Json;

namespace Invoicing.Web.Tests;

/// <summary>Finance books payments by hand and uploads bank files; each payment is booked once and the standing follows.</summary>
[Collection(WebCollection.Name)]
public sealed class PaymentTests(WebFixture fixture)
{
    [Fact]
    public async Task Finance_books_a_payment_and_the_invoice_is_paid_in_the_list_detail_and_summary()
    {
        await using var world = await fixture.NewWorldAsync();
        var client = world.Finance();

        using var response = await client.PostPaymentAsync("202600014", new { amount = "43 035,00", date = "2026-03-01", note = "kontoutdrag 47" });
        var booked = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("/api/invoices/region-mitt-pom/2026/202600014", response.Headers.Location?.OriginalString);
        Assert.True(booked.GetProperty("booked").GetBoolean());
        Assert.Equal(("Unpaid", "Paid", "None"), (booked.GetProperty("statusBefore").GetString(), booked.GetProperty("statusAfter").GetString(), booked.GetProperty("flag").GetString()));
        Assert.Equal("betald", booked.GetProperty("invoice").GetProperty("displayStatus").GetString());
        Assert.Equal("0.00", booked.GetProperty("invoice").GetProperty("amountDue").GetRawText());

        var detail = await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();
        var payment = Assert.Single(detail.GetProperty("payments").EnumerateArray().ToArray());
        Assert.Equal(("2026-03-01", 43035m, "manual", "kontoutdrag 47"), (payment.GetProperty("paidOn").GetString(), payment.GetProperty("amount").GetDecimal(), payment.GetProperty("source").GetString(), payment.GetProperty("note").GetString()));

        var paid = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?status=Paid")).JsonAsync();
        var overdue = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?overdue=true")).JsonAsync();
        var summary = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/summary")).JsonAsync();
        Assert.Equal("202600014", Assert.Single(paid.EnumerateArray().ToArray()).GetProperty("number").GetString());
        Assert.Equal(29, overdue.GetArrayLength());
        Assert.Equal((43035m, 375_000m - 43035m, 29), (summary.GetProperty("paid").GetDecimal(), summary.GetProperty("outstanding").GetDecimal(), summary.GetProperty("overdueCount").GetInt32()));
    }

    [Fact]
    public async Task The_same_payment_registered_twice_is_booked_once_and_a_partly_paid_invoice_not_yet_due_is_delbetald()
    {
        await using var world = await fixture.NewWorldAsync(today: new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        var client = world.Finance();

        var first = await (await client.PostPaymentAsync("202600014", new { amount = 10000.50m, date = "2026-02-09", reference = "rad 12" })).JsonAsync(HttpStatusCode.Created);
        var second = await (await client.PostPaymentAsync("202600014", new { amount = "10000,50", date = "2026-02-09", reference = "rad 12" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("PartiallyPaid", "delbetald"), (first.GetProperty("statusAfter").GetString(), first.GetProperty("invoice").GetProperty("displayStatus").GetString()));
        Assert.False(second.GetProperty("booked").GetBoolean());
        Assert.Equal("33034.50", second.GetProperty("invoice").GetProperty("amountDue").GetRawText());
        var detail = await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();
        Assert.Single(detail.GetProperty("payments").EnumerateArray().ToArray());
    }

    [Fact]
    public async Task A_payment_past_the_total_is_booked_and_flagged_for_a_refund()
    {
        await using var world = await fixture.NewWorldAsync();

        var booked = await (await world.Finance().PostPaymentAsync("202600014", new { amount = "43135", date = "2026-03-01" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("Overpaid", "Overpayment", "överbetald", "-100.00"), (
            booked.GetProperty("statusAfter").GetString(),
            booked.GetProperty("flag").GetString(),
            booked.GetProperty("invoice").GetProperty("displayStatus").GetString(),
            booked.GetProperty("invoice").GetProperty("amountDue").GetRawText()));
    }

    [Fact]
    public async Task Finance_books_a_refund_of_a_double_payment_once_and_the_invoice_is_paid_again_while_more_than_is_owed_is_refused()
    {
        await using var world = await fixture.NewWorldAsync();
        var client = world.Finance();
        await (await client.PostPaymentAsync("202600014", new { amount = "43035", date = "2026-03-01", reference = "rad 1" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostPaymentAsync("202600014", new { amount = "43035", date = "2026-03-01", reference = "rad 2" })).JsonAsync(HttpStatusCode.Created);

        var tooMuch = await (await client.PostRefundAsync("202600014", new { amount = "43035,01", date = "2026-03-02", reference = "utbetalning 1" })).ProblemAsync(HttpStatusCode.BadRequest);
        var noReference = await (await client.PostRefundAsync("202600014", new { amount = "43035", date = "2026-03-02" })).ProblemAsync(HttpStatusCode.BadRequest);
        var future = await (await client.PostRefundAsync("202600014", new { amount = "43035", date = "2026-03-03", reference = "utbetalning 1" })).ProblemAsync(HttpStatusCode.BadRequest);
        var refund = await (await client.PostRefundAsync("202600014", new { amount = "43035", date = "2026-03-02", reference = "utbetalning 1" })).JsonAsync(HttpStatusCode.Created);
        var again = await (await client.PostRefundAsync("202600014", new { amount = 43035, date = "2026-03-02", reference = "utbetalning 1" })).JsonAsync(HttpStatusCode.OK);

        Assert.Contains("är mer än de 43", tooMuch, StringComparison.Ordinal);
        Assert.Contains("reference krävs", noReference, StringComparison.Ordinal);
        Assert.Contains("Faktura 202600014: en återbetalning daterad 2026-03-03 är efter dagens datum (2026-03-02); bokför den när den har betalats ut.", future, StringComparison.Ordinal);
        Assert.Equal(("Overpaid", "Paid", "Refund"), (refund.GetProperty("statusBefore").GetString(), refund.GetProperty("statusAfter").GetString(), refund.GetProperty("flag").GetString()));
        Assert.Equal(("betald", "0.00", "43035.00"), (
            refund.GetProperty("invoice").GetProperty("displayStatus").GetString(),
            refund.GetProperty("invoice").GetProperty("refundOwed").GetRawText(),
            refund.GetProperty("invoice").GetProperty("refunded").GetRawText()));
        Assert.False(again.GetProperty("booked").GetBoolean());
        var detail = await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();
        Assert.Equal([43035m, 43035m, -43035m], detail.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal()));
        await (await world.Reader().PostRefundAsync("202600014", new { amount = "1", date = "2026-03-02", reference = "r" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_uploaded_bank_file_books_payments_by_ocr_lists_the_rest_and_books_nothing_twice()
    {
        await using var world = await fixture.NewWorldAsync();
        var client = world.Finance();

        var first = await (await client.PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014", "202600006"))).JsonAsync();
        var again = await (await client.PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014", "202600006"))).JsonAsync();

        Assert.Equal(("camt054.xml", "Camt054", 2, 0, 1, 0), Counts(first));
        Assert.Equal(("camt054.xml", "Camt054", 0, 2, 0, 1), Counts(again));
        var entries = first.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(["Booked", "Booked", "Unmatched"], entries.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal("202600014", entries[0].GetProperty("invoice").GetString());
        Assert.Contains("matches no issued invoice", entries[2].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var paid = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?status=Paid")).JsonAsync();
        Assert.Equal(["202600006", "202600014"], paid.EnumerateArray().Select(i => i.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task A_bgmax_file_is_read_from_its_content_whatever_its_name()
    {
        await using var world = await fixture.NewWorldAsync();
        var invoice = (await world.InvoicesAsync()).Single(i => i.Number.ToString() == "202600014");
        var bgmax = new Testing.BankFiles.BgMaxBuilder().Start().Opening("9912346")
            .Payment(invoice.Ocr.Value, invoice.Total.Ore, "000000000001").Name("Västerås kommun")
            .Deposit("20260301", "00001")
            .End()
            .ToLatin1();

        var report = await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("../../etc/inbetalningar.xml", bgmax))).JsonAsync();

        Assert.Equal(("inbetalningar.xml", "BgMax", 1, 0, 0, 0), Counts(report));
    }

    private static (string?, string?, int, int, int, int) Counts(JsonElement report) => (
        report.GetProperty("source").GetString(),
        report.GetProperty("format").GetString(),
        report.GetProperty("booked").GetInt32(),
        report.GetProperty("alreadyBooked").GetInt32(),
        report.GetProperty("unmatched").GetInt32(),
        report.GetProperty("alreadyUnmatched").GetInt32());
}
