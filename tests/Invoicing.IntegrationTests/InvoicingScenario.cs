using System.Security.Cryptography;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>
/// One test's world: the product's services over Azurite under a fresh prefix, a fake clock, a fault
/// injector, and the bundled Region Mitt 2026 data.
/// </summary>
internal sealed class InvoicingScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset RunTime = new(2026, 1, 20, 5, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly List<ServiceProvider> _providers = [];
    private readonly IDictionary<string, string?>? _settings;

    public InvoicingScenario(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        _azurite = azurite;
        _settings = settings;
        Services = NewServices(Faults);
    }

    public string Prefix { get; } = AzuriteFixture.NewPrefix();

    public FakeTimeProvider Time { get; } = new(RunTime);

    public FaultInjectionPolicy Faults { get; } = new();

    public ServiceProvider Services { get; }

    public static Dataset.Dataset BundledDataset => DatasetLoader.Load(TestPaths.BundledDataset);

    public static SchemeId Scheme => BundledDataset.Budget.Scheme;

    /// <summary>Another process's view of the same storage (its own clients), for concurrency tests.</summary>
    public ServiceProvider NewServices(FaultInjectionPolicy? faults = null, IDictionary<string, string?>? settings = null)
    {
        var provider = TestServices.Create(_azurite.ConnectionString, Prefix, Time, faults, settings ?? _settings);
        _providers.Add(provider);
        return provider;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task SeedAndApproveAsync(Dataset.Dataset? dataset = null)
    {
        dataset ??= BundledDataset;
        await Get<DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        await Get<BudgetApproval>().ApproveAsync(
            dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM 2025-12-15"), CancellationToken.None);
    }

    public Task<AnnualRunSummary> RunAsync(ServiceProvider? services = null, CancellationToken cancellationToken = default) =>
        (services ?? Services).GetRequiredService<AnnualInvoicingRun>().RunAsync(null, cancellationToken);

    /// <summary>
    /// Asserts the year holds exactly one complete set: <paramref name="expected"/> invoices numbered
    /// 1..n without a gap, one per debtor, each with its PDF whose SHA-256 matches, and no stray PDF.
    /// </summary>
    public async Task AssertOneCompleteSetAsync(int expected = 30, int year = 2026)
    {
        var invoices = await Get<InvoiceStore>().ListInvoicesAsync(Scheme, year, CancellationToken.None);
        Assert.Equal(expected, invoices.Count);
        Assert.Equal(Enumerable.Range(1, expected), invoices.Select(i => i.Number.Sequence));
        Assert.Equal(expected, invoices.Select(i => i.DebtorCode).Distinct().Count());

        var reservations = await Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", year, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, expected), reservations.Select(r => r.Number.Sequence));

        var archive = Get<InvoiceArchive>();
        foreach (var invoice in invoices)
        {
            using var content = new MemoryStream();
            await archive.DownloadToAsync(invoice.BlobName, content, CancellationToken.None);
            Assert.Equal(invoice.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(content.ToArray())));
            Assert.Equal(PaymentStatus.Unpaid, invoice.Status);
        }

        var blobs = new List<string>();
        await foreach (var blob in Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(invoices.Select(i => i.BlobName).Order(StringComparer.Ordinal), blobs.Order(StringComparer.Ordinal));
        await AssertEInvoicesAsync(invoices);
    }

    /// <summary>
    /// Every invoice has its UBL with a matching SHA-256, or a recorded reason why not; no stray UBL; and each
    /// e-invoice of a party with a Peppol endpoint is in the operator's outbox exactly once.
    /// </summary>
    private async Task AssertEInvoicesAsync(IReadOnlyList<Invoice> invoices)
    {
        var storage = Get<InvoicingStorage>();
        foreach (var invoice in invoices)
        {
            if (invoice.EInvoiceBlobName is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(invoice.EInvoiceMissingReason), $"invoice {invoice.Number} has neither an e-invoice nor a reason");
                continue;
            }

            var content = await storage.Container(StorageNames.EInvoicesContainer).GetBlobClient(invoice.EInvoiceBlobName).DownloadContentAsync();
            Assert.Equal(invoice.EInvoiceSha256, Convert.ToHexStringLower(SHA256.HashData(content.Value.Content.ToArray())));
        }

        async Task<List<string>> NamesAsync(string container)
        {
            var names = new List<string>();
            await foreach (var blob in storage.Container(container).GetBlobsAsync())
            {
                names.Add(blob.Name);
            }

            return names;
        }

        var withUbl = invoices.Where(i => i.EInvoiceBlobName is not null).Select(i => i.EInvoiceBlobName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(withUbl, (await NamesAsync(StorageNames.EInvoicesContainer)).Order(StringComparer.Ordinal));
        // The bundled parties with a buyer reference all have a Peppol endpoint, so each e-invoice is handed off.
        Assert.Equal(withUbl, (await NamesAsync(StorageNames.EInvoicesOutboxContainer)).Order(StringComparer.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
