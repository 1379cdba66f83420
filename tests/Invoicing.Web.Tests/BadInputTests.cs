using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Invoicing.Testing.BankFiles;
using Invoicing.Web.Endpoints;

namespace Invoicing.Web.Tests;

/// <summary>Unknown things are 404, malformed ones 400, oversized uploads 413, and a rejected request writes nothing.</summary>
[Collection(WebCollection.Name)]
public sealed class BadInputTests(WebFixture fixture)
{
    public static TheoryData<string> Unknown => new()
    {
        "/api/schemes/no-such-scheme/years/2026/invoices",
        "/api/schemes/{scheme}/years/2031/invoices",
        "/api/schemes/{scheme}/years/2031/summary",
        "/api/schemes/{scheme}/years/2031/allocation",
        "/api/schemes/{scheme}/years/2031/invoices.zip",
        "/api/schemes/no-such-scheme/years/2026/ledger.csv",
        "/api/invoices/{scheme}/2026/202600099",
        "/api/invoices/{scheme}/2026/202600099/pdf",
        "/api/invoices/no-such-scheme/2026/202600014",
        "/api/invoices/{scheme}/2027/202700001/pdf",
        "/api/invoices/{scheme}/2027/202600014",
    };

    public static TheoryData<string> Malformed => new()
    {
        "/api/schemes/Region-Mitt/years/2026/invoices",
        "/api/schemes/r/years/2026/summary",
        "/api/schemes/{scheme}/years/26/invoices",
        "/api/schemes/{scheme}/years/1999/summary",
        "/api/schemes/{scheme}/years/3000/allocation",
        "/api/schemes/{scheme}/years/２０２６/invoices",
        "/api/invoices/{scheme}/2026/20260014/pdf",
        "/api/invoices/{scheme}/2026/202600014x",
        "/api/invoices/{scheme}/2026/202600000",
        "/api/invoices/..%2F..%2Fsecrets/2026/202600014/pdf",
        "/api/invoices/{scheme}/2026/..%2F202600014/pdf",
        "/api/invoices/{scheme}/2026/202600014%2F..%2F..%2F202600001/pdf",
        "/api/invoices/{scheme}/2026/..%5C..%5C202600014/pdf",
        "/api/schemes/{scheme}%2F..%2Fother/years/2026/ledger.csv",
        "/api/schemes/{scheme}/years/2026%2F..%2F2025/invoices.zip",
        "/api/schemes/..%2e/years/2026/invoices",
        "/api/schemes/{scheme}/years/2026/invoices?status=Betald",
        "/api/schemes/{scheme}/years/2026/invoices?overdue=ja",
    };

