using Invoicing.Agreements;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.IntegrationTests.Revisions;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.IntegrationTests.Agreements;

/// <summary>
/// Stockholm's offer: a pool among the municipalities with an agreement, its own issuer and number series beside
/// Region Mitt's in the same storage, and joining or leaving as a revision.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StockholmSchemeTests(AzuriteFixture azurite)
{
    private async Task<InvoicingScenario> BothIssuedAsync()
    {
        var scenario = new InvoicingScenario(azurite, StockholmScenario.Settings());
        await scenario.SeedAndApproveAsync();
        await scenario.SeedAndApproveStockholmAsync();
        var run = await scenario.RunAsync();
        Assert.True(run.Succeeded);
        Assert.Equal(30 + 12, run.Created);
        return scenario;
    }

    [Fact]
    public async Task Two_schemes_in_one_storage_have_separate_issuers_and_number_series_each_without_a_gap()
    {
        await using var scenario = await BothIssuedAsync();
        var store = scenario.Get<InvoiceStore>();
        var series = scenario.Get<InvoiceNumberSeries>();

        var regionMitt = await store.ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var stockholm = await store.ListInvoicesAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30), regionMitt.Select(i => i.Number.Sequence));
        Assert.Equal(Enumerable.Range(1, 12), stockholm.Select(i => i.Number.Sequence));
        Assert.Equal(Enumerable.Range(1, 30), (await series.ListAsync("vasteras-stad", 2026, CancellationToken.None)).Select(r => r.Number.Sequence));
        Assert.Equal(Enumerable.Range(1, 12), (await series.ListAsync("stockholms-stad", 2026, CancellationToken.None)).Select(r => r.Number.Sequence));

        // Stockholm's own share is computed, not invoiced; the twelve others pay the rest of 4,0 mnkr.
        Assert.DoesNotContain(stockholm, i => i.DebtorCode.Value == "0180");
        Assert.Equal(Money.FromKronor(4_000_000 - 1_980_087), Money.Sum(stockholm.Select(i => i.Total)));

        // Each PDF names its own issuer and bankgiro.
        var text = await PdfTextAsync(scenario, stockholm.Single(i => i.DebtorCode.Value == "0114"));
        Assert.Contains("Stockholms stad", text, StringComparison.Ordinal);
        Assert.Contains("991-2353", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Västerås", text, StringComparison.Ordinal);
        var vasteras = await PdfTextAsync(scenario, regionMitt.Single(i => i.Number.Sequence == 1));
        Assert.Contains("991-2346", vasteras, StringComparison.Ordinal);
        Assert.DoesNotContain("Stockholms stad", vasteras, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_number_in_two_series_is_found_by_the_scheme_or_the_account_paid_to_never_guessed()
    {
        await using var scenario = await BothIssuedAsync();
        var finder = scenario.Get<InvoiceFinder>();
        var first = new InvoiceNumber(2026, 1);

        var stockholmFirst = await finder.FindAsync(first, CancellationToken.None, StockholmScenario.Scheme) as Invoice;
        var regionMittFirst = await finder.FindAsync(first, CancellationToken.None, InvoicingScenario.Scheme) as Invoice;
        Assert.Equal(StockholmScenario.Scheme, stockholmFirst!.Scheme);
        Assert.Equal(InvoicingScenario.Scheme, regionMittFirst!.Scheme);
        Assert.Equal(stockholmFirst.Ocr, regionMittFirst.Ocr);

        Assert.Equal(StockholmScenario.Scheme, (await finder.FindAsync(stockholmFirst.Ocr, "stockholms-stad", CancellationToken.None))!.Scheme);
        Assert.Equal(InvoicingScenario.Scheme, (await finder.FindAsync(stockholmFirst.Ocr, "vasteras-stad", CancellationToken.None))!.Scheme);
        var e = await Assert.ThrowsAsync<InvalidPaymentException>(() => finder.FindAsync(first, CancellationToken.None));
        Assert.Contains("name the scheme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_that_signs_gets_an_ordinary_invoice_one_that_left_a_full_credit_and_every_party_then_owes_its_new_share()
    {
        await using var scenario = await BothIssuedAsync();
        var store = scenario.Get<InvoiceStore>();
        var before = await store.ListAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        var vasbyInvoice = before.Single(i => i.DebtorCode.Value == "0114");

        // Vallentuna signs in March; Upplands Väsby's agreement turns out to have ended with 2025.
        var files = StockholmScenario.WithAgreements(text => text
            .Replace("0114,2021-01-01,,", "0114,2021-01-01,2025-12-31,", StringComparison.Ordinal)
            + "0115,2026-03-01,,KS 2026/31 (test)\n");
        scenario.AfterTheMeeting();
        var revisions = scenario.Get<BudgetRevisions>();
        await revisions.ReviseAsync(StockholmScenario.Scheme, 2026, files, CancellationToken.None);
        var (_, changes) = await revisions.DiffAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        await revisions.ApproveAsync(StockholmScenario.Scheme, 2026, RevisionScenario.Decision, CancellationToken.None);
        var run = await scenario.RunAsync();

        Assert.True(run.Succeeded);
        var after = await store.ListAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        var issued = after.Where(i => i.Revision == 1).ToArray();
        Assert.Equal(issued.Length, run.Created);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(i => i.Number.Sequence));

        var vallentuna = issued.Single(i => i.DebtorCode.Value == "0115");
        Assert.Equal((DocumentKind.Invoice, (DocumentReference?)null), (vallentuna.Kind, vallentuna.Corrects));
        var vasbyCredit = issued.Single(i => i.DebtorCode.Value == "0114");
        Assert.Equal(DocumentKind.CreditNote, vasbyCredit.Kind);
        Assert.Equal(vasbyInvoice.Number, vasbyCredit.Corrects!.Number);
        Assert.Equal(vasbyInvoice.Total, vasbyCredit.Total);
        Assert.Equal(PaymentStatus.Credited, after.OfType<Invoice>().Single(i => i.Number == vasbyInvoice.Number).Status);

        // Every party's documents now add up to its share under the revised agreements, and the pool is whole.
        var plan = InvoicePlanner.Allocate(DatasetLoader.Load(files)).ToInvoicePlan(new PartyCode("0180"));
        var net = after.GroupBy(i => i.DebtorCode).ToDictionary(g => g.Key, g => Money.Sum(g.Select(i => i.SignedTotal)));
        foreach (var share in plan.Invoices)
        {
            Assert.Equal(share.Net, net[share.Debtor.Code]);
        }

        Assert.Equal(Money.Zero, net[new PartyCode("0114")]);
        Assert.Equal(Money.FromKronor(4_000_000), Money.Sum(net.Values) + plan.OwnShares.Single().Net);
        Assert.Equal(issued.Length, changes.Count(c => c.Document is not null));
        Assert.Empty((await scenario.RunAsync()).Budgets);
    }

    [Fact]
    public async Task Agreements_seeded_with_a_draft_stay_as_approved_when_the_folder_is_seeded_again()
    {
        await using var scenario = new InvoicingScenario(azurite, StockholmScenario.Settings());
        await scenario.SeedAndApproveStockholmAsync();
        using var changed = new TempFolder(StockholmScenario.Dataset);
        File.AppendAllText(Path.Combine(changed.Path, "agreements.csv"), "0115,2026-03-01,,KS 2026/31 (test)\n");

        await scenario.Get<DatasetSeeder>().SeedAsync(DatasetLoader.Load(changed.Path), CancellationToken.None);

        var stored = await scenario.Get<AgreementStore>().GetAsync(StockholmScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(13, stored.Count);
        Assert.Equal(12, (await scenario.RunAsync()).Created);
    }

    private static async Task<string> PdfTextAsync(InvoicingScenario scenario, Invoice invoice)
    {
        using var content = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(invoice.BlobName, content, CancellationToken.None);
        using var pdf = PdfDocument.Open(content.ToArray());
        return string.Join(" ", pdf.GetPages().Select(p => p.Text));
    }

    /// <summary>A copy of a dataset folder to change, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        public TempFolder(string source)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "invoicing-it-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
            }
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
