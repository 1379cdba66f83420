using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Storage;
using Invoicing.Web;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// The Functions app, compiled against the real isolated-worker packages and run in the real worker, does what
/// the library does for the CLI: every function loads, the timers issue and remind, every HTTP function answers
/// with the right status for each role, and the bank-file trigger survives Event Grid's redelivery.
/// </summary>
public sealed partial class FunctionsPlatformTests(FunctionsPlatform platform, ITestOutputHelper output) : IClassFixture<FunctionsPlatform>
{
    [Fact]
    public void Every_function_loads_in_the_real_worker_and_every_step_meets_its_expectation()
    {
        output.WriteLine($"Build {platform.BuildTime.TotalSeconds:0} s, run {platform.RunTime.TotalSeconds:0} s.");
        output.WriteLine(platform.ColdStart);
        output.WriteLine("The stand-in printed:");
        output.WriteLine(platform.Output);
        var functions = FunctionsPlatform.Metadata().Select(f => (string)f!["name"]!).ToList();
        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            Assert.Contains($"load: {function} -> Success", platform.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("MISMATCH:", platform.Output, StringComparison.Ordinal);
        Assert.Equal(0, platform.ExitCode);
    }

    [Fact]
    public void Functions_metadata_declares_exactly_the_API_routes_of_ApiRoutes_and_the_page_with_HEAD_beside_every_GET()
    {
        var declared = HttpTriggers().Select(t => (t.Method, t.Route)).Order().ToList();

        // Every GET route answers HEAD too, as under serve (HeadRequests): the host routes only the methods declared.
        var expected = ApiRoutes.All.Select(r => (r.Method.ToUpperInvariant(), r.Template))
            .Append(("GET", ApiRoutes.Page))
            .SelectMany(r => r.Item1 == "GET" ? new[] { r, ("HEAD", r.Item2) } : [r])
            .Order()
            .ToList();
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Timers_take_their_schedules_from_app_settings_that_the_deployment_and_local_settings_define()
    {
        var timers = Triggers("timerTrigger").ToDictionary(t => t.Function, t => (string)t.Binding["schedule"]!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["IssueAnnualInvoices"] = "%AnnualInvoicingSchedule%",
                ["SendPaymentReminders"] = "%PaymentRemindersSchedule%",
                ["SealAuditTrail"] = "%AuditSealSchedule%",
                ["BackUpStorage"] = "%StorageBackupSchedule%",
            },
            timers);

        var bicep = File.ReadAllText(Path.Combine(Testing.TestPaths.RepositoryRoot, "infra", "modules", "functionapp.bicep"));
        var localSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(Testing.TestPaths.RepositoryRoot, "src", "Invoicing.Functions", "local.settings.example.json")))!["Values"]!.AsObject();
        foreach (var schedule in timers.Values)
        {
            var setting = schedule.Trim('%');
            Assert.True(bicep.Contains($"name: '{setting}'", StringComparison.Ordinal), $"infra/modules/functionapp.bicep sets no app setting {setting}, which a timer's schedule names.");
            Assert.True(localSettings.ContainsKey(setting), $"local.settings.example.json has no {setting}, which a timer's schedule names.");
        }
    }

    [Fact]
    public void The_bank_file_trigger_listens_on_bank_files_through_Event_Grid_and_binds_no_content()
    {
        var (function, binding) = Assert.Single(Triggers("blobTrigger"));
        Assert.Equal("ImportBankFile", function);
        Assert.Equal("bank-files/{name}", (string)binding["path"]!);
        Assert.Equal("EventGrid", (string)binding["source"]!);

        // Bound as a BlobClient (deferred binding), not downloaded before the function runs: a redelivered event
        // for a blob already moved must reach our code.
        Assert.Equal("True", (string?)binding["properties"]?["supportsDeferredBinding"]);
    }

    [Fact]
    public async Task IssueAnnualInvoices_issues_the_approved_budget_and_a_second_firing_creates_nothing()
    {
        var first = platform.Step(PlatformSteps.Number("IssueAnnualInvoices", 1));
        var second = platform.Step(PlatformSteps.Number("IssueAnnualInvoices", 2));
        Assert.Contains("result: Success", first, StringComparison.Ordinal);
        Assert.Contains("result: Success", second, StringComparison.Ordinal);

        // The two firings' summaries, in order (FunctionsPlatform.WorkerLog says why they are read there).
        var summaries = CreatedInvoices().Matches(platform.WorkerLog).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, summaries.Count);
        var created = summaries[0];
        Assert.True(created > 0, platform.WorkerLog);
        Assert.Equal(0, summaries[1]);

        var invoices = await platform.Services.GetRequiredService<InvoiceStore>()
            .ListAsync(new SchemeId(FunctionsPlatform.Scheme), FunctionsPlatform.Year, CancellationToken.None);
        Assert.Equal(created, invoices.Count);

        var pdfs = 0;
        await foreach (var _ in platform.Services.GetRequiredService<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobsAsync())
        {
            pdfs++;
        }

        Assert.Equal(created, pdfs);
    }

    [Fact]
    public void SendPaymentReminders_runs_and_logs_its_summary()
    {
        var step = platform.Step(PlatformSteps.Number("SendPaymentReminders"));
        Assert.Contains("result: Success", step, StringComparison.Ordinal);
        Assert.Matches(@"Reminder run as of .*: \d+ reminders recorded, \d+ handed to manual follow-up, \d+ e-mails sent, 0 failed", platform.WorkerLog);
    }

    [Fact]
    public void BackUpStorage_writes_the_days_backup_once_and_a_second_firing_writes_nothing()
    {
        Assert.Contains("result: Success", platform.Step(PlatformSteps.Number("BackUpStorage", 1)), StringComparison.Ordinal);
        Assert.Contains("result: Success", platform.Step(PlatformSteps.Number("BackUpStorage", 2)), StringComparison.Ordinal);
        Assert.Matches(@"Backup written to backups/\d{4}-\d\d-\d\d/: \d+ rows of 12 tables, \d+ blobs of 9 containers recorded by SHA-256", platform.WorkerLog);
        Assert.Matches(@"Today's backup is already in backups/\d{4}-\d\d-\d\d/: nothing written", platform.WorkerLog);
    }

    [Fact]
    public void Every_HTTP_function_answers_through_the_worker_with_the_status_its_caller_earns()
    {
        var httpSteps = PlatformSteps.All.Select((step, index) => (step, number: index + 1)).Where(s => s.step.Kind == "http").ToList();
        foreach (var (step, number) in httpSteps)
        {
            var expected = (int)step.Fields["expectStatus"]!;
            var text = platform.Step(number);
            Assert.True(
                text.Contains($"{step.Fields["method"]} {step.Fields["path"]} -> {expected} ", StringComparison.Ordinal),
                $"Step {number} ({step.Function}, {step.Fields["principal"]?["claims"]?[1]?["val"] ?? "no principal"}) should answer {expected}:\n{text}");
        }

        // Every HTTP function of the app is exercised, and anonymous, reader and finance callers are all tried.
        var invoked = httpSteps.Select(s => s.step.Function).ToHashSet();
        foreach (var (function, _, _) in HttpTriggers())
        {
            Assert.True(invoked.Contains(function), $"No step invokes the HTTP function {function}.");
        }
    }

    [Fact]
    public void HEAD_on_a_GET_route_answers_as_the_GET_would_with_no_body()
    {
        var pdf = platform.Step(PlatformSteps.Number("InvoicePdf", 2));
        var page = platform.Step(PlatformSteps.Number("Page", 2));

        Assert.Contains($"HEAD {PlatformSteps.InvoicePath}/pdf -> 200 OK; content-type application/pdf; 0 bytes", pdf, StringComparison.Ordinal);
        Assert.Contains("HEAD / -> 200 OK; content-type text/html", page, StringComparison.Ordinal);
        Assert.Contains("; 0 bytes", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PDF_ZIP_and_ledger_downloads_are_whole()
    {
        using (var pdf = PdfDocument.Open(Path.Combine(FunctionsPlatform.DownloadFolder, "invoice.pdf")))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            Assert.Contains("202600001", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }

        var invoices = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "invoices.json"))).RootElement;
        using var zip = ZipFile.OpenRead(Path.Combine(FunctionsPlatform.DownloadFolder, "invoices.zip"));
        Assert.Equal(invoices.GetArrayLength(), zip.Entries.Count);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var head = new byte[5];
            stream.ReadExactly(head);
            Assert.Equal("%PDF-"u8.ToArray(), head);
        }

        // The e-invoices: invoice 202600001 (Håbo, with a buyer reference) and one UBL per invoice that has one.
        Assert.Contains("<cbc:ID>202600001</cbc:ID>", File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "invoice.xml")), StringComparison.Ordinal);
        using var einvoices = ZipFile.OpenRead(Path.Combine(FunctionsPlatform.DownloadFolder, "einvoices.zip"));
        Assert.Equal(invoices.EnumerateArray().Count(i => i.GetProperty("eInvoice").GetBoolean()), einvoices.Entries.Count);
        Assert.NotEmpty(einvoices.Entries);

        // The aging report holds what the list says is due, debtor by debtor, as of the year's last day.
        var aging = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "aging.json"))).RootElement;
        var dueByDebtor = invoices.EnumerateArray().Where(i => i.GetProperty("amountDue").GetDecimal() > 0)
            .GroupBy(i => i.GetProperty("debtorCode").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.GetProperty("amountDue").GetDecimal()));
        Assert.Equal(
            dueByDebtor.OrderBy(d => d.Key, StringComparer.Ordinal).ToList(),
            aging.GetProperty("rows").EnumerateArray().Select(r => KeyValuePair.Create(r.GetProperty("debtorCode").GetString()!, r.GetProperty("total").GetDecimal())).ToList());
        Assert.Equal(dueByDebtor.Values.Sum(), aging.GetProperty("totals").GetProperty("total").GetDecimal());

        var ledger = File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "ledger.csv"));
        Assert.Contains("202600001", ledger, StringComparison.Ordinal);
        var sie = Invoicing.Testing.Sie.SieReader.Read(File.ReadAllBytes(Path.Combine(FunctionsPlatform.DownloadFolder, "export.sie")));
        Assert.Equal(invoices.GetArrayLength(), sie.Vouchers.Count(v => v.Series == "F"));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        var period = Invoicing.Testing.Sie.SieReader.Read(File.ReadAllBytes(Path.Combine(FunctionsPlatform.DownloadFolder, "period.sie")));
        Assert.Equal("4I", period.Type);
        Assert.Equal(invoices.GetArrayLength(), period.Vouchers.Count(v => v.Series == "F"));
        Assert.Contains("<html", File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "index.html")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ImportBankFile_books_the_example_file_and_a_redelivered_event_after_the_move_is_a_no_op()
    {
        var import = platform.Step(PlatformSteps.Number("ImportBankFile", 1));
        Assert.Contains("result: Success", import, StringComparison.Ordinal);
        var booked = Assert.Single(BookedCount().Matches(platform.WorkerLog));
        Assert.True(int.Parse(booked.Groups[1].Value, CultureInfo.InvariantCulture) > 0, platform.WorkerLog);

        var listings = PlatformSteps.All.Select((step, index) => (step, number: index + 1)).Where(s => s.step.Kind == "listblobs").ToList();
        Assert.Contains($"/{PlatformSteps.BankFileName}", platform.Step(listings[0].number), StringComparison.Ordinal);
        Assert.Contains("blobs in bank-files: (none)", platform.Step(listings[1].number), StringComparison.Ordinal);

        var redelivered = platform.Step(PlatformSteps.Number("ImportBankFile", 2));
        Assert.Contains("result: Success", redelivered, StringComparison.Ordinal);
        Assert.Contains("is no longer in bank-files", platform.WorkerLog, StringComparison.Ordinal);

        // One import in all: each of the file's payments was booked once, none again by the redelivery.
        var bookings = platform.WorkerLog.Split('\n').Count(line => line.Contains($" from {PlatformSteps.BankFileName}:", StringComparison.Ordinal));
        Assert.Equal(int.Parse(booked.Groups[1].Value, CultureInfo.InvariantCulture), bookings);

        // The finance step's manual payment and the file's payments, each once.
        var invoices = await platform.Services.GetRequiredService<InvoiceStore>()
            .ListInvoicesAsync(new SchemeId(FunctionsPlatform.Scheme), FunctionsPlatform.Year, CancellationToken.None);
        Assert.Contains(invoices, invoice => invoice.Number.ToString() == "202600001" && invoice.AmountPaid == Money.FromKronor(100));
    }

    [Fact]
    public void The_blob_triggers_bank_file_is_archived_once_as_imported_by_the_function_and_downloads_byte_for_byte()
    {
        var files = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsPlatform.DownloadFolder, "bank-files.json"))).RootElement;
        var file = Assert.Single(files.EnumerateArray());
        Assert.Equal(PlatformSteps.BankFileId, file.GetProperty("sha256").GetString());
        Assert.Equal(("blob", "ImportBankFile", PlatformSteps.BankFileName), (file.GetProperty("entrance").GetString(), file.GetProperty("importedBy").GetString(), file.GetProperty("fileName").GetString()));

        var example = File.ReadAllBytes(Path.Combine(Invoicing.Testing.TestPaths.RepositoryRoot, "data", "examples", PlatformSteps.BankFileName));
        Assert.Equal(example, File.ReadAllBytes(Path.Combine(FunctionsPlatform.DownloadFolder, "archived-" + PlatformSteps.BankFileName)));
    }

    [Fact]
    public async Task A_worker_whose_issuer_has_a_bad_bankgiro_refuses_to_start_with_one_line_naming_the_setting()
    {
        var (worker, exited) = await platform.StartWithSettingAsync("Invoicing__Issuer__Bankgiro", "991-2345", CancellationToken.None);
        output.WriteLine(worker);

        Assert.True(exited, "the worker should end by itself at start:\n" + worker);
        var refusal = Assert.Single(worker.Split('\n'), line => line.Contains("Invoicing refuses to start", StringComparison.Ordinal));
        Assert.Matches(@"^ERR Invoicing refuses to start: Invoicing:Issuer:Bankgiro: .*check digit", refusal.TrimEnd('\r'));
        Assert.DoesNotContain("   at ", worker, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Function, JsonNode Binding)> Triggers(string type) =>
        from function in FunctionsPlatform.Metadata()
        from binding in function!["bindings"]!.AsArray()
        where (string)binding!["type"]! == type
        select ((string)function["name"]!, binding!);

    private static IEnumerable<(string Function, string Method, string Route)> HttpTriggers() =>
        from trigger in Triggers("httpTrigger")
        from method in trigger.Binding["methods"]!.AsArray()
        select (trigger.Function, ((string)method!).ToUpperInvariant(), (string)trigger.Binding["route"]!);

    [GeneratedRegex(@"Annual invoicing run: \d+ budgets, (\d+) invoices created")]
    private static partial Regex CreatedInvoices();

    [GeneratedRegex(@"Imported .*?: (\d+) booked")]
    private static partial Regex BookedCount();
}
