using System.Net;
using System.Text.Json;
using System.Security.Cryptography;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Web.Tests;

/// <summary>
/// The archived bank files over the API: an uploaded file is kept once under its SHA-256 with who uploaded it, listed
/// to readers, and given back byte for byte under its own name; every booking from it names it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BankFileArchiveTests(WebFixture fixture)
{
    [Fact]
    public async Task An_uploaded_file_is_listed_with_who_uploaded_it_and_a_reader_downloads_it_byte_for_byte_under_its_name()
    {
        await using var world = await fixture.NewWorldAsync();
        var camt = await CamtAsync(world, "202600014");
        var id = Convert.ToHexStringLower(SHA256.HashData(camt));

        var report = await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("camt054 mars.xml", camt))).JsonAsync();
        var listed = await (await world.Reader().GetAsync("/api/payments/files")).JsonAsync();
        using var download = await world.Reader().GetAsync($"/api/payments/files/{id}");

        var file = Assert.Single(listed.EnumerateArray());
        Assert.Equal((id, id, "camt054 mars.xml", (long)camt.Length), (file.GetProperty("id").GetString(), file.GetProperty("sha256").GetString(), file.GetProperty("fileName").GetString(), file.GetProperty("size").GetInt64()));
        Assert.Equal(("Camt054", "camt.054.001.08", "api", "Eva Ekonom"), (file.GetProperty("format").GetString(), file.GetProperty("formatName").GetString(), file.GetProperty("entrance").GetString(), file.GetProperty("importedBy").GetString()));
        Assert.Equal(WebWorld.Today, file.GetProperty("importedAt").GetDateTimeOffset());
        var counts = file.GetProperty("counts");
        Assert.Equal((2, 1, 1), (counts.GetProperty("entries").GetInt32(), counts.GetProperty("booked").GetInt32(), counts.GetProperty("unmatched").GetInt32()));
        Assert.Equal((1, JsonValueKind.Null), (file.GetProperty("imports").GetInt32(), file.GetProperty("latestRepeat").ValueKind));
        Assert.Equal($"/api/payments/files/{id}", file.GetProperty("download").GetString());
        Assert.Equal(id, report.GetProperty("file").GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(camt, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("camt054 mars.xml", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_same_file_uploaded_again_is_recognised_books_nothing_and_stays_one_file_counting_both_uploads()
    {
        await using var world = await fixture.NewWorldAsync();
        var camt = await CamtAsync(world, "202600014");
        await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("first.xml", camt))).JsonAsync();
        world.Time.Advance(TimeSpan.FromMinutes(30));

        var again = await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("second.xml", camt))).JsonAsync();

        Assert.Equal((0, 1, 1), (again.GetProperty("booked").GetInt32(), again.GetProperty("alreadyBooked").GetInt32(), again.GetProperty("alreadyUnmatched").GetInt32()));
        var file = again.GetProperty("file");
        Assert.Equal(("first.xml", 2), (file.GetProperty("fileName").GetString(), file.GetProperty("imports").GetInt32()));
        Assert.Equal(("second.xml", "api", "Eva Ekonom"), (
            file.GetProperty("latestRepeat").GetProperty("fileName").GetString(),
            file.GetProperty("latestRepeat").GetProperty("entrance").GetString(),
            file.GetProperty("latestRepeat").GetProperty("by").GetString()));
        Assert.Single((await (await world.Reader().GetAsync("/api/payments/files")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Every_payment_and_unmatched_entry_from_an_uploaded_file_names_it_and_a_manual_payment_names_none()
    {
        await using var world = await fixture.NewWorldAsync();
        var camt = await CamtAsync(world, "202600014");
        var id = Convert.ToHexStringLower(SHA256.HashData(camt));
        await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("camt.xml", camt))).JsonAsync();
        await (await world.Finance().PostPaymentAsync("202600015", new { amount = "100,00", date = "2026-03-01", reference = "kontoutdrag 4" })).JsonAsync(HttpStatusCode.Created);

        var invoice = await (await world.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/202600014")).JsonAsync();
        var manual = await (await world.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/202600015")).JsonAsync();
        var unmatched = await (await world.Reader().GetAsync("/api/payments/unmatched")).JsonAsync();

        Assert.Equal(id, Assert.Single(invoice.GetProperty("payments").EnumerateArray()).GetProperty("fileId").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(manual.GetProperty("payments").EnumerateArray()).GetProperty("fileId").ValueKind);
        Assert.Equal(id, Assert.Single(unmatched.EnumerateArray()).GetProperty("fileId").GetString());
    }

    [Fact]
    public async Task The_file_endpoints_need_an_identity_with_a_role_and_a_reader_may_use_them()
    {
        await using var world = await fixture.NewWorldAsync();
        var camt = await CamtAsync(world, "202600014");
        var id = Convert.ToHexStringLower(SHA256.HashData(camt));
        await (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("camt.xml", camt))).JsonAsync();

        await (await world.Anonymous().GetAsync("/api/payments/files")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await world.Anonymous().GetAsync($"/api/payments/files/{id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await world.WithKey("not-a-key-of-this-server-000000").GetAsync($"/api/payments/files/{id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        using var asReader = await world.Reader().GetAsync($"/api/payments/files/{id}");
        using var asFinance = await world.Finance().GetAsync($"/api/payments/files/{id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (asReader.StatusCode, asFinance.StatusCode));
    }

    [Theory]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", HttpStatusCode.NotFound, "Det finns ingen arkiverad bankfil ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff.")]
    [InlineData("ffffffffffff", HttpStatusCode.BadRequest, "'ffffffffffff' är inget id för en bankfil: dess SHA-256, 64 hexadecimala siffror med små bokstäver, som GET /api/payments/files listar dem.")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", HttpStatusCode.BadRequest, "är inget id för en bankfil")]
    [InlineData("..%2F..%2Finvoices", HttpStatusCode.BadRequest, "är inget id för en bankfil")]
    public async Task A_download_of_no_archived_file_is_refused_naming_the_id(string id, HttpStatusCode status, string expected)
    {
        var detail = await (await fixture.Shared.Reader().GetAsync($"/api/payments/files/{id}")).ProblemAsync(status);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    /// <summary>A camt.054 paying the named invoice in full, plus one payment whose OCR names no invoice.</summary>
    private static async Task<byte[]> CamtAsync(WebWorld world, string number)
    {
        var invoice = (await world.InvoicesAsync()).Single(i => i.Number.ToString() == number);
        return new Camt054Builder(8)
            .Entry(new CamtEntry(invoice.Total.ToInvariantString(), AccountServicerReference: "ARCHIVE-" + number, BookingDate: "2026-03-01", Transactions: [new(Ocr: invoice.Ocr.Value)]))
            .Entry(new CamtEntry("500.00", AccountServicerReference: "ARCHIVE-UNKNOWN", BookingDate: "2026-03-01", Transactions: [new(Ocr: "12345678903")]))
            .ToBytes();
    }
}
