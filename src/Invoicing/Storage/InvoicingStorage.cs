using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Invoicing.Storage;

/// <summary>
/// The product's tables and blob containers, from the two service clients (singletons: they pool
/// connections and already retry transient faults). Creates what is missing once per process.
/// </summary>
public sealed class InvoicingStorage(TableServiceClient tables, BlobServiceClient blobs, string namePrefix = "") : IDisposable
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public static readonly IReadOnlyList<string> TableNames =
        [
            StorageNames.Parties, StorageNames.PopulationSnapshots, StorageNames.Budgets, StorageNames.InvoiceNumbers, StorageNames.Invoices,
            StorageNames.UnmatchedPayments, StorageNames.Outbox, StorageNames.Agreements,
        ];

    public static readonly IReadOnlyList<string> ContainerNames =
        [StorageNames.InvoicesContainer, StorageNames.RemindersContainer, StorageNames.BankFilesContainer, StorageNames.ProcessedBankFilesContainer,
            StorageNames.BudgetRevisionsContainer, StorageNames.EInvoicesContainer, StorageNames.EInvoicesOutboxContainer];

    public TableClient Table(string name) => tables.GetTableClient(namePrefix + name);

    public BlobContainerClient Container(string name) =>
        blobs.GetBlobContainerClient(namePrefix.Length == 0 ? name : namePrefix.ToLowerInvariant() + "-" + name);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (_created)
            {
                return;
            }

            foreach (var name in TableNames)
            {
                await Table(name).CreateIfNotExistsAsync(cancellationToken);
            }

            foreach (var name in ContainerNames)
            {
                await Container(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            _created = true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    public void Dispose() => _createLock.Dispose();
}
