using System.Security.Cryptography;
using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>
/// Every bank file kept: whatever the entrance, an imported file is archived once, byte for byte, under its SHA-256,
/// with one record of its first import; every booking and unmatched entry names it; a refused file is not kept.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFileArchiveTests(AzuriteFixture azurite)
{
    private static readonly BankFileOrigin Terminal = new(BankFileEntrance.Cli, "eva@ekonomi-pc");

    [Fact]
    public async Task The_same_file_from_the_CLI_and_the_blob_trigger_is_archived_once_and_recorded_once_with_its_first_import()
    {
        await using var scenario = await IssuedAsync(azurite);
        var camt = await CamtAsync(scenario);
        var id = Sha256(camt);
        var intake = scenario.Get<BankFileIntake>();
        var storage = scenario.Get<InvoicingStorage>();

        var fromCli = await intake.ImportAsync(BankFileContent.FromBytes("camt-mars.xml", camt), Terminal, CancellationToken.None);
        scenario.Time.Advance(TimeSpan.FromHours(2));
        await storage.Container(StorageNames.BankFilesContainer).GetBlobClient("inbox/camt-igen.xml").UploadAsync(new BinaryData(camt));
        var fromBlob = await scenario.Get<BankFileInbox>().ImportAsync("inbox/camt-igen.xml", "ImportBankFile", CancellationToken.None);

        Assert.True(fromCli.FirstImport);
        Assert.Equal((1, 1), (fromCli.Report.Booked, fromCli.Report.Unmatched));
        Assert.False(fromBlob!.FirstImport);
        Assert.Equal((0, 1, 1), (fromBlob.Report.Booked, fromBlob.Report.AlreadyBooked, fromBlob.Report.AlreadyUnmatched));

        var blobs = await BlobNamesAsync(storage, StorageNames.ArchivedBankFilesContainer);
        Assert.Equal([id], blobs);
        var rows = await RowsAsync(storage);
        Assert.Equal(id, Assert.Single(rows).RowKey);

        var file = Assert.Single(await scenario.Get<BankFileArchive>().ListAsync(CancellationToken.None));
        Assert.Equal((id, id, "camt-mars.xml", (long)camt.Length), (file.Id, file.Sha256, file.FileName, file.Size));
        Assert.Equal((BankFileFormat.Camt054, "camt.054.001.08"), (file.Format, file.FormatName));
        Assert.Equal((BankFileEntrance.Cli, "eva@ekonomi-pc", new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero)), (file.Entrance, file.ImportedBy, file.ImportedAt));
        Assert.Equal(new BankFileCounts(Booked: 1, AlreadyBooked: 0, SamePayment: 0, Unmatched: 1, AlreadyUnmatched: 0, Outgoing: 0, NotBooked: 0), file.Counts);
        Assert.Equal(2, file.Imports);
        Assert.Equal(new BankFileImportAttempt("camt-igen.xml", BankFileEntrance.Blob, new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), "ImportBankFile"), file.LatestRepeat);
    }

    [Fact]
    public async Task Two_entrances_importing_one_file_at_once_keep_one_blob_and_one_record_that_counts_both()
    {
        await using var scenario = await IssuedAsync(azurite);
        var camt = await CamtAsync(scenario);
        var other = scenario.NewServices();

        var imports = await Task.WhenAll(
            scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("a.xml", camt), Terminal, CancellationToken.None),
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BankFileIntake>(other)
                .ImportAsync(BankFileContent.FromBytes("b.xml", camt), new BankFileOrigin(BankFileEntrance.Api, "Eva Ekonom"), CancellationToken.None));

        Assert.Single(imports, i => i.FirstImport);
        var storage = scenario.Get<InvoicingStorage>();
        Assert.Single(await BlobNamesAsync(storage, StorageNames.ArchivedBankFilesContainer));
        Assert.Single(await RowsAsync(storage));
        Assert.Equal(2, Assert.Single(await scenario.Get<BankFileArchive>().ListAsync(CancellationToken.None)).Imports);
        Assert.Equal(1, imports.Sum(i => i.Report.Booked));
    }

    [Fact]
    public async Task An_archived_file_comes_back_byte_for_byte_as_its_format_with_its_sha256()
    {
        await using var scenario = await IssuedAsync(azurite);
        var ocr = await OcrsAsync(scenario);

        // Latin-1 with CR LF, as Bankgirot sends it: any re-encoding or line-end change would show.
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0380"], 100_000, "000000000001").Name("Uppsala kommun – Övrigt")
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();
        var archive = scenario.Get<BankFileArchive>();

        var imported = await scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("BGMAX.txt", bgmax), Terminal, CancellationToken.None);
        using var copy = new MemoryStream();
        await archive.CopyToAsync(imported.File, copy, CancellationToken.None);

        Assert.Equal(bgmax, copy.ToArray());
        Assert.Equal((BankFileFormat.BgMax, "BgMax", "text/plain"), (imported.File.Format, imported.File.FormatName, imported.File.ContentType));
        var blob = scenario.Get<InvoicingStorage>().Container(StorageNames.ArchivedBankFilesContainer).GetBlobClient(Sha256(bgmax));
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(("text/plain", Sha256(bgmax), "BGMAX.txt"), (properties.ContentType, properties.Metadata["sha256"], Uri.UnescapeDataString(properties.Metadata["filename"])));
        Assert.Equal(imported.File, await archive.FindAsync(Sha256(bgmax), CancellationToken.None));
    }

    [Fact]
    public async Task Every_payment_booked_from_a_file_and_every_entry_it_listed_names_the_file_also_once_booked_by_hand()
    {
        await using var scenario = await IssuedAsync(azurite);
        var camt = await CamtAsync(scenario);
        var id = Sha256(camt);
        var invoices = await InvoicesAsync(scenario);

        var imported = await scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("camt.xml", camt), Terminal, CancellationToken.None);

        var ledger = scenario.Get<PaymentLedger>();
        var history = scenario.Get<PaymentHistory>();
        var paid = Assert.Single(await history.ListAsync(invoices["0380"].Key, CancellationToken.None));
        Assert.Equal(("camt.xml", id), (paid.Source, paid.FileId));
        var unmatched = Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(id, unmatched.FileId);
        Assert.Equal(id, imported.File.Id);

        await scenario.Get<SuspenseList>().BookAsync(unmatched.Id, invoices["1980"].Key, CancellationToken.None);

        var byHand = Assert.Single(await history.ListAsync(invoices["1980"].Key, CancellationToken.None));
        Assert.Equal(id, byHand.FileId);

        // A payment registered by hand has no file to name.
        await ledger.BookAsync(invoices["0305"].Key, PaymentBooking.Manual(invoices["0305"].Number, Money.FromKronor(1), new DateOnly(2026, 3, 1), null, "kontoutdrag 7"), CancellationToken.None);
        Assert.Null(Assert.Single(await history.ListAsync(invoices["0305"].Key, CancellationToken.None)).FileId);
    }

    [Fact]
    public async Task A_refused_file_is_neither_booked_nor_archived_nor_recorded_from_any_entrance()
    {
        await using var scenario = await IssuedAsync(azurite);
        var ocr = await OcrsAsync(scenario);
        var otherAccount = new Camt054Builder(8) { Account = "SE3550000000054910000003" }
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "OTHER-1", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes();
        var notABankFile = "%PDF-1.7 en faktura"u8.ToArray();
        var storage = scenario.Get<InvoicingStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var inbox = storage.Container(StorageNames.BankFilesContainer);
        await inbox.GetBlobClient("other.xml").UploadAsync(new BinaryData(otherAccount));
        var before = await StorageContents.TakeAsync(storage);
        var intake = scenario.Get<BankFileIntake>();

        await Assert.ThrowsAsync<InvalidPaymentException>(() => intake.ImportAsync(BankFileContent.FromBytes("other.xml", otherAccount), Terminal, CancellationToken.None));
        await Assert.ThrowsAsync<BankFileException>(() => intake.ImportAsync(BankFileContent.FromBytes("faktura.pdf", notABankFile), Terminal, CancellationToken.None));
        Assert.Equal(before, await StorageContents.TakeAsync(storage));

        // The blob trigger marks its refused file in place, and keeps nothing in the archive.
        await Assert.ThrowsAsync<InvalidPaymentException>(() => scenario.Get<BankFileInbox>().ImportAsync("other.xml", "ImportBankFile", CancellationToken.None));
        Assert.Equal("rejected", (await inbox.GetBlobClient("other.xml").GetPropertiesAsync()).Value.Metadata["status"]);
        Assert.Empty(await BlobNamesAsync(storage, StorageNames.ArchivedBankFilesContainer));
        Assert.Empty(await RowsAsync(storage));
        Assert.Empty(await scenario.Get<BankFileArchive>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_changes_between_being_read_and_being_archived_is_neither_archived_nor_booked()
    {
        await using var scenario = await IssuedAsync(azurite);
        var camt = await CamtAsync(scenario);
        var changed = camt.ToArray();
        changed[^2] = (byte)' ';
        var opened = 0;

        // Hashed and read as one file, then another under the same name when it is archived (a third opening).
        var content = new BankFileContent("camt.xml", () => new MemoryStream(++opened < 3 ? camt : changed, writable: false));
        var storage = scenario.Get<InvoicingStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var before = await StorageContents.TakeAsync(storage);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => scenario.Get<BankFileIntake>().ImportAsync(content, Terminal, CancellationToken.None));

        Assert.Equal($"camt.xml changed while it was imported: it now has SHA-256 {Sha256(changed)}, not the {camt.Length} bytes with SHA-256 {Sha256(camt)} that were read; nothing was kept or booked. Import it again.", error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(storage));
    }

    [Fact]
    public async Task An_archived_file_whose_bytes_no_longer_match_its_record_is_never_handed_out_whole()
    {
        await using var scenario = await IssuedAsync(azurite);
        var camt = await CamtAsync(scenario);
        var imported = await scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("camt.xml", camt), Terminal, CancellationToken.None);
        var altered = camt.ToArray();
        altered[^2] = (byte)' ';

        // Azurite has no WORM policy: an overwrite stands in for a damaged or tampered archive.
        await scenario.Get<InvoicingStorage>().Container(StorageNames.ArchivedBankFilesContainer).GetBlobClient(imported.File.Id)
            .UploadAsync(new BinaryData(altered), overwrite: true);
        using var copy = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => scenario.Get<BankFileArchive>().CopyToAsync(imported.File, copy, CancellationToken.None));

        Assert.Contains($"has SHA-256 {Sha256(altered)}, not the {camt.Length} bytes with the SHA-256 recorded at its import", error.Message, StringComparison.Ordinal);
        Assert.True(copy.Length < camt.Length, $"{copy.Length} of {camt.Length} bytes were handed out");
    }

    /// <summary>A camt.054 (version 08) paying Uppsala's invoice in full and one payment whose OCR names no invoice.</summary>
    private static async Task<byte[]> CamtAsync(InvoicingScenario scenario)
    {
        var invoices = await InvoicesAsync(scenario);
        return new Camt054Builder(8)
            .Entry(new CamtEntry(invoices["0380"].Total.ToInvariantString(), AccountServicerReference: "ARCHIVE-1", Transactions: [new(Ocr: invoices["0380"].Ocr.Value)]))
            .Entry(new CamtEntry("500.00", AccountServicerReference: "ARCHIVE-2", Transactions: [new(Ocr: "12345678903")]))
            .ToBytes();
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<List<string>> BlobNamesAsync(InvoicingStorage storage, string container)
    {
        var names = new List<string>();
        await foreach (var blob in storage.Container(container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static async Task<List<TableEntity>> RowsAsync(InvoicingStorage storage)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table(StorageNames.BankFiles).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
