using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.IntegrationTests.Agreements;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Invoicing.Planning;
using Invoicing.Testing;
using Invoicing.Testing.Sie;

namespace Invoicing.IntegrationTests.Accounting;

/// <summary>
/// SIE files by accounting period, over real storage and read back by the independent reader: a voucher is in the
/// file of the period it is dated in, whatever the budget year or scheme of its document, and only in that one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiePeriodExportTests(AzuriteFixture azurite)
{
    private static readonly SchemeId RegionMitt = InvoicingScenario.Scheme;

    [Fact]
    public async Task A_january_payment_of_last_years_invoice_is_in_januarys_file_and_each_issuer_exports_only_its_own_books()
    {
        await using var scenario = await YearWithPaymentsAsync();
        var sandviken = await InvoiceOfAsync(scenario, "2181", 2026);

        var january = await ExportAsync(scenario, "2027-01-01", "2027-01-31");

        AssertImportFile(january, 2027);
        var payment = Assert.Single(january.Vouchers);
        Assert.Equal(("I", "", new DateOnly(2027, 1, 8), $"Inbetalning {sandviken.Number} Sandvikens kommun (2181)"), (payment.Series, payment.Number, payment.Date, payment.Text));
        Assert.Equal([("1930", 5_000_00L), ("1510", -5_000_00L)], payment.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal(january.Vouchers, (await ExportAsync(scenario, "2027-01-01", "2027-01-31", budgetYear: 2026)).Vouchers, VoucherEquality.Instance);
        Assert.Empty((await ExportAsync(scenario, "2027-01-01", "2027-01-31", budgetYear: 2027)).Vouchers);

        var year = await ExportAsync(scenario, "2026-01-01", "2026-12-31");
        AssertImportFile(year, 2026);
        var regionMitt = await scenario.Get<InvoiceStore>().ListAsync(RegionMitt, 2026, CancellationToken.None);
        Assert.Equal(regionMitt.Select(i => $"Faktura {i.Number} {i.DebtorName} ({i.DebtorCode})").Order(StringComparer.Ordinal),
            year.Vouchers.Where(v => v.Series == "F").Select(v => v.Text).Order(StringComparer.Ordinal));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 7, 1)], year.Vouchers.Where(v => v.Series == "I").Select(v => v.Date));

        var stockholm = await ExportAsync(scenario, "2026-01-01", "2026-12-31", issuer: "stockholms-stad");
        var stockholmsInvoices = await scenario.Get<InvoiceStore>().ListAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(["Stockholms stad"], stockholm.Post("#FNAMN"));
        Assert.Equal(stockholmsInvoices.Select(i => $"Faktura {i.Number} {i.DebtorName} ({i.DebtorCode})").Order(StringComparer.Ordinal),
            stockholm.Vouchers.Select(v => v.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Adjacent_periods_share_no_voucher_and_together_hold_exactly_the_vouchers_of_the_period_they_make_up()
    {
        await using var scenario = await YearWithPaymentsAsync();

        var firstHalf = await ExportAsync(scenario, "2026-01-01", "2026-06-30");
        var secondHalf = await ExportAsync(scenario, "2026-07-01", "2026-12-31");
        var year = await ExportAsync(scenario, "2026-01-01", "2026-12-31");
        var january = await ExportAsync(scenario, "2027-01-01", "2027-01-31");

        Assert.NotEmpty(firstHalf.Vouchers);
        Assert.NotEmpty(secondHalf.Vouchers);
        Assert.Empty(firstHalf.Vouchers.Intersect(secondHalf.Vouchers, VoucherEquality.Instance));
        Assert.Empty(year.Vouchers.Intersect(january.Vouchers, VoucherEquality.Instance));
        Assert.Equal(Identities(year), Identities(firstHalf).Concat(Identities(secondHalf)).Order(StringComparer.Ordinal));
        // No export numbers a voucher, so no two exports can give two vouchers one number: the accounting system does.
        Assert.All(new[] { firstHalf, secondHalf, year, january }.SelectMany(f => f.Vouchers), v => Assert.Equal("", v.Number));
    }

    [Fact]
    public async Task Invoices_issued_in_december_for_next_years_budget_are_in_decembers_file()
    {
        await using var scenario = new InvoicingScenario(azurite);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 12, 16, 5, 0, 0, TimeSpan.Zero));
        var files = DatasetFiles.Read(TestPaths.BundledDataset);
        var budget2027 = DatasetLoader.Load(files with { Budget = files.Budget.Replace("\"year\": 2026", "\"year\": 2027", StringComparison.Ordinal) });
        await scenario.Get<DatasetSeeder>().SeedAsync(budget2027, CancellationToken.None);
        await scenario.Get<BudgetApproval>().ApproveAsync(RegionMitt, 2027, new BudgetDecision(new DateOnly(2026, 12, 15), "Samverkansforum PoM 2026-12-15"), CancellationToken.None);
        await scenario.RunAsync();
        var issued = await scenario.Get<InvoiceStore>().ListAsync(RegionMitt, 2027, CancellationToken.None);

        var december = await ExportAsync(scenario, "2026-12-01", "2026-12-31");

        AssertImportFile(december, 2026);
        Assert.NotEmpty(issued);
        Assert.Equal(issued.Select(i => $"Faktura {i.Number} {i.DebtorName} ({i.DebtorCode})").Order(StringComparer.Ordinal),
            december.Vouchers.Select(v => v.Text).Order(StringComparer.Ordinal));
        Assert.All(december.Vouchers, v => Assert.Equal(("F", new DateOnly(2026, 12, 16)), (v.Series, v.Date)));
        Assert.Equal(december.Vouchers, (await ExportAsync(scenario, "2026-12-01", "2026-12-31", budgetYear: 2027)).Vouchers, VoucherEquality.Instance);
        Assert.Empty((await ExportAsync(scenario, "2027-01-01", "2027-12-31")).Vouchers);
    }

    /// <summary>
    /// Region Mitt's and Stockholm's 2026 budgets (two issuers) issued on 2026-01-20; Gävle pays on 2026-03-02, Region
    /// Uppsala on 2026-07-01, and Sandviken pays its 2026 invoice on 2027-01-08.
    /// </summary>
    private async Task<InvoicingScenario> YearWithPaymentsAsync()
    {
        var scenario = new InvoicingScenario(azurite, StockholmScenario.Settings());
        await scenario.SeedAndApproveAsync();
        await scenario.SeedAndApproveStockholmAsync();
        await scenario.RunAsync();
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 7, 2, 5, 0, 0, TimeSpan.Zero));
        await PayAsync(scenario, "2180", new DateOnly(2026, 3, 2), Money.FromKronor(10_000));
        await PayAsync(scenario, "REGION-03", new DateOnly(2026, 7, 1), Money.FromKronor(75_000));
        scenario.Time.SetUtcNow(new DateTimeOffset(2027, 1, 10, 5, 0, 0, TimeSpan.Zero));
        await PayAsync(scenario, "2181", new DateOnly(2027, 1, 8), Money.FromKronor(5_000));
        return scenario;
    }

    private static async Task PayAsync(InvoicingScenario scenario, string party, DateOnly paidOn, Money amount)
    {
        var invoice = await InvoiceOfAsync(scenario, party, 2026);
        await scenario.Get<PaymentLedger>().BookAsync(invoice.Key, new PaymentBooking($"camt:{party}-{paidOn:yyyyMMdd}", "bank.xml", amount, paidOn), CancellationToken.None);
    }

    private static async Task<Invoice> InvoiceOfAsync(InvoicingScenario scenario, string party, int year) =>
        (await scenario.Get<InvoiceStore>().ListInvoicesAsync(RegionMitt, year, CancellationToken.None)).Single(i => i.DebtorCode.Value == party);

    private static async Task<SieDocument> ExportAsync(InvoicingScenario scenario, string from, string to, int? budgetYear = null, string? issuer = null)
    {
        var issuers = scenario.Get<IssuerDirectory>();
        var books = issuer is null ? issuers.Default : issuers.All().Single(i => i.Id == issuer);
        var selection = new SieSelection(books, new SiePeriod(IsoDate.Parse(from), IsoDate.Parse(to))) { BudgetYear = budgetYear };
        var result = await scenario.Get<SieExport>().ExportAsync(selection, SwedishCalendar.Today(scenario.Time), CancellationToken.None);
        return SieReader.Read(result.Bytes);
    }

    /// <summary>A file to import (4I): the chart type, no balances, the fiscal year of its period, every voucher balanced.</summary>
    private static void AssertImportFile(SieDocument sie, int fiscalYear)
    {
        Assert.Equal("4I", sie.Type);
        Assert.Equal(["EUBAS97"], sie.Post("#KPTYP"));
        Assert.DoesNotContain(sie.Posts, p => p.Post is "#IB" or "#UB" or "#RES");
        Assert.Equal(["0", $"{fiscalYear}0101", $"{fiscalYear}1231"], sie.Post("#RAR"));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
    }

    /// <summary>What makes a voucher the same voucher: series, number, date, text and rows.</summary>
    private static IEnumerable<string> Identities(SieDocument sie) =>
        sie.Vouchers.Select(VoucherEquality.Identity).Order(StringComparer.Ordinal);

    private sealed class VoucherEquality : IEqualityComparer<SieVoucher>
    {
        public static readonly VoucherEquality Instance = new();

        public static string Identity(SieVoucher v) =>
            $"{v.Series}|{v.Number}|{v.Date:yyyyMMdd}|{v.Text}|{string.Join(";", v.Rows.Select(r => $"{r.Account}{string.Concat(r.Objects)}{r.AmountOre}"))}";

        public bool Equals(SieVoucher? x, SieVoucher? y) => x is not null && y is not null && Identity(x) == Identity(y);

        public int GetHashCode(SieVoucher obj) => Identity(obj).GetHashCode(StringComparison.Ordinal);
    }
}