    public static TheoryData<string> BadPayments => new()
    {
        """{"amount":"-5","date":"2026-03-01"}""",
        """{"amount":0,"date":"2026-03-01"}""",
        """{"amount":"12,345","date":"2026-03-01"}""",
        """{"amount":12.345,"date":"2026-03-01"}""",
        """{"amount":1e3,"date":"2026-03-01"}""",
        """{"amount":"tusen","date":"2026-03-01"}""",
        """{"amount":true,"date":"2026-03-01"}""",
        """{"date":"2026-03-01"}""",
        """{"amount":"100","date":"2026-13-01"}""",
        """{"amount":"100","date":"1 mars 2026"}""",
        """{"amount":"100"}""",
        """{"amount":"100","date":"2026-03-03"}""",
        """{"amount":"100","date":"1900-01-01"}""",
        """{"amount":"100","date":"2024-12-31"}""",
        """{"amount":"100","date":"2026-03-01","note":"{long}"}""",
        """not json""",
        """[1, 2]""",
        """null""",
    };

    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task Unknown_schemes_years_and_invoices_are_404_with_problem_details(string path)
    {
        var detail = await (await fixture.Shared.Reader().GetAsync(path.Path())).ProblemAsync(HttpStatusCode.NotFound);

        Assert.NotEmpty(detail);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_ids_and_traversal_attempts_are_400_with_problem_details(string path)
    {
        var detail = await (await fixture.Shared.Reader().GetAsync(path.Path())).ProblemAsync(HttpStatusCode.BadRequest);

        // Said in Swedish, as the page shows it: "… är inget fakturanummer: …", "… är varken true eller false".
        Assert.Matches(" är (inget|ingen|inte|varken) ", detail);
    }

    [Theory]
    [MemberData(nameof(BadPayments))]
    public async Task A_payment_with_a_bad_amount_or_date_is_400_and_nothing_is_written(string body)
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        using var content = new StringContent(body.Replace("{long}", new string('x', 201), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        await (await world.Finance().PostAsync("/api/invoices/region-mitt-pom/2026/202600014/payments", content)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_payment_to_an_unknown_or_malformed_invoice_or_not_in_json_is_refused_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        var before = await StorageSnapshot.TakeAsync(world);
        var payment = new { amount = "100", date = "2026-03-01" };

        await (await client.PostPaymentAsync("202600099", payment)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/invoices/region-mitt-pom/2026/..%2F202600014/payments", payment)).ProblemAsync(HttpStatusCode.BadRequest);
        using var text = new StringContent("amount=100&date=2026-03-01", Encoding.UTF8, "application/x-www-form-urlencoded");
        await (await client.PostAsync("/api/invoices/region-mitt-pom/2026/202600014/payments", text)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var huge = new StringContent($$"""{"amount":"100","date":"2026-03-01","note":"{{new string('x', PaymentEndpoints.MaxBodyBytes)}}"}""", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/invoices/region-mitt-pom/2026/202600014/payments", huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task An_upload_over_5_MiB_is_413_whether_its_length_is_declared_or_not_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);
        var tooBig = new byte[BankFileEndpoints.MaxFileBytes + 1];
        var wayTooBig = new byte[6 * 1024 * 1024];

        var detail = await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("big.xml", tooBig))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("big.xml", wayTooBig))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await world.Finance().PostAsync("/api/bank-files", await ChunkedAsync(BankFileUploads.File("big.xml", wayTooBig)))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("5 MiB", detail, StringComparison.Ordinal);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task An_upload_that_is_not_a_bank_file_or_fails_its_checks_is_400_with_the_reason_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        var before = await StorageSnapshot.TakeAsync(world);
        var ocr = (await world.InvoicesAsync())[0].Ocr.Value;
        var futureCamt = new Camt054Builder(8).Entry(new CamtEntry("100.00", AccountServicerReference: "F-1", BookingDate: "2026-03-05", Transactions: [new(Ocr: ocr)])).ToBytes();
        var badTotals = new BgMaxBuilder().Start().Opening("9912346").Payment(ocr, 10_000, "000000000001").Deposit("20260301", "00001", amountOre: 9_999).End().ToLatin1();

        var notBank = await (await client.PostAsync("/api/bank-files", BankFileUploads.File("faktura.pdf", "%PDF-1.7 hej"u8.ToArray()))).ProblemAsync(HttpStatusCode.BadRequest);
        var fullSize = await (await client.PostAsync("/api/bank-files", BankFileUploads.File("big.txt", new byte[BankFileEndpoints.MaxFileBytes]))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/bank-files", BankFileUploads.File("other.xml", "<Document><Other/></Document>"u8.ToArray()))).ProblemAsync(HttpStatusCode.BadRequest);
        var future = await (await client.PostAsync("/api/bank-files", BankFileUploads.File("future.xml", futureCamt))).ProblemAsync(HttpStatusCode.BadRequest);
        var totals = await (await client.PostAsync("/api/bank-files", BankFileUploads.File("BGMAX.txt", badTotals))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/bank-files", BankFileUploads.File("camt.xml", futureCamt, field: "document"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/bank-files", BankFileUploads.File("empty.xml", []))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/bank-files", new { file = "camt" })).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("faktura.pdf: inte en camt.054- eller BgMax-fil", notBank, StringComparison.Ordinal);
        Assert.Contains("big.txt: inte en camt.054- eller BgMax-fil", fullSize, StringComparison.Ordinal);
        Assert.Contains("är daterad 2026-03-05, efter dagens datum (2026-03-02)", future, StringComparison.Ordinal);
        Assert.Contains("BGMAX.txt", totals, StringComparison.Ordinal);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_change_posted_from_another_site_is_403_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var before = await StorageSnapshot.TakeAsync(world);

        await (await client.PostPaymentAsync("202600014", new { amount = "100", date = "2026-03-01" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014"))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_change_whose_origin_is_another_site_is_403_even_without_sec_fetch_site_and_nothing_is_written()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        var before = await StorageSnapshot.TakeAsync(world);

        var payment = await (await client.PostPaymentAsync("202600014", new { amount = "100", date = "2026-03-01" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync("/api/bank-files", await BankFileUploads.CamtAsync(world, "202600014"))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("inte från en sida på en annan webbplats", payment, StringComparison.Ordinal);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    /// <summary>Case id, file name, file, expected text in the 400's detail.</summary>
    public static TheoryData<string, string, byte[], string> BadBankFiles()
    {
        const string Ocr = "12345678903";
        return new()
        {
            {
                "api-bank-file-other-iban", "other.xml",
                new Camt054Builder(8) { Account = "SE3550000000054910000003" }.Entry(new CamtEntry("100.00", AccountServicerReference: "O-1", BookingDate: "2026-03-01", Transactions: [new(Ocr: Ocr)])).ToBytes(),
                "filen gäller konto SE3550000000054910000003, som inte är vårt"
            },
            {
                "api-bank-file-other-bankgiro", "BGMAX.txt",
                new BgMaxBuilder().Start().Opening("50501055").Payment(Ocr, 10_000, "000000000001").Deposit("20260301", "00001").End().ToLatin1(),
                "filen gäller konto 50501055, som inte är vårt"
            },
            {
                "api-bank-file-reference-100000-characters", "long.xml",
                new Camt054Builder(8)
                    .Entry(new CamtEntry("100.00", AccountServicerReference: "L-1", BookingDate: "2026-03-01", Transactions: [new(Ocr: Ocr)]))
                    .Entry(new CamtEntry("100.00", AccountServicerReference: "L-2", BookingDate: "2026-03-01", Transactions: [new(Unstructured: new string('7', 100_000))])).ToBytes(),
                "betalningstexter (RmtInf): 100000 tecken; högst 1000 sparas"
            },
            {
                "api-bank-file-payer-name-too-long", "name.xml",
                new Camt054Builder(8).Entry(new CamtEntry("100.00", AccountServicerReference: "N-1", BookingDate: "2026-03-01", Transactions: [new(Ocr: Ocr, Debtor: new string('N', 500))])).ToBytes(),
                "betalarens namn (RltdPties/Dbtr): 500 tecken"
            },
            {
                "api-bank-file-bad-reversal-indicator", "rvsl.xml",
                new Camt054Builder(8).Entry(new CamtEntry("100.00", AccountServicerReference: "R-1", BookingDate: "2026-03-01", Transactions: [new(Ocr: Ocr)])).ToXml()
                    .Replace("<CdtDbtInd>CRDT</CdtDbtInd>\n", "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>kanske</RvslInd>\n", StringComparison.Ordinal).Replace("<CdtDbtInd>CRDT</CdtDbtInd><Sts>", "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>kanske</RvslInd><Sts>", StringComparison.Ordinal)
                    .Select(c => (byte)c).ToArray(),
                "'kanske' är varken true eller false"
            },
        };
    }

    [Theory]
    [MemberData(nameof(BadBankFiles))]
    public async Task A_bank_file_that_cannot_be_booked_whole_is_400_naming_the_problem_and_nothing_is_written(string id, string name, byte[] content, string expected)
    {
        var world = fixture.Shared;
        var before = await StorageSnapshot.TakeAsync(world);

        var detail = await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File(name, content))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(detail.Contains(expected, StringComparison.Ordinal), $"{id}: {detail}");
        Assert.StartsWith("Inget bokfördes: ", detail, StringComparison.Ordinal);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task A_refused_bank_file_or_payment_reaches_the_page_in_Swedish_naming_the_same_file_line_field_amounts_invoice_and_dates()
    {
        var world = fixture.Shared;
        var client = world.Finance();
        var before = await StorageSnapshot.TakeAsync(world);
        var ocr = (await world.InvoicesAsync())[0].Ocr.Value;
        var badTotals = new BgMaxBuilder().Start().Opening("9912346").Payment(ocr, 10_000, "000000000001").Deposit("20260301", "00001", amountOre: 9_999).End().ToLatin1();

        var file = await (await client.PostAsync("/api/bank-files", BankFileUploads.File("BGMAX.txt", badTotals))).ProblemAsync(HttpStatusCode.BadRequest);
        var payment = await (await client.PostPaymentAsync("202600014", new { amount = "100", date = "2026-03-03" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Inget bokfördes: BGMAX.txt, rad 4, TK15 insättningsbelopp (kolumn 51-68): 99.99 men dess betalningar minus avdrag summerar till 100.00.", file);
        Assert.Equal("Faktura 202600014: en betalning daterad 2026-03-03 är efter dagens datum (2026-03-02); bokför den när den har kommit in.", payment);
        Assert.Equal(before, await StorageSnapshot.TakeAsync(world));
    }

    /// <summary>The same form sent without a Content-Length (chunked), so only reading the body can find its size.</summary>
    private static async Task<HttpContent> ChunkedAsync(MultipartFormDataContent form)
    {
        var bytes = await form.ReadAsByteArrayAsync();
        var chunked = new StreamContent(new ForwardOnlyStream(bytes));
        chunked.Headers.ContentType = MediaTypeHeaderValue.Parse(form.Headers.ContentType!.ToString());
        return chunked;
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
