using System.Globalization;
using System.Net;
using System.Text;
using Invoicing.Testing.Sie;

namespace Invoicing.Web.Tests;

/// <summary>The SIE 4 file of a year, as finance downloads it: its totals agree with the ledger CSV and the invoice list.</summary>
[Collection(WebCollection.Name)]
public sealed class SieExportTests(WebFixture fixture)
{
    private const string Year = "/api/schemes/region-mitt-pom/years/2026";

    [Fact]
    public async Task A_reader_downloads_the_years_vouchers_and_they_agree_with_the_ledger_csv_and_the_invoice_list()
    {
        await using var world = await fixture.NewWorldAsync();
        await world.Finance().PostPaymentAsync("202600014", new { amount = "43 035,00", date = "2026-03-01" });
        await world.Finance().PostPaymentAsync("202600006", new { amount = "50 000,00", date = "2026-03-02" });
        var reader = world.Reader();

        using var response = await reader.GetAsync($"{Year}/export.sie");
        var sie = SieReader.Read(await response.Content.ReadAsByteArrayAsync());
        var ledger = await LedgerAsync(reader);
        var invoices = await world.InvoicesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("IBM437", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("verifikationer-region-mitt-pom-2026.se", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        Assert.Equal(invoices.Count, sie.Vouchers.Count(v => v.Series == "F"));
        Assert.Equal(2, sie.Vouchers.Count(v => v.Series == "I"));

        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        Assert.Equal(ledger.Sum(l => l.Total), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => i.Total.Ore), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => l.Paid), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => Math.Max(0, l.Due)), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => Math.Max(0, -l.Due)), -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));
        Assert.Equal(50_000_00 - invoices.Single(i => i.Number.ToString() == "202600006").Total.Ore, -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));
        foreach (var invoice in invoices)
        {
            var voucher = Assert.Single(sie.Vouchers, v => v.Series == "F" && v.Text.Contains(invoice.Number.ToString(), StringComparison.Ordinal));
            Assert.Equal(invoice.IssueDate, voucher.Date);
            Assert.Contains(invoice.DebtorName, voucher.Text, StringComparison.Ordinal);
            Assert.All(voucher.Rows, r => Assert.Equal([("20", invoice.DebtorCode.Value)], r.Objects));
        }
    }

    [Fact]
    public async Task The_export_is_the_same_bytes_when_nothing_changed()
    {
        var first = await fixture.Shared.Reader().GetByteArrayAsync($"{Year}/export.sie");
        var second = await fixture.Shared.Reader().GetByteArrayAsync($"{Year}/export.sie");

        Assert.Equal(first, second);
        Assert.Contains("#GEN 20260302\r\n", Encoding.ASCII.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_keeps_only_the_documents_dated_in_it()
    {
        using var response = await fixture.Shared.Reader().GetAsync($"{Year}/export.sie?from=2026-02-01&to=2026-12-31");
        var sie = SieReader.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(sie.Vouchers);
        Assert.Equal(["0", "20260101", "20261231"], sie.Post("#RAR"));
    }

    [Theory]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/export.sie?from=2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/export.sie?from=2025-12-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/schemes/no-such-scheme/years/2026/export.sie", HttpStatusCode.NotFound)]
    public async Task A_bad_period_or_an_unknown_year_is_a_problem(string url, HttpStatusCode status)
    {
        using var response = await fixture.Shared.Reader().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(long Total, long Paid, long Due)[]> LedgerAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync($"{Year}/ledger.csv");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(l => l.Split(';')).Select(f => (Ore(f[5]), Ore(f[6]), Ore(f[7]))).ToArray();
    }

    private static long Ore(string amount) => (long)(decimal.Parse(amount.Replace(',', '.'), CultureInfo.InvariantCulture) * 100);
}
