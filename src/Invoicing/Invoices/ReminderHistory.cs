using Azure.Data.Tables;
using Invoicing.Storage;

namespace Invoicing.Invoices;

/// <summary>The reminders recorded for an invoice, oldest first.</summary>
public sealed class ReminderHistory(InvoicingStorage storage)
{
    public async Task<IReadOnlyList<ReminderRecord>> ListAsync(InvoiceKey invoice, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year);
        var (after, before) = ($"{invoice.Number}-R-", $"{invoice.Number}-R.");
        var records = new List<ReminderRecord>();
        await foreach (var entity in storage.Table(StorageNames.Invoices).QueryAsync<InvoiceReminderEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0 && e.RowKey.CompareTo(before) < 0,
            cancellationToken: cancellationToken))
        {
            records.Add(entity.ToRecord());
        }

        return records.OrderBy(r => r.Level).ToArray();
    }

    /// <summary>Every reminder recorded on the invoices of a scheme's year (one partition query), by invoice and level.</summary>
    public async Task<IReadOnlyList<ReminderRecord>> ListYearAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var records = new List<ReminderRecord>();
        await foreach (var entity in storage.Table(StorageNames.Invoices).QueryAsync<InvoiceReminderEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RecordType eq {InvoiceReminderEntity.Record}"), cancellationToken: cancellationToken))
        {
            records.Add(entity.ToRecord());
        }

        return records.OrderBy(r => r.Invoice).ThenBy(r => r.Level).ToArray();
    }

    /// <summary>The reminder of <paramref name="level"/> recorded for the invoice; null when there is none.</summary>
    public async Task<ReminderRecord?> FindAsync(InvoiceKey invoice, int level, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var found = await storage.Table(StorageNames.Invoices).GetEntityIfExistsAsync<InvoiceReminderEntity>(
            InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year), InvoiceReminderEntity.RowKeyFor(invoice.Number, level), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToRecord() : null;
    }
}
