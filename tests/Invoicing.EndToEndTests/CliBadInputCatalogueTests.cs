using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// The catalogue's terminal cases (docs/bad-input.md): against one issued year, each bad command line, file or
/// date gets one line <c>error: …</c> naming the problem, no stack trace, the documented exit code, and leaves
/// every table and blob exactly as it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliBadInputCatalogueTests(AzuriteFixture azurite)
{
    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static CliRunner? _world;

    /// <summary>Case id, arguments ({dir} is the working folder, {file:NAME} a prepared file), exit code, expected text.</summary>
    public static TheoryData<string, string[], int, string> Cases() => new()
    {
        { "cli-year-0", ["invoices", "list", "--year", "0"], 2, "--year 0 is not a year from 2000 to 2999" },
        { "cli-year-5-digits", ["budget", "show", "--year", "20260"], 2, "--year 20260 is not a year from 2000 to 2999" },
        { "cli-year-not-a-number", ["invoices", "list", "--year", "tjugo"], 2, "tjugo" },
        { "cli-unknown-command", ["invoice", "list"], 2, "invoice" },
        { "cli-missing-required-option", ["invoices", "list"], 2, "--year" },
        { "cli-remind-future-real-run", ["remind", "--as-of", "2099-01-05"], 1, "after today" },
        { "cli-remind-bad-date", ["remind", "--as-of", "2026-13-01"], 1, "--as-of '2026-13-01' is not a date in the form yyyy-MM-dd" },
        { "cli-approve-future-decision", ["budget", "approve", "--year", "2026", "--decided-on", "2099-01-01", "--reference", "x"], 1, "the decision date 2099-01-01 is after today" },
        { "cli-approve-empty-reference", ["budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", " "], 1, "A budget decision needs a reference" },
        { "cli-register-dated-1900", ["payments", "register", "202600014", "--amount", "100", "--date", "1900-01-01"], 1, "Invoice 202600014 was issued 2026-12-04; a payment dated 1900-01-01, before 2025-01-01, cannot be one of it (is the date mistyped?). Nothing was booked." },
        { "cli-register-future", ["payments", "register", "202600014", "--amount", "100", "--date", "2099-01-01"], 1, "Invoice 202600014: a payment dated 2099-01-01 is after today (2026-12-04); book it when it has been received." },
        { "cli-register-negative", ["payments", "register", "202600014", "--amount", "-5", "--date", "2026-03-01"], 1, "Invoice 202600014: a payment must be a positive amount, not -5,00\u00A0kr." },
        { "cli-register-three-decimals", ["payments", "register", "202600014", "--amount", "1,005", "--date", "2026-03-01"], 1, "--amount '1,005'" },
        { "cli-register-unknown-invoice", ["payments", "register", "202699999", "--amount", "100", "--date", "2026-03-01"], 1, "202699999" },
        { "cli-book-unknown-unmatched", ["payments", "book", "ffffffffffff", "--invoice", "202600014"], 1, "ffffffffffff" },
        { "cli-import-missing-file", ["payments", "import", "{dir}/nothing.xml"], 1, "nothing.xml: file not found" },
        { "cli-import-not-a-bank-file", ["payments", "import", "{file:faktura.pdf}"], 1, "not a camt.054 or BgMax file" },
        { "cli-import-other-account", ["payments", "import", "{file:other-account.xml}"], 1, "addressed to account SE3550000000054910000003, which is not ours" },
        { "cli-import-other-bankgiro", ["payments", "import", "{file:other-bankgiro.txt}"], 1, "addressed to account 50501055, which is not ours" },
        { "cli-import-reference-too-long", ["payments", "import", "{file:long-reference.xml}"], 1, "payment texts (RmtInf) is 100000 characters; at most 1000 are kept" },
        { "cli-import-future-entry", ["payments", "import", "{file:future.xml}"], 1, "after today" },
        { "cli-import-bad-totals", ["payments", "import", "{file:bad-totals.txt}"], 1, "bad-totals.txt, line" },
        { "cli-files-download-unknown", ["payments", "files", "download", "ffffffffffff", "--out", "{dir}/files"], 1, "There is no archived bank file ffffffffffff (see ./invoicing payments files)." },
        { "cli-mail-retry-unknown", ["mail", "retry", "no-such-message"], 1, "no-such-message" },
        { "cli-download-unwritable-out", ["invoices", "download", "202600014", "--year", "2026", "--out", "/proc/invoicing-cannot-write-here"], 1, "/proc/invoicing-cannot-write-here" },
        { "cli-bad-storage", ["invoices", "list", "--year", "2026", "--storage", "this is not a connection string"], 1, "--storage (or INVOICING_STORAGE) is neither a storage connection string nor an https:// account URL" },
        { "cli-reconcile-missing-reference", ["reconcile", "--year", "2026", "--reference", "{dir}/missing.csv"], 1, "missing.csv" },
        { "cli-seed-missing-folder", ["seed", "--data", "{dir}/no-such-dataset"], 1, "does not exist" },
        { "cli-sie-from-after-to", ["export", "sie", "--from", "2026-02-01", "--to", "2026-01-31", "--out", "{dir}/x.si"], 1, "The period is empty: from 2026-02-01 is after to 2026-01-31." },
        { "cli-aging-bad-date", ["report", "aging", "--year", "2026", "--as-of", "2026-13-01"], 1, "--as-of '2026-13-01' is not a date in the form yyyy-MM-dd." },
        { "cli-aging-no-budget", ["report", "aging", "--year", "2031"], 1, "There is no budget for scheme region-mitt-pom, year 2031." },
        { "cli-prepare-over-a-budget", ["budget", "prepare", "--year", "2026", "--from", "2025"], 1, "Budget region-mitt-pom 2026 already exists (Approved); a budget is never prepared over another: look at it with budget show --year 2026 --scheme region-mitt-pom." },
        { "cli-prepare-without-source", ["budget", "prepare", "--year", "2031", "--from", "2030"], 1, "There is no budget for scheme region-mitt-pom, year 2030, to prepare 2031 from." },
        { "cli-prepare-unknown-snapshot", ["budget", "prepare", "--year", "2027", "--from", "2026", "--population", "scb-2099"], 1, "There is no population snapshot 'scb-2099'; import one with population import, or leave --population out to keep each line's own." },
        { "cli-prepare-from-not-before", ["budget", "prepare", "--year", "2027", "--from", "2027"], 1, "--from 2027 is not a year before --year 2027." },
        { "cli-sie-bad-date", ["export", "sie", "--from", "2026-13-01", "--out", "{dir}/x.si"], 1, "--from '2026-13-01' is not a date in the form yyyy-MM-dd." },
        { "cli-sie-spans-two-years", ["export", "sie", "--from", "2026-12-01", "--to", "2027-01-31", "--out", "{dir}/x.si"], 1, "spans the fiscal years 2026 and 2027; export 2026-12-01–2026-12-31 and 2027-01-01–2027-01-31 as two files" },
        { "cli-sie-no-period", ["export", "sie", "--out", "{dir}/x.si"], 1, "export sie needs the period: --from and --to" },
        { "cli-sie-unknown-scheme", ["export", "sie", "--scheme", "no-such-scheme", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "{dir}/x.si"], 1, "Scheme no-such-scheme has no approved budget, so no books to export" },
        { "cli-serve-bad-urls", ["serve", "--dev-role", "Invoicing.Finance", "--urls", "ftp://127.0.0.1:1"], 1, "--urls: 'ftp://127.0.0.1:1' is not an http:// or https:// address" },
        { "cli-refund-nothing-owed", ["payments", "refund", "202600014", "--year", "2026", "--amount", "100", "--date", "2026-03-01", "--reference", "r"], 1, "Invoice 202600014: a refund of 100,00\u00A0kr is more than the 0,00\u00A0kr owed back on it; nothing was booked." },
        { "cli-refund-future", ["payments", "refund", "202600014", "--year", "2026", "--amount", "100", "--date", "2099-01-01", "--reference", "r"], 1, "Invoice 202600014: a refund dated 2099-01-01 is after today (2026-12-04); book it when it has been paid out." },
        { "cli-refund-no-reference", ["payments", "refund", "202600014", "--year", "2026", "--amount", "100", "--date", "2026-03-01"], 2, "--reference" },
        { "cli-void-empty-reason", ["invoices", "void", "202600014", "--year", "2026", "--reason", " "], 1, "A void needs a reason (--reason): it is printed on the credit note." },
        { "cli-void-unknown-invoice", ["invoices", "void", "202699999", "--year", "2026", "--reason", "x"], 1, "There is no invoice 202699999 for scheme region-mitt-pom, year 2026." },
        { "cli-download-no-reminder", ["invoices", "download", "202600014", "--year", "2026", "--reminder", "1", "--out", "{dir}/r"], 1, "Invoice 202600014 has no reminder 1; none has been sent." },
        { "cli-download-reminder-of-all", ["invoices", "download", "--all", "--year", "2026", "--reminder", "1", "--out", "{dir}/r"], 1, "--reminder LEVEL downloads one invoice's reminder" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_command_is_one_error_line_with_its_exit_code_and_writes_nothing(string id, string[] arguments, int exitCode, string expected)
    {
        var cli = await WorldAsync();
        var storage = Storage(cli);
        var before = await StorageContents.TakeAsync(storage);

        var result = await cli.RunAsync([.. arguments.Select(a => Expand(cli, a))]);

        Assert.True(exitCode == result.ExitCode, $"{id}: {result}");
        var errorLine = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith("error: ", errorLine, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await StorageContents.TakeAsync(storage));
        Assert.False(File.Exists(Path.Combine(cli.WorkingDirectory, "x.si")), $"{id}: a refused export wrote its file");
    }

    private async Task<CliRunner> WorldAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            if (_world is null)
            {
                var cli = new CliRunner(azurite);
                foreach (var step in new[] { new[] { "seed" }, ["budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"], ["run"] })
                {
                    var result = await cli.RunAsync(step);
                    Assert.True(result.ExitCode == 0, result.ToString());
                }

                WriteFiles(cli);
                _world = cli;
            }

            return _world;
        }
        finally
        {
            WorldLock.Release();
        }
    }

    private static void WriteFiles(CliRunner cli)
    {
        const string Ocr = "12345678903";
        void Write(string name, byte[] content) => File.WriteAllBytes(Path.Combine(cli.WorkingDirectory, name), content);
        Write("faktura.pdf", "%PDF-1.7 hej"u8.ToArray());
        Write("other-account.xml", new Camt054Builder(8) { Account = "SE3550000000054910000003" }
            .Entry(new CamtEntry("100.00", AccountServicerReference: "X-1", BookingDate: "2026-03-02", Transactions: [new(Ocr: Ocr)])).ToBytes());
        Write("other-bankgiro.txt", new BgMaxBuilder().Start().Opening("50501055").Payment(Ocr, 10_000, "000000000001").Deposit("20260302", "00001").End().ToLatin1());
        Write("long-reference.xml", new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("100.00", AccountServicerReference: "L-1", BookingDate: "2026-03-02", Transactions: [new(Ocr: Ocr)]))
            .Entry(new CamtEntry("100.00", AccountServicerReference: "L-2", BookingDate: "2026-03-02", Transactions: [new(Unstructured: new string('7', 100_000))])).ToBytes());
        Write("future.xml", new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("100.00", AccountServicerReference: "F-1", BookingDate: "2099-03-02", Transactions: [new(Ocr: Ocr)])).ToBytes());
        Write("bad-totals.txt", new BgMaxBuilder().Start().Opening("9912346").Payment(Ocr, 10_000, "000000000001").Deposit("20260302", "00001", amountOre: 9_999).End().ToLatin1());
    }

    private static string Expand(CliRunner cli, string argument) =>
        argument.StartsWith("{file:", StringComparison.Ordinal) ? Path.Combine(cli.WorkingDirectory, argument[6..^1])
        : argument.Replace("{dir}", cli.WorkingDirectory, StringComparison.Ordinal);

    private InvoicingStorage Storage(CliRunner cli) =>
        new(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString), cli.Prefix);
}
