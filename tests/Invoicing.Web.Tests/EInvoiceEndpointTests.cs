using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Web.Tests;

/// <summary>Finance gets e-invoices like PDFs: one invoice's UBL, all of them as one ZIP, and why an invoice has none.</summary>
[Collection(WebCollection.Name)]
public sealed class EInvoiceEndpointTests(WebFixture fixture)
{
    [Fact]
    public async Task An_invoice_s_e_invoice_downloads_as_its_recorded_ubl()
    {
        var vasteras = (await fixture.Shared.InvoicesAsync()).Single(i => i.Number.ToString() == "202600014");

        using var response = await fixture.Shared.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014/ubl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("e-faktura-202600014.xml", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(vasteras.EInvoiceSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains("<cbc:BuyerReference>EXEMPEL-1980</cbc:BuyerReference>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoice_without_e_invoice_answers_404_with_the_reason_and_the_list_says_why()
    {
        var client = fixture.Shared.Reader();

        using var response = await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600030/ubl");
        var list = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices")).JsonAsync();

        Assert.Equal("Faktura 202600030 har ingen e-faktura: köparen har ingen köparreferens (Er referens).", await response.ProblemAsync(HttpStatusCode.NotFound));
        var region = list.EnumerateArray().Single(i => i.GetProperty("number").GetString() == "202600030");
        Assert.False(region.GetProperty("eInvoice").GetBoolean());
        Assert.Equal("the buyer has no buyer reference (Er referens)", region.GetProperty("eInvoiceMissingReason").GetString());
        Assert.Equal("köparen har ingen köparreferens (Er referens)", region.GetProperty("eInvoiceMissingSwedishReason").GetString());
        Assert.Equal(29, list.EnumerateArray().Count(i => i.GetProperty("eInvoice").GetBoolean()));
    }

    [Fact]
    public async Task The_e_invoice_zip_holds_every_ubl_of_the_year_and_leaves_out_pdf_only_invoices()
    {
        var recorded = (await fixture.Shared.InvoicesAsync()).Where(i => i.EInvoiceBlobName is not null).ToDictionary(i => $"e-faktura-{i.Number}.xml");

        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/einvoices.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("e-fakturor-region-mitt-pom-2026.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(29, zip.Entries.Count);
        Assert.Equal(recorded.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            Assert.Equal(recorded[entry.FullName].EInvoiceSha256, Convert.ToHexStringLower(SHA256.HashData(content.ToArray())));
        }
    }
}
