using System.Globalization;
using System.Net;
using System.Text;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;
using Invoicing.Testing.Sie;

namespace Invoicing.Web.Tests;

/// <summary>The SIE 4I files of a year and of a period, as finance downloads them: their totals agree with the ledger CSV and the invoice list.</summary>
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
        Assert.Equal("verifikationer-region-mitt-pom-2026.si", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("4I", sie.Type);
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
    public async Task In_a_year_with_a_revision_a_credit_after_payment_and_a_reversal_the_vouchers_agree_with_the_ledger_csv()
    {
        await using var world = await fixture.NewWorldAsync();
        var scheme = new SchemeId(WebWorld.Scheme);
        var issued = await world.InvoicesAsync();
        var regionUppsala = issued.Single(i => i.DebtorCode.Value == "REGION-03");
        var gavle = issued.Single(i => i.DebtorCode.Value == "2180");
        (await world.Finance().PostPaymentAsync(regionUppsala.Number.ToString(), new { amount = "75 000,00", date = "2026-02-20" })).EnsureSuccessStatusCode();
        (await world.Finance().PostPaymentAsync(gavle.Number.ToString(), new { amount = "10 000,00", date = "2026-02-25" })).EnsureSuccessStatusCode();
        // The bank takes Gävle's payment back: a camt.054 debit marked as a reversal, through the same entrance as any bank file.
        var reversalFile = new Camt054Builder(8)
            .Entry(new CamtEntry("10000.00", Indicator: "DBIT", AccountServicerReference: "REV-1", BookingDate: "2026-03-01", Reversal: true,
                Transactions: [new(Ocr: gavle.Ocr.Value, Indicator: "DBIT")]))
            .ToBytes();
        (await world.Finance().PostAsync("/api/bank-files", BankFileUploads.File("reversal.xml", reversalFile))).EnsureSuccessStatusCode();
        var revised = RevisedDataset.WriteTo(Directory.CreateTempSubdirectory("invoicing-revised-").FullName);
        await world.Get<BudgetRevisions>().ReviseAsync(scheme, 2026, DatasetFiles.Read(revised), CancellationToken.None);
        Directory.Delete(revised, recursive: true);
        await world.Get<BudgetRevisions>().ApproveAsync(scheme, 2026, new BudgetDecision(new DateOnly(2026, 3, 2), "Samverkansforum PoM §4"), CancellationToken.None);
        await world.Get<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
        var reader = world.Reader();

        var sie = SieReader.Read(await reader.GetByteArrayAsync($"{Year}/export.sie"));
        var ledger = await LedgerAsync(reader);

        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        Assert.Equal(ledger.Length, sie.Vouchers.Count(v => v.Series == "F"));
        Assert.Equal(3, sie.Vouchers.Count(v => v.Series == "I"));
        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        Assert.Equal(ledger.Sum(l => l.Credit ? -l.Total : l.Total), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => l.Paid), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => Math.Max(0, l.Due)), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
        Assert.Equal(ledger.Sum(l => l.RefundOwed), -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));
        Assert.Equal(15_000_00, ledger.Sum(l => l.RefundOwed));
        var credit = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Kreditfaktura", StringComparison.Ordinal));
        Assert.Equal([("2890", -15_000_00L), ("3490", 15_000_00L)], credit.Rows.Select(r => (r.Account, r.AmountOre)));
        var reversal = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Återförd inbetalning", StringComparison.Ordinal));
        Assert.Equal([("1930", -10_000_00L), ("1510", 10_000_00L)], reversal.Rows.Select(r => (r.Account, r.AmountOre)));
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

    [Fact]
    public async Task The_period_export_is_every_voucher_of_the_issuers_books_dated_in_the_period_as_a_4I_file()
    {
        var reader = fixture.Shared.Reader();

        using var response = await reader.GetAsync("/api/export.sie?from=2026-01-01&to=2026-01-31");
        var sie = SieReader.Read(await response.Content.ReadAsByteArrayAsync());
        var invoices = await fixture.Shared.InvoicesAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("IBM437", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("verifikationer-vasteras-stad-20260101-20260131.si", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("4I", sie.Type);
        Assert.Equal(["EUBAS97"], sie.Post("#KPTYP"));
        Assert.Equal(invoices.Select(i => i.Number.ToString()).Order(StringComparer.Ordinal), sie.Vouchers.Select(v => v.Text.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Empty(SieReader.Read(await reader.GetByteArrayAsync("/api/export.sie?from=2026-01-01&to=2026-01-31&year=2027")).Vouchers);
        Assert.Empty(SieReader.Read(await reader.GetByteArrayAsync("/api/export.sie?from=2026-02-01&to=2026-02-28")).Vouchers);
        Assert.Equal(await reader.GetByteArrayAsync("/api/export.sie?from=2026-01-01&to=2026-01-31"), await reader.GetByteArrayAsync("/api/export.sie?from=2026-01-01&to=2026-01-31&scheme=region-mitt-pom"));
    }

    [Theory]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/export.sie?from=2026-13-01", HttpStatusCode.BadRequest, "ska vara datum på formen yyyy-MM-dd")]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/export.sie?from=2026-02-01&to=2026-01-31", HttpStatusCode.BadRequest, "Perioden är tom: från 2026-02-01 ligger efter till 2026-01-31.")]
    [InlineData("/api/schemes/region-mitt-pom/years/2026/export.sie?from=2026-12-01&to=2027-01-31", HttpStatusCode.BadRequest, "sträcker sig över räkenskapsåren 2026 och 2027")]
    [InlineData("/api/schemes/no-such-scheme/years/2026/export.sie", HttpStatusCode.NotFound, "Det finns ingen budget för samverkan no-such-scheme, år 2026.")]
    [InlineData("/api/export.sie", HttpStatusCode.BadRequest, "Frågeparametrarna from och to")]
    [InlineData("/api/export.sie?from=2026-01-01&to=2026-01-31&year=26", HttpStatusCode.BadRequest, "Året '26' är inget budgetår")]
    [InlineData("/api/export.sie?from=2026-01-01&to=2026-01-31&scheme=region-mitt", HttpStatusCode.NotFound, "Samverkan region-mitt har ingen godkänd budget och alltså ingen bokföring att exportera.")]
    [InlineData("/api/export.sie?from=2026-01-01&to=2026-01-31&scheme=..%2F", HttpStatusCode.BadRequest, "är inget id för en samverkan")]
    public async Task A_bad_period_year_or_scheme_is_a_problem_naming_it(string url, HttpStatusCode status, string detail)
    {
        using var response = await fixture.Shared.Reader().GetAsync(url);

        Assert.Contains(detail, await response.ProblemAsync(status), StringComparison.Ordinal);
    }

    private static async Task<(long Total, long Paid, long Due, bool Credit, long RefundOwed)[]> LedgerAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync($"{Year}/ledger.csv");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(l => l.Split(';')).Select(f => (Ore(f[5]), Ore(f[6]), Ore(f[7]), f[10] == "Kreditfaktura", Ore(f[13]))).ToArray();
    }

    private static long Ore(string amount) => (long)(decimal.Parse(amount.Replace(',', '.'), CultureInfo.InvariantCulture) * 100);
}
