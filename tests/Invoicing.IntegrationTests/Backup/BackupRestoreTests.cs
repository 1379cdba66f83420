using System.Globalization;
using Azure.Data.Tables;
using Invoicing.Accounting;
using Invoicing.Backup;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;
using Microsoft.Extensions.DependencyInjection;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Backup;

/// <summary>
/// A backup of a store with an invoiced and partly paid year, restored into a second, empty store (another name
/// prefix of the same Azurite): every row with every property and its type, every blob byte for byte; refusals
/// write nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackupRestoreTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "invoicing-backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_restore_brings_back_every_row_with_its_property_types_and_every_blob_byte_for_byte()
    {
        await using var source = await YearWithPaymentsAsync();
        var manifest = await source.Get<StoreBackup>().WriteAsync(BackupFolder.CreateNew(_folder), blobContents: true, CancellationToken.None);
        await using var target = Empty();

        var summary = await target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None);

        Assert.Equal(manifest.Tables.Sum(t => t.Rows), summary.TotalRows);
        Assert.Equal(manifest.Containers.Sum(c => c.Blobs), summary.TotalBlobs);
        Assert.True(summary.Rows[StorageNames.Invoices] >= 30 && summary.Rows[StorageNames.UnmatchedPayments] >= 1 && summary.Blobs[StorageNames.InvoicesContainer] == 30, Describe(summary));
        var (before, after) = (source.Get<InvoicingStorage>(), target.GetRequiredService<InvoicingStorage>());
        foreach (var table in InvoicingStorage.TableNames.Where(t => t != StorageNames.AuditTrail))
        {
            Assert.Equal(await RowsAsync(before, table), await RowsAsync(after, table));
        }

        // The audit trail comes back whole and goes on with the restore itself, still one unbroken chain.
        var (trailBefore, trailAfter) = (source.Get<Invoicing.Audit.AuditTrail>(), target.GetRequiredService<Invoicing.Audit.AuditTrail>());
        var (eventsBefore, eventsAfter) = (await trailBefore.ListAsync(new(), CancellationToken.None), await trailAfter.ListAsync(new(), CancellationToken.None));
        Assert.Equal(eventsBefore, eventsAfter.Take(eventsBefore.Count));
        Assert.Equal(Invoicing.Audit.AuditActions.StoreRestored, Assert.Single(eventsAfter.Skip(eventsBefore.Count)).Entry.Action);
        Assert.True((await trailAfter.VerifyAsync(CancellationToken.None)).Holds);

        foreach (var container in InvoicingStorage.ContainerNames)
        {
            Assert.Equal(await BlobsAsync(before, container), await BlobsAsync(after, container));
        }

        // What the commands read answers the same: the ledger, the unmatched list, the SIE file.
        Assert.Equal(await LedgerAsync(source.Services), await LedgerAsync(target));
        Assert.Equal(
            (await source.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Select(u => u.ToString()),
            (await target.GetRequiredService<SuspenseList>().ListOpenAsync(CancellationToken.None)).Select(u => u.ToString()));
        Assert.Equal(await SieAsync(source.Services, source), await SieAsync(target, source));
    }

    [Fact]
    public async Task Every_edm_type_comes_back_as_the_same_type_and_value_and_a_blobs_headers_and_metadata_with_it()
    {
        await using var source = Empty();
        var storage = source.GetRequiredService<InvoicingStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var written = new TableEntity("p-ä", "r 1")
        {
            ["Text"] = "Håbo \u00A0kommun \"citat\"\n",
            ["Empty"] = "",
            ["Int32"] = int.MinValue,
            ["Int64"] = long.MaxValue,
            ["Double"] = 0.1 + 0.2,
            ["Integral"] = 2.0,
            ["NaN"] = double.NaN,
            ["Yes"] = true,
            ["When"] = new DateTimeOffset(2026, 12, 4, 10, 11, 12, TimeSpan.Zero).AddTicks(1234567),
            ["Id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };
        await storage.Table(StorageNames.Outbox).AddEntityAsync(written);
        await storage.Container(StorageNames.BudgetRevisionsContainer).GetBlobClient("a/b c/å.json").UploadAsync(
            BinaryData.FromString("{}"),
            new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "application/json", ContentDisposition = "attachment", CacheControl = "no-cache" },
                Metadata = new Dictionary<string, string> { ["sha256"] = "x", ["revision"] = "3" },
            });
        await source.GetRequiredService<StoreBackup>().WriteAsync(BackupFolder.CreateNew(_folder), blobContents: true, CancellationToken.None);
        await using var target = Empty();

        await target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None);

        var restoredStorage = target.GetRequiredService<InvoicingStorage>();
        Assert.Equal(await RowsAsync(storage, StorageNames.Outbox), await RowsAsync(restoredStorage, StorageNames.Outbox));
        var row = Assert.Single(await RowsAsync(restoredStorage, StorageNames.Outbox));
        Assert.Contains("Int64:Int64:9223372036854775807", row, StringComparison.Ordinal);
        Assert.Contains("Double:Double:0.30000000000000004", row, StringComparison.Ordinal);
        Assert.Contains("Bytes:Byte[]:AAEC/w==", row, StringComparison.Ordinal);
        Assert.Contains("Id:Guid:0f8fad5b-d9cb-469f-a165-70867728950e", row, StringComparison.Ordinal);
        Assert.Contains("When:DateTimeOffset:2026-12-04T10:11:12.1234567Z", row, StringComparison.Ordinal);
        var blob = (await restoredStorage.Container(StorageNames.BudgetRevisionsContainer).GetBlobClient("a/b c/å.json").GetPropertiesAsync()).Value;
        Assert.Equal(("application/json", "attachment", "no-cache"), (blob.ContentType, blob.ContentDisposition, blob.CacheControl));
        Assert.Equal(["revision=3", "sha256=x"], blob.Metadata.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_restore_into_a_store_that_holds_data_is_refused_and_writes_nothing()
    {
        await using var source = await IssuedAsync(azurite);
        await source.Get<StoreBackup>().WriteAsync(BackupFolder.CreateNew(_folder), blobContents: true, CancellationToken.None);
        await using var target = Empty();
        var storage = target.GetRequiredService<InvoicingStorage>();
        await storage.Table(StorageNames.Outbox).CreateIfNotExistsAsync();
        await storage.Table(StorageNames.Outbox).AddEntityAsync(new TableEntity("p", "r") { ["Note"] = "already here" });
        var contents = await StorageContents.TakeAsync(storage);

        var refusal = await Assert.ThrowsAsync<BackupException>(() => target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None));

        Assert.Equal("the store is not empty (table Outbox holds data): a restore goes only into an empty store; nothing was written.", refusal.Message);
        Assert.Equal(contents, await StorageContents.TakeAsync(storage));
    }

    [Theory]
    [InlineData("tables/Invoices.jsonl", "changed", "backup file tables/Invoices.jsonl does not match its SHA-256 in the manifest (changed); nothing was restored.")]
    [InlineData("containers/invoices.jsonl", "truncated", "backup file containers/invoices.jsonl is 100 bytes, the manifest says")]
    [InlineData("tables/Parties.jsonl", "deleted", "backup file tables/Parties.jsonl is missing; nothing was restored.")]
    public async Task A_backup_file_changed_truncated_or_missing_is_refused_naming_the_file_and_nothing_is_written(string file, string damage, string expected)
    {
        await using var source = await IssuedAsync(azurite);
        await source.Get<StoreBackup>().WriteAsync(BackupFolder.CreateNew(_folder), blobContents: true, CancellationToken.None);
        var path = Path.Combine(_folder, file);
        switch (damage)
        {
            case "changed":
                var bytes = await File.ReadAllBytesAsync(path);
                var at = Array.IndexOf(bytes, (byte)'4');
                bytes[at] = (byte)'5';
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case "truncated":
                await File.WriteAllBytesAsync(path, (await File.ReadAllBytesAsync(path))[..100]);
                break;
            default:
                File.Delete(path);
                break;
        }

        await using var target = Empty();

        var refusal = await Assert.ThrowsAsync<BackupException>(() => target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None));

        Assert.StartsWith(expected, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Empty(await StorageContents.TakeAsync(target.GetRequiredService<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_folder_without_a_manifest_is_not_a_backup_and_nothing_is_restored()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "tables"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "tables", "Invoices.jsonl"), "");
        await using var target = Empty();

        var refusal = await Assert.ThrowsAsync<BackupException>(() => target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None));

        Assert.Equal($"{_folder} holds no manifest.json: it is not a backup written by ./invoicing backup; nothing was restored.", refusal.Message);
        Assert.Empty(await StorageContents.TakeAsync(target.GetRequiredService<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_backup_that_records_blobs_by_hash_only_is_refused_by_a_restore_that_would_lose_them()
    {
        await using var source = await IssuedAsync(azurite);
        await source.Get<StoreBackup>().WriteAsync(BackupFolder.CreateNew(_folder), blobContents: false, CancellationToken.None);
        await using var target = Empty();

        var refusal = await Assert.ThrowsAsync<BackupException>(() => target.GetRequiredService<StoreRestore>().RestoreAsync(BackupFolder.Open(_folder), CancellationToken.None));

        Assert.Matches(@"^the backup records its \d+ blobs by SHA-256 and version id only \(the nightly backup in Azure\): restore the containers from their versions first \(docs/operations.md\); nothing was restored\.$", refusal.Message);
        Assert.Empty(await StorageContents.TakeAsync(target.GetRequiredService<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_backup_goes_only_into_a_new_or_empty_folder()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "mine");

        var refusal = Assert.Throws<BackupException>(() => BackupFolder.CreateNew(_folder));

        Assert.Equal($"{_folder} is not empty: a backup goes into a new or empty folder, so it never mixes with another.", refusal.Message);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_nightly_backup_is_written_once_a_day_and_a_rerun_the_same_day_writes_nothing()
    {
        await using var source = await IssuedAsync(azurite);
        var nightly = source.Get<NightlyBackup>();
        var backups = source.Get<InvoicingStorage>().Container(StorageNames.BackupsContainer);

        var first = await nightly.RunAsync(CancellationToken.None);
        var written = await ListAsync(backups);
        var again = await nightly.RunAsync(CancellationToken.None);

        Assert.Equal(("2026-03-04/", false, true), (first.Prefix, first.AlreadyDone, again.AlreadyDone));
        Assert.Equal(written, await ListAsync(backups));
        Assert.Contains("2026-03-04/manifest.json", written.Keys);
        Assert.Contains("2026-03-04/tables/Invoices.jsonl", written.Keys);
        Assert.Contains("2026-03-04/containers/invoices.jsonl", written.Keys);
        Assert.DoesNotContain(written.Keys, name => name.Contains("/blobs/", StringComparison.Ordinal));
        Assert.False(first.Written!.BlobContents);
        Assert.Equal(30, first.Written.Containers.Single(c => c.Name == StorageNames.InvoicesContainer).Blobs);

        source.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await nightly.RunAsync(CancellationToken.None);
        Assert.Equal(("2026-03-05/", false), (tomorrow.Prefix, tomorrow.AlreadyDone));
    }

    [Fact]
    public async Task A_nightly_run_after_one_that_failed_half_way_writes_a_whole_backup_beside_it_and_replaces_nothing()
    {
        await using var source = await IssuedAsync(azurite);
        var backups = source.Get<InvoicingStorage>().Container(StorageNames.BackupsContainer);
        await backups.CreateIfNotExistsAsync();
        await backups.GetBlobClient("2026-03-04/tables/Parties.jsonl").UploadAsync(BinaryData.FromString("partial"));
        var partial = await ListAsync(backups);

        var result = await source.Get<NightlyBackup>().RunAsync(CancellationToken.None);

        Assert.Equal("2026-03-04/retry-070000/", result.Prefix);
        var after = await ListAsync(backups);
        Assert.Equal(partial["2026-03-04/tables/Parties.jsonl"], after["2026-03-04/tables/Parties.jsonl"]);
        Assert.Contains("2026-03-04/retry-070000/manifest.json", after.Keys);
        Assert.True((await source.Get<NightlyBackup>().RunAsync(CancellationToken.None)).AlreadyDone);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<InvoicingScenario> YearWithPaymentsAsync()
    {
        var scenario = await IssuedAsync(azurite);
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "BANK-1", Transactions: [new(Ocr: ocr["1980"], Debtor: "Västerås stad")]))
            .Entry(new CamtEntry("5000.00", AccountServicerReference: "BANK-2", Transactions: [new(Ocr: ocr["1983"], Debtor: "Köpings kommun")]))
            .Entry(new CamtEntry("100.00", AccountServicerReference: "BANK-3", Transactions: [new(Ocr: OcrReference.Create("202699999").Value, Debtor: "Okänd")]))
            .ToBytes();
        await ImportAsync(scenario, "camt054-20260302.xml", camt);
        return scenario;
    }

    private ServiceProvider Empty() => TestServices.Create(azurite.ConnectionString, AzuriteFixture.NewPrefix(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(InvoicingScenario.RunTime));

    private static string Describe(RestoreSummary summary) =>
        string.Join(", ", summary.Rows.Select(p => $"{p.Key}={p.Value}").Concat(summary.Blobs.Select(p => $"{p.Key}={p.Value}")));

    /// <summary>Each row as its keys and every property with the CLR type the SDK read it as (its EDM type) and its value; Timestamp and ETag left out.</summary>
    private static async Task<List<string>> RowsAsync(InvoicingStorage storage, string table)
    {
        var rows = new List<string>();
        await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>())
        {
            rows.Add(string.Join("|", entity
                .Where(p => p.Key is not ("Timestamp" or "odata.etag"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}:{p.Value?.GetType().Name}:{Value(p.Value)}")));
        }

        return rows;
    }

    private static string Value(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        BinaryData data => Convert.ToBase64String(data.ToArray()),
        DateTimeOffset date => date.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    /// <summary>Each blob as its name, bytes, content type and metadata.</summary>
    private static async Task<List<string>> BlobsAsync(InvoicingStorage storage, string container)
    {
        var blobs = new List<string>();
        var client = storage.Container(container);
        await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value;
            blobs.Add($"{blob.Name}|{Convert.ToBase64String(content.Content.ToArray())}|{content.Details.ContentType}|" +
                string.Join(",", content.Details.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        }

        return blobs;
    }

    private static async Task<List<string>> LedgerAsync(IServiceProvider services) =>
        [.. (await services.GetRequiredService<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None))
            .Select(i => $"{i.Number}|{i.DebtorCode}|{i.Status}|{i.OwnRemaining}|{i.PdfSha256}")];

    private static async Task<byte[]> SieAsync(IServiceProvider services, InvoicingScenario clock)
    {
        var selection = new SieSelection(services.GetRequiredService<IssuerDirectory>().Default, new SiePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        return (await services.GetRequiredService<SieExport>().ExportAsync(selection, SwedishCalendar.Today(clock.Time), CancellationToken.None)).Bytes;
    }

    private static async Task<Dictionary<string, Azure.ETag?>> ListAsync(Azure.Storage.Blobs.BlobContainerClient container)
    {
        var blobs = new Dictionary<string, Azure.ETag?>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            blobs[blob.Name] = blob.Properties.ETag;
        }

        return blobs;
    }
}
