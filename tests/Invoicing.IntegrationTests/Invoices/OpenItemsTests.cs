using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.IntegrationTests.Payments;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Storage;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Invoices;

/// <summary>
/// The index of open items the reminder run reads instead of every year's rows: kept by the ledger in the same
/// transactions that change an invoice, so it always names exactly the invoices a scan would find.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenItemsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_index_names_exactly_the_invoices_with_money_due_after_payments_a_void_and_a_reminder_handover()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        Assert.Equal(await ScannedOpenAsync(scenario), await IndexedAsync(scenario));
        Assert.Equal(invoices.Count, (await IndexedAsync(scenario)).Count);

        var ledger = scenario.Get<PaymentLedger>();
        var paidOn = new DateOnly(2026, 2, 1);
        // Paid in full, paid in part, paid twice over (then a refund owed, nothing due).
        await ledger.BookAsync(invoices["1980"].Key, new PaymentBooking("bank:1", "camt.xml", invoices["1980"].Total, paidOn), CancellationToken.None);
        await ledger.BookAsync(invoices["0380"].Key, new PaymentBooking("bank:2", "camt.xml", Money.FromKronor(100), paidOn), CancellationToken.None);
        await ledger.BookAsync(invoices["2180"].Key, new PaymentBooking("bank:3", "camt.xml", invoices["2180"].Total + invoices["2180"].Total, paidOn), CancellationToken.None);
        await scenario.Get<Invoicing.Issuing.InvoiceVoiding>().VoidAsync(invoices["1984"].Key, "Fakturerad av misstag", CancellationToken.None);

        var open = await IndexedAsync(scenario);
        Assert.Equal(await ScannedOpenAsync(scenario), open);
        Assert.DoesNotContain(invoices["1980"].Number.ToString(), open);
        Assert.DoesNotContain(invoices["2180"].Number.ToString(), open);
        Assert.DoesNotContain(invoices["1984"].Number.ToString(), open);
        Assert.Contains(invoices["0380"].Number.ToString(), open);

        // Two reminders and then the handover to a person: handed over, an invoice leaves the index.
        var reminders = scenario.Get<ReminderRun>();
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero));
        foreach (var day in new[] { new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17), new DateOnly(2026, 4, 1) })
        {
            await reminders.RunAsync(day, dryRun: false, CancellationToken.None);
            Assert.Equal(await ScannedOpenAsync(scenario), await IndexedAsync(scenario));
        }

        Assert.Empty(await IndexedAsync(scenario));
        Assert.Empty((await scenario.Get<InvoiceStore>().ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None)).SelectMany(y => y.Due));
    }

    [Fact]
    public async Task The_due_list_from_the_index_is_what_a_scan_of_every_invoice_finds()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        await scenario.Get<PaymentLedger>().BookAsync(invoices["1980"].Key, new PaymentBooking("bank:1", "camt.xml", invoices["1980"].Total, new DateOnly(2026, 2, 1)), CancellationToken.None);

        var listed = (await scenario.Get<InvoiceStore>().ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None)).SelectMany(y => y.Due).ToList();

        Assert.Equal(await ScannedOpenAsync(scenario), listed.Select(v => v.Invoice.Number.ToString()).ToHashSet());
        Assert.Equal(invoices.Count - 1, listed.Count);
    }

    [Fact]
    public async Task The_due_years_are_those_with_open_items_each_with_the_invoices_the_due_list_names_and_every_document_of_the_year()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        var store = scenario.Get<InvoiceStore>();
        await scenario.Get<PaymentLedger>().BookAsync(invoices["1980"].Key, new PaymentBooking("bank:1", "camt.xml", invoices["1980"].Total, new DateOnly(2026, 2, 1)), CancellationToken.None);
        await scenario.Get<Invoicing.Issuing.InvoiceVoiding>().VoidAsync(invoices["1984"].Key, "Fakturerad av misstag", CancellationToken.None);
        // A registered year of history with nothing open in it: not read.
        var (scheme, year) = (invoices["1980"].Scheme, invoices["1980"].Year);
        await scenario.Get<InvoicingStorage>().Table(StorageNames.Invoices).UpsertEntityAsync(
            new TableEntity(InvoicePartitionEntity.Partition, InvoiceEntity.PartitionKeyFor(scheme, year - 10)) { ["RecordType"] = "Partition" });

        var years = await store.ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None);

        var due = Assert.Single(years);
        // The open invoices a scan finds, in number order, each with the ETag its row has now.
        Assert.Equal((await ScannedOpenAsync(scenario)).Order(StringComparer.Ordinal), due.Due.Select(v => v.Invoice.Number.ToString()));
        foreach (var version in due.Due)
        {
            Assert.Equal((await store.FindVersionAsync(version.Invoice.Key, CancellationToken.None))!.ETag, version.ETag);
        }

        Assert.Equal((await store.ListAsync(scheme, year, CancellationToken.None)).Select(d => d.Number), due.Documents.Select(d => d.Number));
        Assert.Contains(due.Documents, d => d is CreditNote);
        Assert.DoesNotContain(due.Due, v => v.Invoice.Number == invoices["1980"].Number || v.Invoice.Number == invoices["1984"].Number);
    }

    [Fact]
    public async Task A_year_found_paid_is_not_asked_again_while_its_version_stands_and_is_asked_once_a_transaction_moves_it()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoices = await IssuedYear.InvoicesAsync(scenario);
        var store = scenario.Get<InvoiceStore>();
        var ledger = scenario.Get<PaymentLedger>();
        var (scheme, year) = (invoices["1980"].Scheme, invoices["1980"].Year);
        var n = 0;
        foreach (var invoice in invoices.Values)
        {
            await ledger.BookAsync(invoice.Key, new PaymentBooking($"bank:{++n}", "camt.xml", invoice.Total, new DateOnly(2026, 2, 1)), CancellationToken.None);
        }

        // A dry run only reads: nothing remembered.
        Assert.Empty(await store.ListDueYearsAsync(rememberPaidYears: false, CancellationToken.None));
        Assert.Null((await RegisteredAsync(scenario, scheme, year)).NoOpenItemsAtVersion);

        // The run remembers the year as paid at the version it read before the index.
        var version = await store.FindYearVersionAsync(scheme, year, CancellationToken.None);
        Assert.Empty(await store.ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None));
        Assert.Equal(version.ToString(), (await RegisteredAsync(scenario, scheme, year)).NoOpenItemsAtVersion);
        Assert.Empty(await store.ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None));

        // An invoice recorded in that year moves its version in the same transaction: the year is asked again, and its
        // new open invoice is due; and an index row the note would hide cannot exist without a move of the version.
        var added = invoices["1980"] with { Number = new InvoiceNumber(year, 9_001) };
        Assert.True(Assert.Single(await store.AddAllAsync([added], CancellationToken.None)));
        Assert.NotEqual(version, await store.FindYearVersionAsync(scheme, year, CancellationToken.None));
        var due = Assert.Single(await store.ListDueYearsAsync(rememberPaidYears: true, CancellationToken.None));
        Assert.Equal([added.Number], due.Due.Select(v => v.Invoice.Number));
        Assert.Equal(await ScannedOpenAsync(scenario), await IndexedAsync(scenario));
    }

    private static async Task<InvoicePartitionEntity> RegisteredAsync(InvoicingScenario scenario, SchemeId scheme, int year) =>
        (await scenario.Get<InvoicingStorage>().Table(StorageNames.Invoices).GetEntityAsync<InvoicePartitionEntity>(
            InvoicePartitionEntity.Partition, InvoiceEntity.PartitionKeyFor(scheme, year))).Value;

    /// <summary>What the index says is open: the invoice numbers of its rows, in every partition.</summary>
    private static async Task<HashSet<string>> IndexedAsync(InvoicingScenario scenario)
    {
        var table = scenario.Get<InvoicingStorage>().Table(StorageNames.Invoices);
        var numbers = new HashSet<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.GetString("RecordType") == OpenItemEntity.Record))
        {
            Assert.True(numbers.Add(row.GetString("InvoiceNumber")), $"{row.RowKey} is indexed twice");
        }

        return numbers;
    }

    /// <summary>What the reminder run used to find by scanning every invoice row: money due on its own rows, not handed over.</summary>
    private static async Task<HashSet<string>> ScannedOpenAsync(InvoicingScenario scenario)
    {
        var table = scenario.Get<InvoicingStorage>().Table(StorageNames.Invoices);
        var numbers = new HashSet<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.GetString("RecordType") == InvoiceEntity.InvoiceRecord))
        {
            if (row.GetInt64("AmountDueOre") > 0 && row.GetBoolean("NeedsManualFollowUp") != true)
            {
                numbers.Add(row.RowKey);
            }
        }

        return numbers;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
