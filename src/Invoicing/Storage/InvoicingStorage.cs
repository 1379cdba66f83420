using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Invoicing.Storage;

/// <summary>
/// The product's tables and blob containers, from the two service clients (singletons: they pool
/// connections and already retry transient faults). Creates what is missing once per process, after listing
/// what exists (two requests, not one per table and container).
/// </summary>
public sealed class InvoicingStorage(TableServiceClient tables, BlobServiceClient blobs, string namePrefix = "") : IDisposable
{
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public static readonly IReadOnlyList<string> TableNames =
        [
            StorageNames.Parties, StorageNames.PopulationSnapshots, StorageNames.Budgets, StorageNames.InvoiceNumbers, StorageNames.Invoices,
            StorageNames.UnmatchedPayments, StorageNames.Outbox, StorageNames.Agreements, StorageNames.BankFiles, StorageNames.AuditTrail,
            StorageNames.ChangeProposals, StorageNames.AccountingPeriods,
        ];

    public static readonly IReadOnlyList<string> ContainerNames =
        [StorageNames.InvoicesContainer, StorageNames.RemindersContainer, StorageNames.BankFilesContainer, StorageNames.ProcessedBankFilesContainer,
            StorageNames.BudgetRevisionsContainer, StorageNames.EInvoicesContainer, StorageNames.EInvoicesOutboxContainer, StorageNames.ArchivedBankFilesContainer,
            StorageNames.AuditSealsContainer];

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

            // Two listings instead of a create call per table and container: each create of something that exists
            // is a round trip answered 409 (and an exception inside the SDK), fourteen of them before every
            // command's first read. Only what is missing is created, all at once.
            var missingTables = MissingTablesAsync(cancellationToken);
            var missingContainers = MissingContainersAsync(cancellationToken);
            await Task.WhenAll(
                [
                    .. (await missingTables).Select(name => Table(name).CreateIfNotExistsAsync(cancellationToken)),
                    .. (await missingContainers).Select(name => Container(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)),
                ]);
            _created = true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    private async Task<List<string>> MissingTablesAsync(CancellationToken cancellationToken)
    {
        var filter = string.Join(" or ", TableNames.Select(name => TableClient.CreateQueryFilter($"TableName eq {namePrefix + name}")));
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in tables.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            existing.Add(table.Name);
        }

        return [.. TableNames.Where(name => !existing.Contains(namePrefix + name))];
    }

    private async Task<List<string>> MissingContainersAsync(CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var prefix = namePrefix.Length == 0 ? null : namePrefix.ToLowerInvariant() + "-";
        await foreach (var container in blobs.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None, prefix, cancellationToken))
        {
            existing.Add(container.Name);
        }

        return [.. ContainerNames.Where(name => !existing.Contains(Container(name).Name))];
    }

    public void Dispose() => _createLock.Dispose();
}
