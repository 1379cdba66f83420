using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Storage;

namespace Invoicing.Web.Tests;

/// <summary>
/// What the API keeps in memory to answer many readers (issue 24, goal 5): a year's documents while its version stands
/// (<see cref="YearDocuments"/>) and PDFs by their SHA-256 (<see cref="InvoicePdfs"/>). Each rule says what keeping
/// them must not change: what is answered, and to whom.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class KeptReadsTests(WebFixture fixture)
{
    private const string Number = "202600014";

    private static readonly string PdfPath = $"/api/invoices/{WebWorld.Scheme}/2026/{Number}/pdf";

    private static readonly string ListPath = $"/api/schemes/{WebWorld.Scheme}/years/2026/invoices";

    [Fact]
    public async Task A_pdf_served_twice_reads_its_blob_once()
    {
        await using var world = await fixture.NewWorldAsync();
        var first = await (await world.Reader().GetAsync(PdfPath)).Content.ReadAsByteArrayAsync();

        // Were the blob read again, the second answer would be a 404 or an error.
        var invoice = (await world.InvoicesAsync()).Single(i => i.Number.ToString() == Number);
        await world.Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobClient(invoice.BlobName).DeleteAsync();
        using var second = await world.Reader().GetAsync(PdfPath);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(invoice.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(first)));
    }

    [Fact]
    public async Task A_member_still_gets_404_for_another_partys_pdf_that_is_kept_in_memory()
    {
        var other = (await fixture.Shared.InvoicesAsync()).First(i => i.DebtorCode.Value == WebWorld.OtherMemberParty);
        var path = $"/api/member/invoices/{WebWorld.Scheme}/2026/{other.Number}/pdf";
        using var owner = await fixture.Shared.WithKey(WebWorld.OtherMemberKey).GetAsync(path);
        using var finance = await fixture.Shared.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/{other.Number}/pdf");

        using var stranger = await fixture.Shared.Member().GetAsync(path);
        using var conditional = await fixture.Shared.Member().SendAsync(IfNoneMatch(path, owner.Headers.ETag!));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (owner.StatusCode, finance.StatusCode));
        await stranger.ProblemAsync(HttpStatusCode.NotFound);
        await conditional.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Once_the_list_has_kept_a_year_its_pdfs_still_go_only_to_finance_and_their_own_member_and_an_unknown_number_is_404()
    {
        await using var world = await fixture.NewWorldAsync();
        using var listed = await world.Reader().GetAsync(ListPath);
        var other = (await world.InvoicesAsync()).First(i => i.DebtorCode.Value == WebWorld.OtherMemberParty);
        var memberPath = $"/api/member/invoices/{WebWorld.Scheme}/2026/{other.Number}/pdf";

        // The PDF routes now take the document from the kept read: its debtor decides as its row did.
        using var stranger = await world.Member().GetAsync(memberPath);
        using var owner = await world.WithKey(WebWorld.OtherMemberKey).GetAsync(memberPath);
        using var finance = await world.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/{other.Number}/pdf");
        using var unknown = await world.Reader().GetAsync($"/api/invoices/{WebWorld.Scheme}/2026/202699999/pdf");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        await stranger.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (owner.StatusCode, finance.StatusCode));
        Assert.Equal(await owner.Content.ReadAsByteArrayAsync(), await finance.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{other.PdfSha256}\"", finance.Headers.ETag!.Tag);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pdf_is_tagged_with_its_sha256_and_a_reader_that_has_it_gets_304_but_no_caller_without_a_key_does()
    {
        var invoice = (await fixture.Shared.InvoicesAsync()).Single(i => i.Number.ToString() == Number);
        using var first = await fixture.Shared.Reader().GetAsync(PdfPath);
        var tag = first.Headers.ETag!;

        using var again = await fixture.Shared.Reader().SendAsync(IfNoneMatch(PdfPath, tag));
        using var changed = await fixture.Shared.Reader().SendAsync(IfNoneMatch(PdfPath, new EntityTagHeaderValue("\"0000\"")));
        using var anonymous = await fixture.Shared.Anonymous().SendAsync(IfNoneMatch(PdfPath, tag));

        Assert.Equal($"\"{invoice.PdfSha256}\"", tag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await changed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_listed_year_shows_a_payment_another_process_booked_since()
    {
        await using var world = await fixture.NewWorldAsync();
        var before = await (await world.Reader().GetAsync(ListPath)).JsonAsync();

        // Booked past the API: nothing tells the API's memory of it but the year's version.
        var key = new InvoiceKey(new SchemeId(WebWorld.Scheme), 2026, InvoiceNumber.Parse(Number));
        await world.Get<PaymentLedger>().BookAsync(key, PaymentBooking.Manual(key.Number, Money.FromKronor(1_000), new DateOnly(2026, 3, 1), null, null), CancellationToken.None);
        var after = await (await world.Reader().GetAsync(ListPath)).JsonAsync();
        var summary = await (await world.Reader().GetAsync($"/api/schemes/{WebWorld.Scheme}/years/2026/summary")).JsonAsync();

        Assert.Equal(0m, Listed(before).GetProperty("amountPaid").GetDecimal());
        Assert.Equal(1_000m, Listed(after).GetProperty("amountPaid").GetDecimal());
        Assert.Equal(1_000m, summary.GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Every_change_to_a_years_documents_moves_its_version()
    {
        await using var world = await fixture.NewWorldAsync();
        var store = world.Get<InvoiceStore>();
        var scheme = new SchemeId(WebWorld.Scheme);
        var issued = await store.FindYearVersionAsync(scheme, 2026, CancellationToken.None);

        var key = new InvoiceKey(scheme, 2026, InvoiceNumber.Parse(Number));
        await world.Get<PaymentLedger>().BookAsync(key, PaymentBooking.Manual(key.Number, Money.FromKronor(1), new DateOnly(2026, 3, 1), null, null), CancellationToken.None);
        var paid = await store.FindYearVersionAsync(scheme, 2026, CancellationToken.None);
        var unchanged = await store.FindYearVersionAsync(scheme, 2026, CancellationToken.None);

        Assert.NotNull(issued);
        Assert.NotEqual(issued, paid);
        Assert.Equal(paid, unchanged);
        Assert.Null(await store.FindYearVersionAsync(scheme, 2025, CancellationToken.None));
    }

    private static System.Text.Json.JsonElement Listed(System.Text.Json.JsonElement list) =>
        list.EnumerateArray().Single(i => i.GetProperty("number").GetString() == Number);

    private static HttpRequestMessage IfNoneMatch(string path, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return request;
    }
}
