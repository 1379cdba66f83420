using Azure;
using Invoicing.Budgets;
using Invoicing.Storage;

namespace Invoicing.Invoices;

/// <summary>The invoice table: issued invoices with their payment status.</summary>
public sealed class InvoiceStore(InvoicingStorage storage, TimeProvider time)
{
    /// <summary>Records an issued invoice. False when it was already recorded (a repeated or concurrent run).</summary>
    public async Task<bool> AddAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        try
        {
            await storage.Table(StorageNames.Invoices).AddEntityAsync(InvoiceEntity.From(invoice, time.GetUtcNow()), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Invoice?> FindAsync(SchemeId scheme, int year, InvoiceNumber number, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var response = await storage.Table(StorageNames.Invoices).GetEntityIfExistsAsync<InvoiceEntity>(
            InvoiceEntity.PartitionKeyFor(scheme, year), number.ToString(), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToInvoice() : null;
    }

    /// <summary>A year's invoices in number order.</summary>
    public async Task<IReadOnlyList<Invoice>> ListAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var invoices = new List<Invoice>();
        await foreach (var entity in storage.Table(StorageNames.Invoices)
            .QueryAsync<InvoiceEntity>(e => e.PartitionKey == partition && e.RecordType == InvoiceEntity.InvoiceRecord, cancellationToken: cancellationToken))
        {
            invoices.Add(entity.ToInvoice());
        }

        return invoices.OrderBy(i => i.Number).ToArray();
    }
}
