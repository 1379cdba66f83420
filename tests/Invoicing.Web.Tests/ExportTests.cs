using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Csv;
using Invoicing.Web.Exports;

namespace Invoicing.Web.Tests;

/// <summary>A year's invoices as one ZIP of PDFs, and as the ledger CSV that Excel and the finance system read.</summary>
[Collection(WebCollection.Name)]
public sealed class ExportTests(WebFixture fixture)
{
    [Fact]
    public async Task The_zip_holds_every_invoice_pdf_of_the_year_named_after_its_number()
    {
        var recorded = (await fixture.Shared.InvoicesAsync()).ToDictionary(i => $"faktura-{i.Number}.pdf");

        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("fakturor-region-mitt-pom-2026.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(30, zip.Entries.Count);
        Assert.Equal(recorded.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(content.GetBuffer(), 0, 5), StringComparison.Ordinal);
            Assert.Equal(recorded[entry.FullName].PdfSha256, Convert.ToHexStringLower(SHA256.HashData(content.ToArray())));
        }
    }

    [Fact]
    public async Task The_zip_is_streamed_as_it_is_written_without_a_precomputed_length()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices.zip", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_ledger_is_utf8_with_bom_semicolon_separated_with_decimal_commas_and_iso_dates()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/ledger.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("reskontra-region-mitt-pom-2026.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("Fakturanummer;Kundkod;Kund;Fakturadatum;Förfallodatum;Belopp;Betalt;Kvar;Status;OCR;Typ;Avser faktura;Krediterat;Att återbetala;Återbetalt", lines[0]);
        Assert.Equal(32, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Contains("202600014;1980;Västerås kommun;2026-01-20;2026-02-19;43035,00;0,00;43035,00;förfallen;20260001415;Faktura;;0,00;0,00;0,00", lines);
        Assert.All(lines[1..^1], line => Assert.Equal(15, line.Split(';').Length));
    }

    [Fact]
    public void Ledger_fields_are_quoted_only_when_needed_and_names_cannot_become_formulas()
    {
        Assert.Equal("-100,00", ExcelCsv.Amount(new Money(-10_000)));
        Assert.Equal("43035,05", ExcelCsv.Amount(new Money(4_303_505)));
        Assert.Equal("'=HYPERLINK(\"x\")", ExcelCsv.Text("=HYPERLINK(\"x\")"));
        Assert.Equal("'+46", ExcelCsv.Text("+46"));
        Assert.Equal("Håbo kommun", ExcelCsv.Text("Håbo kommun"));
        Assert.Equal("Håbo kommun", ExcelCsv.Quoted("Håbo kommun"));
        Assert.Equal("\"Kommun; norra\"", ExcelCsv.Quoted("Kommun; norra"));
        Assert.Equal("\"Säg \"\"hej\"\"\"", ExcelCsv.Quoted("Säg \"hej\""));
        Assert.Equal("\"rad\nrad\"", ExcelCsv.Quoted("rad\nrad"));
        Assert.Equal("\" kant\"", ExcelCsv.Quoted(" kant"));
    }
}
