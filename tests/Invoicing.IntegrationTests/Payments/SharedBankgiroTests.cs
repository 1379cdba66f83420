using System.Globalization;
using Azure.Storage.Blobs.Specialized;
using Invoicing.Payments;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>
/// A municipality's shared bankgiro (<c>Invoicing:Issuer:SharedAccount</c>): its files carry every receivable's
/// payments. Those with valid OCR numbers of other receivables are counted as not ours — kept in the archived file,
/// neither booked nor listed — while ours are booked and anything that could be ours waits on the unmatched list.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedBankgiroTests(AzuriteFixture azurite)
{
    private static readonly BankFileOrigin Terminal = new(BankFileEntrance.Cli, "eva@ekonomi-pc");

    private static Dictionary<string, string?> Shared
    {
        get
        {
            var settings = TestServices.ExampleIssuer();
            settings["Invoicing:Issuer:SharedAccount"] = "true";
            return settings;
        }
    }

    [Fact]
    public async Task A_shared_bankgiros_file_books_ours_lists_what_could_be_ours_and_counts_the_rest_as_not_ours_keeping_the_file_byte_for_byte()
    {
        await using var scenario = await IssuedAsync(azurite, Shared);
        var (camt, expected) = MixedFile(await OcrsAsync(scenario), others: 120);

        var imported = await scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("camt-kommunen.xml", camt), Terminal, CancellationToken.None);

        var report = imported.Report;
        Assert.Equal((expected.Booked, expected.NotOurs, expected.Unmatched), (report.Booked, report.NotOurs, report.Unmatched));
        Assert.Equal(expected.Booked + expected.Unmatched, report.Lines.Count);
        Assert.DoesNotContain(report.Lines, l => l.Outcome == ImportOutcome.NotOurs);
        Assert.Equal(expected.Unmatched, (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Count);
        Assert.Equal(expected.NotOurs, imported.File.Counts.NotOurs);
        Assert.Equal(expected.Booked + expected.NotOurs + expected.Unmatched, imported.File.Counts.Entries);

        var listed = Assert.Single(await scenario.Get<BankFileArchive>().ListAsync(CancellationToken.None));
        Assert.Equal(imported.File.Counts, listed.Counts);
        using var copy = new MemoryStream();
        await scenario.Get<BankFileArchive>().CopyToAsync(listed, copy, CancellationToken.None);
        Assert.Equal(camt, copy.ToArray());
    }

    [Fact]
    public async Task A_file_of_several_blocks_is_archived_byte_for_byte_as_one_committed_blob_and_imported_again_from_it()
    {
        await using var scenario = await IssuedAsync(azurite, Shared);
        // Over 8 MiB: staged in blocks of 4 MiB while it is read, committed once it is planned.
        var (camt, expected) = MixedFile(await OcrsAsync(scenario), others: 20_000);
        Assert.True(camt.Length > 8 * 1024 * 1024, $"{camt.Length} bytes");
        var blockCount = (camt.Length + (4 * 1024 * 1024) - 1) / (4 * 1024 * 1024);
        var intake = scenario.Get<BankFileIntake>();

        var imported = await intake.ImportAsync(BankFileContent.FromBytes("camt-kommunen.xml", camt), Terminal, CancellationToken.None);
        var again = await intake.ImportAsync(BankFileContent.FromBytes("camt-kommunen-igen.xml", camt), Terminal, CancellationToken.None);

        Assert.Equal((expected.Booked, expected.NotOurs), (imported.Report.Booked, imported.Report.NotOurs));
        Assert.Equal((false, 2, 0), (again.FirstImport, again.File.Imports, again.Report.Booked));
        var blob = scenario.Get<Invoicing.Storage.InvoicingStorage>().Container(Invoicing.Storage.StorageNames.ArchivedBankFilesContainer)
            .GetBlockBlobClient(imported.File.Id);
        var blocks = (await blob.GetBlockListAsync(Azure.Storage.Blobs.Models.BlockListTypes.All)).Value;
        Assert.Equal((blockCount, 0), (blocks.CommittedBlocks.Count(), blocks.UncommittedBlocks.Count()));
        using var copy = new MemoryStream();
        await scenario.Get<BankFileArchive>().CopyToAsync(imported.File, copy, CancellationToken.None);
        Assert.Equal(camt, copy.ToArray());
    }

    [Fact]
    public async Task The_same_file_on_a_dedicated_account_lists_every_other_receivable_as_before()
    {
        await using var scenario = await IssuedAsync(azurite);
        var (camt, expected) = MixedFile(await OcrsAsync(scenario), others: 12);

        var imported = await scenario.Get<BankFileIntake>().ImportAsync(BankFileContent.FromBytes("camt-kommunen.xml", camt), Terminal, CancellationToken.None);

        Assert.Equal((expected.Booked, 0, expected.Unmatched + expected.NotOurs), (imported.Report.Booked, imported.Report.NotOurs, imported.Report.Unmatched));
        Assert.Equal(expected.Unmatched + expected.NotOurs, (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_shared_bankgiros_BgMax_file_imported_twice_books_nothing_twice_and_counts_its_other_receivables_each_time()
    {
        await using var scenario = await IssuedAsync(azurite, Shared);
        var ocrs = await OcrsAsync(scenario);
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocrs["0380"], 100_000, "000000000001").Name("Uppsala kommun")
            .Payment(OcrReference.Create("310000000042").Value, 45_000, "000000000002").Name("Anna Andersson")
            .Payment(OcrReference.Create("700123").Value, 12_500, "000000000003").Name("Bo Berg")
            .Payment(new InvoiceNumber(2026, 417).ToOcrReference().Value, 5_000, "000000000004").Name("Cecilia Carlsson")
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();
        var intake = scenario.Get<BankFileIntake>();

        var first = await intake.ImportAsync(BankFileContent.FromBytes("BGMAX-kommunen.txt", bgmax), Terminal, CancellationToken.None);
        var again = await intake.ImportAsync(BankFileContent.FromBytes("BGMAX-kommunen.txt", bgmax), Terminal, CancellationToken.None);

        Assert.Equal((1, 2, 1), (first.Report.Booked, first.Report.NotOurs, first.Report.Unmatched));
        Assert.Equal((0, 1, 2, 1), (again.Report.Booked, again.Report.AlreadyBooked, again.Report.NotOurs, again.Report.AlreadyUnmatched));
        Assert.Equal(2, again.File.Imports);
        Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
    }

    /// <summary>
    /// A camt.054 (version 08) to the bankgiro as a shared account's would be: three payments of our invoices,
    /// <paramref name="others"/> payments with valid OCR numbers of other receivables (8, 14 and 16 digits, and 11 without
    /// our length digit), and three that could be ours: a failing check digit, an OCR of our form naming no invoice, no reference.
    /// </summary>
    private static (byte[] Camt, (int Booked, int NotOurs, int Unmatched) Expected) MixedFile(Dictionary<string, string> ours, int others)
    {
        var file = new Camt054Builder(8) { Account = "9912346" };
        var n = 0;
        CamtEntry Entry(string amount, CamtTransaction transaction) =>
            new(amount, AccountServicerReference: string.Create(CultureInfo.InvariantCulture, $"SHARED-{++n:0000}"), Transactions: [transaction]);

        foreach (var debtor in new[] { "0380", "0381", "0382" })
        {
            file.Entry(Entry("1000.00", new(Ocr: ours[debtor], Debtor: $"Kommun {debtor}")));
        }

        for (var i = 0; i < others; i++)
        {
            var other = (i % 4) switch
            {
                0 => OcrReference.Create(string.Create(CultureInfo.InvariantCulture, $"{700_000 + i}")),
                1 => OcrReference.Create(string.Create(CultureInfo.InvariantCulture, $"{31_000_000_000 + i}")),
                2 => OcrReference.Create(string.Create(CultureInfo.InvariantCulture, $"{5_500_000_000_000 + i}")),
                _ => OcrReference.Create(string.Create(CultureInfo.InvariantCulture, $"{4_000_000_000 + i}"), withLengthDigit: false),
            };
            file.Entry(Entry("250.00", new(Ocr: other.Value, Debtor: "Invånare")));
        }

        var valid = OcrReference.Create("310000000042").Value;
        file.Entry(Entry("99.00", new(Ocr: valid[..^1] + (valid[^1] == '9' ? '0' : (char)(valid[^1] + 1)), Debtor: "Felskrivet")));
        file.Entry(Entry("98.00", new(Ocr: new InvoiceNumber(2026, 417).ToOcrReference().Value, Debtor: "Okänd faktura")));
        file.Entry(Entry("97.00", new(Unstructured: "Bidrag", Debtor: "Utan referens")));
        return (file.ToBytes(), (3, others, 3));
    }
}
