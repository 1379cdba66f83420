using System.Diagnostics;
using System.Globalization;
using Invoicing;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Parties;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Planning;
using Invoicing.Populations;
using Invoicing.Reminders;
using Invoicing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Figures, not pass/fail: run with ./benchmark.sh [parties] (default 290, every municipality in Sweden).
var parties = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 290;
// A second argument `shared-bankgiro` measures only that case (after the run that issues the invoices it pays),
// `bank-file` only the year's first camt.054 of 100 000 entries, all ours, through the CLI (the same way);
// `reminders`, the reminder run without and with ten years of history (parts 5 and 8), each against its floor.
var all = args.Length < 2;
if (!all && args[1] is not ("shared-bankgiro" or "bank-file" or "ten-schemes" or "api-load" or "reminders"))
{
    throw new ArgumentException($"Unknown case '{args[1]}': the cases measured alone are shared-bankgiro, bank-file, ten-schemes, api-load and reminders.");
}

// `api-load` (issue 24, goal 5): the ten schemes' year issued in this process, then only the API under load on it.
if (args is [_, "api-load", ..])
{
    await ApiLoadOnTenSchemesAsync();
    return;
}

var reminderCases = all || args[1] == "reminders";

// `ten-schemes` (issue 24, goal 1): national schemes of one issuer in one `./invoicing run`, then nothing else.
if (args is [_, "ten-schemes", ..])
{
    await TenSchemesAsync();
    return;
}

var random = new Random(2026);
var dataset = SyntheticDataset(parties, random);
Console.WriteLine($"Invoicing benchmark: {parties} municipalities in one population pool of 4 000 000 kr; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
Console.WriteLine();

// 1. Allocation: pure arithmetic.
var partyTable = dataset.Parties.ToDictionary(p => p.Code);
var snapshots = dataset.Snapshots.ToDictionary(s => s.Id);
Measure("allocate the pool (largest remainder) + plan", 2_000, () => BudgetAllocator.Allocate(dataset.Budget, partyTable, snapshots).ToInvoicePlan());

// 2. PDF rendering: a pure function, once the dominant CPU cost of a run. One thread, so the rate is per core.
var issuer = Issuer.FromOptions(new ConfigurationBuilder().AddInMemoryCollection(TestServices.ExampleIssuer()).Build().GetSection(IssuerOptions.Section).Get<IssuerOptions>()!);
var plan = BudgetAllocator.Allocate(dataset.Budget, partyTable, snapshots).ToInvoicePlan();
var renderer = new InvoicePdfRenderer();
var reservation = new InvoiceReservation(dataset.Budget.Scheme, plan.Invoices[0].Debtor.Code, new InvoiceNumber(2026, 1), new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19));
var document = InvoiceComposer.Compose(dataset.Budget, plan.Invoices[0], issuer, reservation).Document;
var size = renderer.Render(document).Length;
// The rate is also given from the process's CPU time, which a machine shared with other work disturbs less than
// the wall clock does.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var pdf = Measure("render one invoice PDF", 300, () => renderer.Render(document));
var cpuPerPdf = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / 301; // 300 timed + 1 warm-up
Console.WriteLine(
    $"{"  invoice PDFs on one core",-52} {1000 / pdf.Milliseconds,8:0} PDF/s by the clock  {1000 / cpuPerPdf,6:0} PDF/s by CPU time  " +
    $"{size,7:N0} bytes/PDF  {pdf.AllocatedKiB,6:0.0} KiB allocated/PDF");

// The renderer keeps each font's compressed subset per glyph set, so the figure above (one document again and
// again) is the rate once a document's glyphs have been drawn before. A fresh renderer on 290 invoices addressed to
// the real municipality names (data/reference), which draw many glyph sets, gives the rate with those misses.
var realNames = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "data", "reference", "municipality_county.csv")).Skip(1).Select(l => l.Split(',')[1]).ToArray();
var named = realNames.Select((name, i) => InvoiceComposer.Compose(
    dataset.Budget,
    plan.Invoices[i % plan.Invoices.Count] with { Debtor = new Party(new PartyCode($"R{i:0000}"), PartyKind.Municipality, name, new CountyCode("01"), null, [], null, null) },
    issuer,
    reservation with { Number = new InvoiceNumber(2026, i + 1) }).Document).ToArray();
var fresh = new InvoicePdfRenderer();
var namedBytes = 0L;
var namedAllocated = GC.GetAllocatedBytesForCurrentThread();
var namedCpu = Process.GetCurrentProcess().TotalProcessorTime;
var namedClock = Stopwatch.StartNew();
foreach (var one in named)
{
    namedBytes += fresh.Render(one).Length;
}

var namedTime = namedClock.Elapsed.TotalMilliseconds / named.Length;
var namedCpuTime = (Process.GetCurrentProcess().TotalProcessorTime - namedCpu).TotalMilliseconds / named.Length;
Console.WriteLine(
    $"{$"  {named.Length} invoices to the real names, fresh renderer",-52} {namedTime,8:0.000} ms/PDF  {1000 / namedTime,6:0} PDF/s by the clock  {1000 / namedCpuTime,6:0} PDF/s by CPU time  " +
    $"{namedBytes / named.Length,7:N0} bytes/PDF  {(GC.GetAllocatedBytesForCurrentThread() - namedAllocated) / 1024.0 / named.Length,6:0.0} KiB allocated/PDF");

// 3. The whole annual run against a real Azurite: first run issues every invoice, second finds them all. Every
// write it sends is recorded, then sent again on its own: the storage floor.
await using var azurite = new AzuriteHost();
await azurite.StartAsync();
var recorder = new StorageRecorder();
var prefix = AzuriteFixture.NewPrefix();
// The run's clock: the system's, moved forward for the reminder run (real reminders are only recorded as of today).
var time = new ShiftedClock();
await using var services = await SeededStoreAsync(azurite.ConnectionString, prefix, dataset, time, recorder);
// The measured run is not this process's first: a run of 20 parties into a store of its own (other tables and
// containers, its own renderer) compiles the code paths and opens the connections first, as the floor, measured
// after the run, also finds them. A run in a fresh process pays that once: the warm-up's own time shows how much.
await using (var warmUpServices = await SeededStoreAsync(azurite.ConnectionString, AzuriteFixture.NewPrefix(), SyntheticDataset(20, new Random(1)), time, null))
{
    var warmUpClock = Stopwatch.StartNew();
    var warmUpRun = await warmUpServices.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
    Console.WriteLine($"{"annual run, warm-up (20 parties, a store of its own)",-52} {warmUpClock.Elapsed.TotalSeconds,8:0.00} s total  ({warmUpRun.Created} created; the process's first run: compiling, connecting)");
}

var run = services.GetRequiredService<AnnualInvoicingRun>();
var before = GC.GetTotalAllocatedBytes(precise: true);
recorder.Recording = true;
var clock = Stopwatch.StartNew();
var first = await run.RunAsync(2026, CancellationToken.None);
var firstTime = clock.Elapsed;
recorder.Recording = false;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
Console.WriteLine($"{"annual run, first (issues every invoice)",-52} {firstTime.TotalSeconds,8:0.00} s total  {firstTime.TotalMilliseconds / Math.Max(1, first.Created),8:0.0} ms/invoice  {allocated / (1024.0 * 1024),8:0.0} MiB allocated  ({first.Created} created)");
var firstFloor = await PrintFloorAsync("annual run", firstTime, recorder, azurite.ConnectionString);
clock.Restart();
var second = await run.RunAsync(2026, CancellationToken.None);
Console.WriteLine($"{"annual run, second (budget already complete)",-52} {clock.Elapsed.TotalMilliseconds,8:0.0} ms total  ({second.Created} created)");

// One run against its floor is one sample, and on two cores shared with Azurite a run or a floor varies by a
// fifth from one try to the next. The same run is measured six times more, each into a store of its own and
// each against its own floor; the ratio given for the goal is the median of the seven.
const int Samples = 7;
var samples = new List<(TimeSpan Run, TimeSpan Floor)> { (firstTime, firstFloor) };
for (var sample = 2; all && sample <= Samples; sample++)
{
    var sampleRecorder = new StorageRecorder();
    await using var sampleServices = await SeededStoreAsync(azurite.ConnectionString, AzuriteFixture.NewPrefix(), dataset, time, sampleRecorder);
    sampleRecorder.Recording = true;
    clock.Restart();
    var again = await sampleServices.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
    var againTime = clock.Elapsed;
    sampleRecorder.Recording = false;
    var againFloor = await StorageFloor.MeasureAsync(azurite.ConnectionString, sampleRecorder.Writes, sampleRecorder.MaxParallelWrites, CancellationToken.None);
    samples.Add((againTime, againFloor));
    Console.WriteLine($"{$"annual run, sample {sample} of {Samples} (a fresh store)",-52} {againTime.TotalSeconds,8:0.00} s total  floor {againFloor.TotalSeconds,5:0.00} s  ratio {againTime / againFloor,5:0.0}x  ({again.Created} created)");
}

var ratios = samples.Select(s => s.Run / s.Floor).Order().ToArray();
if (all)
{
    Console.WriteLine(
        $"{$"  annual run: ratio to the floor, median of {Samples}",-52} {ratios[Samples / 2],8:0.00}x  (each: {string.Join(" ", samples.Select(s => $"{s.Run / s.Floor:0.00}"))}; " +
        $"runs {samples.Min(s => s.Run).TotalSeconds:0.00}-{samples.Max(s => s.Run).TotalSeconds:0.00} s, floors {samples.Min(s => s.Floor).TotalSeconds:0.00}-{samples.Max(s => s.Floor).TotalSeconds:0.00} s)");
}

// 4. The year's ZIP as the API streams it (InvoiceZip, the handler's writer) to a sink that only counts, for
// the first 30 invoices and for all of them. Live heap is measured with a full collection every 256 KiB
// written: an archive built in memory would grow it by the ZIP's size, a streamed one by about one entry. A first
// small ZIP warms up what is created once (the ZIP and HTTP pipeline types), so the start is comparable.
// The annual run issues invoices only.
var issued = (await services.GetRequiredService<InvoiceStore>().ListAsync(dataset.Budget.Scheme, 2026, CancellationToken.None)).OfType<Invoice>().ToList();
var archive = services.GetRequiredService<InvoiceArchive>();
await Invoicing.Web.Exports.InvoiceZip.WriteAsync(Stream.Null, issued.Take(3).ToArray(), archive, CancellationToken.None);
foreach (var count in all ? new[] { Math.Min(30, issued.Count), issued.Count }.Distinct() : [])
{
    await MeasureZipAsync(issued.Take(count).ToArray(), archive);
}

// 5. The reminder run for every invoice, once all are overdue, and its storage floor.
if (reminderCases)
{
    var reminders = services.GetRequiredService<ReminderRun>();
    var asOf = issued.Max(i => i.DueDate).AddDays(11);
    time.Offset = asOf.ToDateTime(TimeOnly.MinValue) - DateTime.UtcNow.Date;
    recorder.Clear();
    recorder.Recording = true;
    clock.Restart();
    var reminded = await reminders.RunAsync(asOf, dryRun: false, CancellationToken.None);
    var reminderTime = clock.Elapsed;
    recorder.Recording = false;
    Console.WriteLine($"{"reminder run (every invoice overdue)",-52} {reminderTime.TotalSeconds,8:0.00} s total  {reminderTime.TotalMilliseconds / Math.Max(1, reminded.RemindersRecorded),8:0.0} ms/reminder  ({reminded.RemindersRecorded} reminders)");
    await PrintFloorAsync("reminder run", reminderTime, recorder, azurite.ConnectionString);
}

// 6. Bank files at scale: 100 000 payments of 1 kr on the invoices' OCR references, read and booked as one file
// (camt.054, then BgMax); then a 50 MB camt.054, only read. Peak working set is measured per step (Linux: reset via
// clear_refs).
var references = issued.Select(i => i.Ocr).ToArray();
var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

// The first file of the year through the CLI, as finance runs it: a process of its own reads and books 100 000
// camt.054 entries (the goal's time and peak working set); the imports measured in this process below then book
// on invoices that already have these payments.
var cliPath = Environment.GetEnvironmentVariable("INVOICING_CLI") is { Length: > 0 } path && File.Exists(path) ? path : null;
if ((all || args[1] == "bank-file") && cliPath is { } cli)
{
    var camtFile = Path.Combine(Path.GetTempPath(), $"invoicing-benchmark-{Guid.NewGuid():N}.xml");
    await File.WriteAllBytesAsync(camtFile, CamtGenerator.Generate(references, 100_000, yesterday, 0, "BENCH-C"));
    try
    {
        var (seconds, peakMiB, cpu, output) = await RunCliAsync(cli, azurite.ConnectionString, prefix, "payments", "import", camtFile);
        Console.WriteLine(
            $"{"CLI `payments import`, camt.054 of 100 000 entries",-52} {seconds,8:0.00} s (read + book, process start to exit)  peak working set {peakMiB} MiB  " +
            $"CPU {cpu:0.0} s  ({output.Trim().Split('\n')[^1].Trim()})");
    }
    catch (CliFailedException e)
    {
        // A figure not reached is a figure too: say so and go on to the other cases.
        Console.WriteLine($"{"CLI `payments import`, camt.054 of 100 000 entries",-52} FAILED after {e.Seconds:0.00} s: {e.Message}");
    }
    finally
    {
        File.Delete(camtFile);
    }
}
else if (all)
{
    Console.WriteLine("CLI payments import: not measured (set INVOICING_CLI to the built Invoicing.Cli.dll; ./benchmark.sh does)");
}

// A municipality's shared bankgiro (issue 24, goal 2): its file holds every receivable's payments, so of 100 000
// entries 100 pay our invoices and 99 900 carry valid OCR numbers of other receivables, not of our series' form. The
// issuer's account is set as shared (Invoicing:Issuer:SharedAccount), so those are counted as not ours, neither
// booked nor listed. Goal: <= 5 s process start to exit, peak working set <= 250 MB.
if (cliPath is { } cli3 && (all || args[1] == "shared-bankgiro"))
{
    var sharedFile = Path.Combine(Path.GetTempPath(), $"invoicing-benchmark-{Guid.NewGuid():N}.xml");
    await File.WriteAllBytesAsync(sharedFile, CamtGenerator.Generate(SharedBankgiro.References(references, 100_000, everyNth: 1_000), 100_000, yesterday, 0, "BENCH-S"));
    try
    {
        var (seconds, peakMiB, cpu, output) = await RunCliWithSettingsAsync(cli3, azurite.ConnectionString, prefix, SharedBankgiro.Setting, "payments", "import", sharedFile);
        Console.WriteLine(
            $"{"CLI `payments import`, shared bankgiro, 100 000 entries, 99.9 % not ours",-52} {seconds,8:0.00} s (process start to exit; goal 5 s: {seconds / 5,4:0.00}x)  " +
            $"peak working set {peakMiB} MiB (goal 250 MB: {peakMiB * 1024.0 * 1024 / 250_000_000,4:0.00}x)  CPU {cpu:0.0} s  ({SharedBankgiro.Totals(output)})");
    }
    catch (CliFailedException e)
    {
        Console.WriteLine($"{"CLI `payments import`, shared bankgiro, 100 000 entries, 99.9 % not ours",-52} FAILED after {e.Seconds:0.00} s (goal 5 s), peak working set {e.PeakMiB} MiB: {e.Message}");
    }
    finally
    {
        File.Delete(sharedFile);
    }
}

if (all)
{
    var bankImport = services.GetRequiredService<PaymentImport>();
    await MeasureBankFileAsync("camt.054, 100 000 entries, 2nd file", CamtGenerator.Generate(references, 100_000, yesterday, 0, "BENCH-A"), bankImport, recorder, azurite.ConnectionString);
    // Another day's payments: BgMax payments of the camt.054 files' day, amounts and OCR numbers would be taken for the
    // same payments delivered in the other format (docs/bank-files.md) and only recorded, not booked.
    await MeasureBankFileAsync("BgMax, 100 000 payments, 3rd file", BgMaxGenerator.Generate(references, 100_000, yesterday.AddDays(-1)), bankImport, recorder, azurite.ConnectionString);
    await MeasureBankFileAsync("camt.054, 50 MB", CamtGenerator.Generate(references, 70_000, yesterday, 300, "BENCH-B"), null, recorder, azurite.ConnectionString);
}

// 7. The CLI's start: `invoices list` on this store, as a user runs it (./benchmark.sh builds it as ./invoicing does).
if (!all)
{
}
else if (cliPath is { } cli2)
{
    var times = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        var (seconds, _, _, output) = await RunCliAsync(cli2, azurite.ConnectionString, prefix, "invoices", "list", "--year", "2026", "--scheme", "benchmark");
        times.Add(output.Contains("202600001", StringComparison.Ordinal)
            ? seconds
            : throw new InvalidOperationException($"invoices list did not list the benchmark's invoices: {output}"));
    }

    Console.WriteLine($"{"CLI `invoices list --year 2026` (process start to exit)",-52} {times[0],8:0.00} s first  {times.Min(),8:0.00} s best of {times.Count}");
}
else
{
    Console.WriteLine("CLI startup: not measured (set INVOICING_CLI to the built Invoicing.Cli.dll; ./benchmark.sh does)");
}

// 7b. The API under load (issue 24, goal 5): 20 readers at once on the year's invoices through `./invoicing serve`.
if (all && cliPath is { } cli4)
{
    Console.WriteLine(await Invoicing.Benchmarks.ApiLoad.MeasureAsync(
        cli4, azurite.ConnectionString, prefix, [new(dataset.Budget.Scheme.Value, 2026, [.. issued.Select(i => i.Number.ToString())])], readers: 20, rounds: 10));
}

// 8. Reminders with years of history (issue 24, goal 3): a store of its own, where the year is issued again and ten
// earlier years of 3 000 paid invoices each (an invoice row and a page of its payment, as the ledger writes them)
// are written into the same table. The daily run reads the index of open items, so a year more should not change
// what it reads: a dry run (reads only) after nine and after ten years, the listing against the scan it replaced,
// then the first reminder level for every invoice against its storage floor, as in part 5 without history. Last,
// because Azurite keeps a table in memory and filters a partition's rows out of the whole table's: every query
// on that table pays for the history there (not in Azure, where a partition is a range of its own).
if (reminderCases)
{
    time.Offset = TimeSpan.Zero;
    var historyRecorder = new StorageRecorder();
    await using var historyServices = await SeededStoreAsync(azurite.ConnectionString, AzuriteFixture.NewPrefix(), dataset, time, historyRecorder);
    await historyServices.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
    var historyIssued = (await historyServices.GetRequiredService<InvoiceStore>().ListAsync(dataset.Budget.Scheme, 2026, CancellationToken.None)).OfType<Invoice>().ToList();
    var invoiceTable = historyServices.GetRequiredService<Invoicing.Storage.InvoicingStorage>().Table(Invoicing.Storage.StorageNames.Invoices);
    var reminders = historyServices.GetRequiredService<ReminderRun>();
    var firstLevel = historyIssued.Max(i => i.DueDate).AddDays(11);
    time.Offset = firstLevel.ToDateTime(TimeOnly.MinValue) - DateTime.UtcNow.Date;
    var seedClock = Stopwatch.StartNew();
    for (var year = 2016; year <= 2024; year++)
    {
        await SeedPaidYearAsync(invoiceTable, dataset.Budget.Scheme, year, 3_000);
    }

    Console.WriteLine($"{"reminders with history: 9 years of 3 000 paid invoices",-52} {seedClock.Elapsed.TotalSeconds,8:0.00} s to write (an invoice row and a payment page each)");
    // The run is a daily one: each day before (here the invoices' due date, nothing to remind yet) it found the paid
    // years' indexes empty and noted them at their versions, so the runs measured ask them no more (part 11).
    var dueDay = historyIssued.Max(i => i.DueDate);
    await reminders.RunAsync(dueDay, dryRun: false, CancellationToken.None);
    var nine = await MeasureDryRemindersAsync(reminders, firstLevel);
    await SeedPaidYearAsync(invoiceTable, dataset.Budget.Scheme, 2025, 3_000);
    await reminders.RunAsync(dueDay, dryRun: false, CancellationToken.None);
    var ten = await MeasureDryRemindersAsync(reminders, firstLevel);
    // The listing alone, as the run makes it now (the index) and as it did (a scan of every row on non-key
    // properties), best of three each. Azurite keeps the table in memory and filters it there, so a scan costs it
    // little; Azure Table storage reads every partition's rows for it, in pages, and bills them.
    var store = historyServices.GetRequiredService<InvoiceStore>();
    var (indexed, indexedTime) = await BestOfThreeAsync(async () =>
        (await store.ListDueYearsAsync(rememberPaidYears: false, CancellationToken.None)).Sum(year => year.Due.Count));
    var (scanned, scanTime) = await BestOfThreeAsync(async () =>
    {
        var n = 0;
        await foreach (var _ in invoiceTable.QueryAsync<Azure.Data.Tables.TableEntity>("RecordType eq 'Invoice' and AmountDueOre gt 0 and NeedsManualFollowUp eq false"))
        {
            n++;
        }

        return n;
    });

    Console.WriteLine(
        $"{"  reminder dry run (reads only), 9 / 10 years of history",-52} {nine.TotalSeconds,8:0.00} s / {ten.TotalSeconds:0.00} s  (a year more: {ten / nine:0.00}x)");
    Console.WriteLine(
        $"{"  listing what may be due, 10 years of history",-52} {indexedTime.TotalMilliseconds,8:0} ms from the index ({indexed} invoices)  {scanTime.TotalMilliseconds:0} ms by the scan it replaced ({scanned}; in Azurite's memory)");

    // The like-for-like floor's table: as many rows as the run's table holds now, filled once (not timed) for every sample.
    var rowsBefore = 0;
    await foreach (var _ in invoiceTable.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"]))
    {
        rowsBefore++;
    }

    var filled = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient("filled" + Guid.NewGuid().ToString("N")[..12]);
    await StorageFloor.FillAsync(filled, rowsBefore, CancellationToken.None);

    historyRecorder.Clear();
    historyRecorder.Recording = true;
    var historyCpu = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
    var withHistory = await reminders.RunAsync(firstLevel, dryRun: false, CancellationToken.None);
    var secondTime = clock.Elapsed;
    // The run's own CPU (this process's: the product's work, not Azurite's), against a machine shared with others.
    var historyCpus = new List<TimeSpan> { Process.GetCurrentProcess().TotalProcessorTime - historyCpu };
    historyRecorder.Recording = false;
    Console.WriteLine($"{"reminder run (every invoice overdue), 10 years of history",-52} {secondTime.TotalSeconds,8:0.00} s total  {secondTime.TotalMilliseconds / Math.Max(1, withHistory.RemindersRecorded),8:0.0} ms/reminder  ({withHistory.RemindersRecorded} reminders)");
    var historyFloor = await PrintFloorAsync("reminder run with history", secondTime, historyRecorder, azurite.ConnectionString);
    await invoiceTable.DeleteAsync(CancellationToken.None);

    // One run against its floor is one sample, and the same writes' floor has taken 0.5-0.6 s or 1.2-1.8 s from
    // one replay to the next on the shared machine: as for the annual run, the same run is measured again, each time
    // in a store of its own with the year and its ten years of history, and the ratio given for the goal is the
    // median. Each sample's floor is the least of three replays (of four for the first, printed above with one): the least time storage needed.
    const int HistorySamples = 5;
    var historyRuns = new List<(TimeSpan Run, TimeSpan Floor, TimeSpan LikeForLike)>
    {
        (secondTime, await LeastOfThreeAsync(historyFloor, Floor(historyRecorder, azurite.ConnectionString)), await LeastOfThreeAsync(TimeSpan.MaxValue, LikeForLikeFloor(filled, historyRecorder, azurite.ConnectionString))),
    };
    Console.WriteLine(
        $"{"  with history, sample 1: the like-for-like floor",-52} {historyRuns[0].LikeForLike.TotalSeconds,8:0.00} s  ratio {secondTime / historyRuns[0].LikeForLike,5:0.0}x  " +
        $"(the same writes as adds and {historyRecorder.Writes.Sum(w => w.Changes)} changes of existing rows, into a table of {rowsBefore} rows)");
    for (var sample = 2; sample <= HistorySamples; sample++)
    {
        time.Offset = TimeSpan.Zero;
        var sampleRecorder = new StorageRecorder();
        await using var sampleServices = await SeededStoreAsync(azurite.ConnectionString, AzuriteFixture.NewPrefix(), dataset, time, sampleRecorder);
        await sampleServices.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
        var sampleTable = sampleServices.GetRequiredService<Invoicing.Storage.InvoicingStorage>().Table(Invoicing.Storage.StorageNames.Invoices);
        for (var year = 2016; year <= 2025; year++)
        {
            await SeedPaidYearAsync(sampleTable, dataset.Budget.Scheme, year, 3_000);
        }

        time.Offset = firstLevel.ToDateTime(TimeOnly.MinValue) - DateTime.UtcNow.Date;
        await sampleServices.GetRequiredService<ReminderRun>().RunAsync(dueDay, dryRun: false, CancellationToken.None);
        sampleRecorder.Recording = true;
        var againCpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var again = await sampleServices.GetRequiredService<ReminderRun>().RunAsync(firstLevel, dryRun: false, CancellationToken.None);
        var againTime = clock.Elapsed;
        historyCpus.Add(Process.GetCurrentProcess().TotalProcessorTime - againCpu);
        sampleRecorder.Recording = false;
        var againFloor = await LeastOfThreeAsync(TimeSpan.MaxValue, Floor(sampleRecorder, azurite.ConnectionString));
        var againLikeForLike = await LeastOfThreeAsync(TimeSpan.MaxValue, LikeForLikeFloor(filled, sampleRecorder, azurite.ConnectionString));
        historyRuns.Add((againTime, againFloor, againLikeForLike));
        var reads = sampleRecorder.Profile.GetValueOrDefault("reads");
        Console.WriteLine(
            $"{$"  with history, sample {sample} of {HistorySamples} (a fresh store)",-52} {againTime.TotalSeconds,8:0.00} s total  floor {againFloor.TotalSeconds,5:0.00} s  ratio {againTime / againFloor,5:0.0}x  " +
            $"like-for-like floor {againLikeForLike.TotalSeconds,5:0.00} s  ratio {againTime / againLikeForLike,5:0.0}x  " +
            $"(CPU {historyCpus[^1].TotalSeconds:0.00} s; {again.RemindersRecorded} reminders; {reads.Count} reads {reads.Time.TotalSeconds:0.00} s)");
        await sampleTable.DeleteAsync(CancellationToken.None);
    }

    var historyRatios = historyRuns.Select(s => s.Run / s.Floor).Order().ToArray();
    Console.WriteLine(
        $"{$"  with history: ratio to the least floor, median of {HistorySamples}",-52} {historyRatios[HistorySamples / 2],8:0.00}x  (each: {string.Join(" ", historyRuns.Select(s => $"{s.Run / s.Floor:0.00}"))}; " +
        $"runs {historyRuns.Min(s => s.Run).TotalSeconds:0.00}-{historyRuns.Max(s => s.Run).TotalSeconds:0.00} s, floors {historyRuns.Min(s => s.Floor).TotalSeconds:0.00}-{historyRuns.Max(s => s.Floor).TotalSeconds:0.00} s, " +
        $"CPU of the runs {historyCpus.Min().TotalSeconds:0.00}-{historyCpus.Max().TotalSeconds:0.00} s; load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "not known")})");
    var likeRatios = historyRuns.Select(s => s.Run / s.LikeForLike).Order().ToArray();
    Console.WriteLine(
        $"{$"  with history: ratio to the like-for-like floor, median",-52} {likeRatios[HistorySamples / 2],8:0.00}x  (each: {string.Join(" ", historyRuns.Select(s => $"{s.Run / s.LikeForLike:0.00}"))}; " +
        $"like-for-like floors {historyRuns.Min(s => s.LikeForLike).TotalSeconds:0.00}-{historyRuns.Max(s => s.LikeForLike).TotalSeconds:0.00} s: the same writes into a table of the same size, changes as changes)");
    await filled.DeleteAsync(CancellationToken.None);
}

Console.WriteLine();
Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");

// Ten national schemes of one issuer (issue 24, goal 1), each of Sweden's 290 municipalities in its county's pool
// (21 pools) and the 21 regions at fixed amounts: 311 invoices a scheme, 3 100 in all, one number series. Each count of
// schemes is issued by `./invoicing run` in a process of its own, as finance or a fresh Functions instance runs it
// (time from process start to exit, peak working set); then the same schemes are issued in this process into a fresh
// store with every write recorded, and the writes are sent again on their own: the storage floor, as in part 3.
static async Task TenSchemesAsync()
{
    var cli = Environment.GetEnvironmentVariable("INVOICING_CLI") is { Length: > 0 } path && File.Exists(path)
        ? path
        : throw new InvalidOperationException("ten-schemes measures the CLI: run it through ./benchmark.sh, which builds it and sets INVOICING_CLI.");
    var parties = NationalParties();
    Console.WriteLine($"Ten national schemes: {parties.Count(p => p.Kind == PartyKind.Municipality)} municipalities in 21 county pools and 21 regions a scheme, one issuer, one `./invoicing run`");
    await using var azurite = new AzuriteHost();
    await azurite.StartAsync();
    var time = new ShiftedClock();
    var figures = new List<(int Schemes, double Seconds, long PeakMiB)>();
    foreach (var schemes in new[] { 1, 5, 10 })
    {
        var datasets = Enumerable.Range(1, schemes).Select(k => NationalDataset(k, parties)).ToArray();
        var prefix = AzuriteFixture.NewPrefix();
        await (await SeededStoreOfAsync(azurite.ConnectionString, prefix, datasets, time, null)).DisposeAsync();
        var (seconds, peakMiB, cpu, output) = await RunCliAsync(cli, azurite.ConnectionString, prefix, "run", "--year", "2026");
        figures.Add((schemes, seconds, peakMiB));
        var created = output.Split('\n').FirstOrDefault(l => l.Contains("created", StringComparison.Ordinal))?.Trim() ?? output.Trim().Split('\n')[^1].Trim();
        Console.WriteLine(
            $"{$"CLI `run`, {schemes} scheme{(schemes == 1 ? "" : "s")} ({schemes * 311} invoices)",-52} {seconds,8:0.00} s (process start to exit{(schemes == 10 ? $"; goal 6 s: {seconds / 6:0.00}x" : "")})  " +
            $"peak working set {peakMiB} MiB{(schemes == 10 ? $" (goal 400 MB: {peakMiB / (400_000_000.0 / (1024 * 1024)):0.00}x)" : "")}  CPU {cpu:0.0} s  ({created})");

        // The same writes in this process, recorded, against their floor.
        var recorder = new StorageRecorder();
        await using var services = await SeededStoreOfAsync(azurite.ConnectionString, AzuriteFixture.NewPrefix(), datasets, time, recorder);
        recorder.Recording = true;
        var clock = Stopwatch.StartNew();
        var run = await services.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
        var runTime = clock.Elapsed;
        recorder.Recording = false;
        var floor = await StorageFloor.MeasureAsync(azurite.ConnectionString, recorder.Writes, recorder.MaxParallelWrites, CancellationToken.None);
        Console.WriteLine(
            $"{$"  in this process, {schemes} scheme{(schemes == 1 ? "" : "s")}",-52} {runTime.TotalSeconds,8:0.00} s  floor {floor.TotalSeconds:0.00} s  ratio {runTime / floor:0.00}x; " +
            $"the CLI's time to this floor {seconds / floor.TotalSeconds:0.00}x{(schemes == 10 ? " (goal 1.5x)" : "")}  ({run.Created} created)");

        // The API under load (issue 24, goal 5) on the goal's scale: the ten schemes' year the CLI just issued,
        // 20 readers listing the schemes' years in turn and fetching PDFs spread over all of them.
        if (schemes == 10)
        {
            await using var cliStore = TestServices.Create(azurite.ConnectionString, prefix, time, null);
            var issuedYears = await IssuedYearsAsync(cliStore, datasets);
            Console.WriteLine(await Invoicing.Benchmarks.ApiLoad.MeasureAsync(cli, azurite.ConnectionString, prefix, issuedYears, readers: 20, rounds: 10));
        }
    }

    var (one, ten) = (figures[0], figures[^1]);
    Console.WriteLine(
        $"{"  ten schemes against one",-52} time {ten.Seconds / one.Seconds:0.00}x for {ten.Schemes}x the invoices; peak working set {ten.PeakMiB / (double)one.PeakMiB:0.00}x (flat is 1x)");
}

// The API under load alone (issue 24, goal 5): the ten national schemes' year (3 110 invoices) issued in this process,
// then `./invoicing serve` on that store and 20 readers, as the ten-schemes case measures it after its CLI runs.
static async Task ApiLoadOnTenSchemesAsync()
{
    var cli = Environment.GetEnvironmentVariable("INVOICING_CLI") is { Length: > 0 } path && File.Exists(path)
        ? path
        : throw new InvalidOperationException("api-load measures `./invoicing serve`: run it through ./benchmark.sh, which builds it and sets INVOICING_CLI.");
    var parties = NationalParties();
    var datasets = Enumerable.Range(1, 10).Select(k => NationalDataset(k, parties)).ToArray();
    await using var azurite = new AzuriteHost();
    await azurite.StartAsync();
    var prefix = AzuriteFixture.NewPrefix();
    await using var services = await SeededStoreOfAsync(azurite.ConnectionString, prefix, datasets, TimeProvider.System, null);
    var clock = Stopwatch.StartNew();
    var run = await services.GetRequiredService<AnnualInvoicingRun>().RunAsync(2026, CancellationToken.None);
    Console.WriteLine($"{"ten national schemes issued in this process",-52} {clock.Elapsed.TotalSeconds,8:0.00} s  ({run.Created} created)");
    Console.WriteLine(await Invoicing.Benchmarks.ApiLoad.MeasureAsync(cli, azurite.ConnectionString, prefix, await IssuedYearsAsync(services, datasets), readers: 20, rounds: 10));
}

static async Task<List<Invoicing.Benchmarks.ApiLoad.SchemeYear>> IssuedYearsAsync(IServiceProvider services, IReadOnlyList<Dataset> datasets)
{
    var years = new List<Invoicing.Benchmarks.ApiLoad.SchemeYear>();
    foreach (var budget in datasets.Select(d => d.Budget))
    {
        var numbers = (await services.GetRequiredService<InvoiceStore>().ListAsync(budget.Scheme, budget.Year, CancellationToken.None)).Select(d => d.Number.ToString()).ToArray();
        years.Add(new(budget.Scheme.Value, budget.Year, numbers));
    }

    return years;
}

static Party[] NationalParties()
{
    var reference = Path.Combine(TestPaths.RepositoryRoot, "data", "reference");
    var municipalities = File.ReadLines(Path.Combine(reference, "municipality_county.csv")).Skip(1).Select(l => l.Split(','))
        .Select(f => new Party(new PartyCode(f[0]), PartyKind.Municipality, f[1], new CountyCode(f[3]), null, [], null, null));
    var regions = File.ReadLines(Path.Combine(reference, "counties.csv")).Skip(1).Select(l => l.Split(','))
        .Select(f => new Party(new PartyCode($"R{f[0]}"), PartyKind.Region, $"Region {f[2]}", new CountyCode(f[0]), null, [], null, null));
    return [.. municipalities, .. regions];
}

static Dataset NationalDataset(int number, IReadOnlyList<Party> parties)
{
    var populations = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "data", "reference", "folkmangd_2024.csv")).Skip(1).Select(l => l.Split(','))
        .ToDictionary(f => new PartyCode(f[0]), f => long.Parse(f[1], CultureInfo.InvariantCulture));
    var snapshot = new PopulationSnapshot("folkmangd-2024", "SCB 2024 (data/reference)", new DateOnly(2024, 12, 31),
        parties.Where(p => p.Kind == PartyKind.Municipality).ToDictionary(p => p.Code, p => populations[p.Code]));
    var counties = parties.Where(p => p.Kind == PartyKind.Region).OrderBy(p => p.County!.Value.Value, StringComparer.Ordinal).ToArray();
    BudgetLine[] lines =
    [
        .. counties.Select((region, i) => (BudgetLine)new PopulationPoolLine(
            i + 1, $"Kommunerna i {region.Name[7..]}", Money.FromKronor(400_000 + (10_000 * i)), new PoolParticipants.CountyMunicipalities(region.County!.Value), snapshot.Id, PopulationPoolLine.DefaultAllocationUnit)),
        .. counties.Select((region, i) => (BudgetLine)new FixedContributionLine(counties.Length + i + 1, region.Name, Money.FromKronor(250_000), region.Code)),
    ];
    return new Dataset(parties, [snapshot], new Budget(new SchemeId($"nationellt-{number:00}"), 2026, $"Nationellt program {number}", lines));
}

static async Task<TimeSpan> PrintFloorAsync(string what, TimeSpan runTime, StorageRecorder recorder, string connectionString)
{
    var writes = recorder.Writes;
    var floor = await StorageFloor.MeasureAsync(connectionString, writes, recorder.MaxParallelWrites, CancellationToken.None);
    var blobs = writes.Where(w => w.Kind == StorageWriteKind.Blob).ToArray();
    var entities = writes.Where(w => w.Kind == StorageWriteKind.Entity).ToArray();
    var transactions = writes.Where(w => w.Kind == StorageWriteKind.Transaction).ToArray();
    Console.WriteLine(
        $"{$"  {what}: storage floor",-52} {floor.TotalSeconds,8:0.00} s total  ratio {runTime / floor,5:0.0}x  " +
        $"({blobs.Length} blob writes of {blobs.Sum(b => (long)b.Bytes) / 1024} KiB, {entities.Length} entity writes, " +
        $"{transactions.Length} transactions of {transactions.Sum(t => t.Operations)} operations; at most {recorder.MaxParallelWrites} in flight)");

    // Where the run's time went: each kind of request with its summed time (more than the run's time when requests
    // overlap); the rest of a sequential run is the product's own work (planning, rendering, hashing).
    var profile = recorder.Profile;
    var requests = profile.Values.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Time);
    var parts = profile.OrderByDescending(p => p.Value.Time).Select(p => $"{p.Value.Count} {p.Key} {p.Value.Time.TotalSeconds:0.00} s");
    var rest = recorder.MaxParallelWrites <= 1 ? $"; not waiting on storage {(runTime - requests).TotalSeconds:0.00} s" : " (overlapping)";
    Console.WriteLine($"{$"  {what}: where the time goes",-52} {string.Join(", ", parts)}{rest}");
    return floor;
}

// The least of a floor already measured (TimeSpan.MaxValue: none yet) and three more replays of the recorded writes.
static async Task<TimeSpan> LeastOfThreeAsync(TimeSpan measured, Func<Task<TimeSpan>> replay)
{
    var least = measured;
    for (var i = 0; i < 3; i++)
    {
        var floor = await replay();
        least = floor < least ? floor : least;
    }

    return least;
}

// The floor of the recorded writes, as adds into an empty table (StorageFloor.MeasureAsync).
static Func<Task<TimeSpan>> Floor(StorageRecorder recorder, string connectionString) =>
    () => StorageFloor.MeasureAsync(connectionString, recorder.Writes, recorder.MaxParallelWrites, CancellationToken.None);

// The floor of the recorded writes, each operation of its kind, into a table of the run's size (StorageFloor.MeasureLikeForLikeAsync).
static Func<Task<TimeSpan>> LikeForLikeFloor(Azure.Data.Tables.TableClient filled, StorageRecorder recorder, string connectionString) =>
    () => StorageFloor.MeasureLikeForLikeAsync(connectionString, filled, recorder.Writes, recorder.MaxParallelWrites, CancellationToken.None);

static async Task MeasureBankFileAsync(string what, byte[] content, PaymentImport? import, StorageRecorder recorder, string connectionString)
{
    var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
    ResetPeakWorkingSet();
    var startMiB = PeakWorkingSetMiB();
    var clock = Stopwatch.StartNew();
    BankFile file;
    try
    {
        file = BankFileReader.Read($"{what}.xml", content);
    }
    catch (BankFileException e)
    {
        Console.WriteLine($"{$"{what} ({content.Length / (1024.0 * 1024):0.0} MiB): read",-52} {clock.Elapsed.TotalSeconds,8:0.00} s  refused: {e.Message}  peak working set {PeakWorkingSetMiB()} MiB");
        return;
    }

    var readTime = clock.Elapsed;
    var peakMiB = PeakWorkingSetMiB();

    // What the read keeps (the entries) as against what the process held before: the working set also counts
    // garbage not yet collected.
    var kept = (GC.GetTotalMemory(forceFullCollection: true) - liveBefore) / (1024.0 * 1024);
    Console.WriteLine(
        $"{$"{what} ({content.Length / (1024.0 * 1024):0.0} MiB): read",-52} {readTime.TotalSeconds,8:0.00} s  {file.Entries.Count} entries  " +
        $"peak working set {peakMiB} MiB ({startMiB} MiB before, the file's bytes included; live heap +{kept:0} MiB for the entries)");
    if (import is null)
    {
        return;
    }

    recorder.Clear();
    recorder.Recording = true;
    clock.Restart();
    var report = await import.ImportAsync(file, CancellationToken.None);
    var bookTime = clock.Elapsed;
    recorder.Recording = false;
    Console.WriteLine(
        $"{$"  {what}: book",-52} {bookTime.TotalSeconds,8:0.00} s for {report.Lines.Count} entries ({report.Booked} booked, {report.Unmatched} unmatched)  " +
        $"read+book {readTime.TotalSeconds + bookTime.TotalSeconds,6:0.00} s  peak working set {PeakWorkingSetMiB()} MiB");
    await PrintFloorAsync($"{what}: book", bookTime, recorder, connectionString);
}

static void ResetPeakWorkingSet()
{
    // "5" resets the peak resident set size (VmHWM) that PeakWorkingSet64 reads; Linux only.
    try
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (IOException)
    {
    }
    catch (UnauthorizedAccessException)
    {
    }
}

static long PeakWorkingSetMiB()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64 / (1024 * 1024);
}

// Peak working set of a child process: its high-water mark (VmHWM), read until it exits, so the last ~20 ms may be missed.
static Task<(double Seconds, long PeakMiB, double CpuSeconds, string Output)> RunCliAsync(string cli, string connectionString, string prefix, params string[] arguments) =>
    RunCliWithSettingsAsync(cli, connectionString, prefix, new Dictionary<string, string>(), arguments);

static async Task<(double Seconds, long PeakMiB, double CpuSeconds, string Output)> RunCliWithSettingsAsync(
    string cli, string connectionString, string prefix, IReadOnlyDictionary<string, string> settings, params string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { cli }.Concat(arguments).Concat(["--storage", connectionString]))
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["Invoicing__Storage__NamePrefix"] = prefix;
    foreach (var (name, value) in settings)
    {
        start.Environment[name] = value;
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    long peak = 0;
    var cpu = TimeSpan.Zero;
    var exited = process.WaitForExitAsync();
    while (!exited.IsCompleted)
    {
        try
        {
            process.Refresh();
            peak = Math.Max(peak, process.PeakWorkingSet64);
            cpu = process.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited between the check and the read.
        }

        await Task.WhenAny(exited, Task.Delay(20));
    }

    await exited;
    var elapsed = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        var said = $"{await output} {await error}".Trim();
        throw new CliFailedException($"{string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {(said.Length > 300 ? "…" + said[^300..] : said)}", elapsed, peak / (1024 * 1024));
    }

    return (elapsed, peak / (1024 * 1024), cpu.TotalSeconds, await output);
}

static async Task MeasureZipAsync(IReadOnlyList<Invoice> invoices, InvoiceArchive archive)
{
    var baseline = GC.GetTotalMemory(forceFullCollection: true);
    var sink = new LiveHeapSamplingSink(256 * 1024);
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var deferred = await Invoicing.Web.Exports.InvoiceZip.WriteAsync(sink, invoices, archive, CancellationToken.None);
    var elapsed = clock.Elapsed;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
    Console.WriteLine(
        $"{$"stream the ZIP of {invoices.Count} invoices",-52} {elapsed.TotalMilliseconds,8:0} ms total  {sink.Written / 1024.0,8:0} KiB zip  " +
        $"live heap at most {(sink.PeakLiveHeap - baseline) / 1024.0,6:+0;-0} KiB over the start  {allocated / (1024.0 * 1024),6:0.0} MiB allocated  {deferred / 1024.0,5:0.0} KiB held back at most");
}

static (double Milliseconds, double AllocatedKiB) Measure(string what, int iterations, Func<object> action)
{
    action();
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        action();
    }

    var perCall = clock.Elapsed.TotalMilliseconds / iterations;
    var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)iterations / 1024;
    Console.WriteLine($"{what,-52} {perCall,8:0.000} ms/call  {allocated,10:0.0} KiB allocated/call  ({iterations} calls)");
    return (perCall, allocated);
}

// A store of its own (tables and containers under the prefix) with the dataset seeded and its budget approved.
static async Task<(int Count, TimeSpan Time)> BestOfThreeAsync(Func<Task<int>> list)
{
    var best = (Count: 0, Time: TimeSpan.MaxValue);
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        var count = await list();
        best = clock.Elapsed < best.Time ? (count, clock.Elapsed) : best;
    }

    return best;
}

static async Task<TimeSpan> MeasureDryRemindersAsync(ReminderRun reminders, DateOnly asOf)
{
    // The best of three: reads only, so the figure is the reads and the work on what they return.
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        await reminders.RunAsync(asOf, dryRun: true, CancellationToken.None);
        best = clock.Elapsed < best ? clock.Elapsed : best;
    }

    return best;
}

/// <summary>A year of paid invoices as the ledger leaves them: the invoice row (nothing due) and a page of its payment, with their partition registered.</summary>
static async Task SeedPaidYearAsync(Azure.Data.Tables.TableClient table, SchemeId scheme, int year, int count)
{
    var partition = $"{scheme}:{year:0000}";
    await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("partitions", partition) { ["RecordType"] = "Partition" });
    var lines = new string('x', 1_200);
    var rows = Enumerable.Range(1, count).SelectMany(n =>
    {
        var number = $"{year}{n:00000}";
        return new[]
        {
            new Azure.Data.Tables.TableEntity(partition, number)
            {
                ["RecordType"] = "Invoice", ["Scheme"] = scheme.Value, ["Year"] = year, ["DueDate"] = $"{year}-02-28",
                ["TotalOre"] = 1_000_000L, ["AmountPaidOre"] = 1_000_000L, ["AmountDueOre"] = 0L, ["NeedsManualFollowUp"] = false, ["Lines"] = lines,
            },
            new Azure.Data.Tables.TableEntity(partition, $"{number}-P-000001") { ["RecordType"] = "PaymentPage", ["InvoiceNumber"] = number, ["Count"] = 1, ["Lines"] = lines },
        };
    });
    foreach (var chunk in rows.Chunk(100))
    {
        await table.SubmitTransactionAsync(chunk.Select(e => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.UpsertReplace, e)));
    }

    // The year's version row, which every transaction of the ledger's moves (the last one, its final payment's, here).
    await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(partition, "version") { ["RecordType"] = "YearVersion" });
}

static Task<ServiceProvider> SeededStoreAsync(string connectionString, string prefix, Dataset dataset, TimeProvider time, StorageRecorder? recorder) =>
    SeededStoreOfAsync(connectionString, prefix, [dataset], time, recorder);

static async Task<ServiceProvider> SeededStoreOfAsync(string connectionString, string prefix, IReadOnlyList<Dataset> datasets, TimeProvider time, StorageRecorder? recorder)
{
    var services = TestServices.Create(connectionString, prefix, time, recorder);
    foreach (var dataset in datasets)
    {
        await services.GetRequiredService<DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);
        await services.GetRequiredService<BudgetApproval>().ApproveAsync(dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "benchmark"), CancellationToken.None);
    }

    return services;
}

static Dataset SyntheticDataset(int count, Random random)
{
    var parties = Enumerable.Range(1, count)
        .Select(i => new Party(new PartyCode($"M{i:0000}"), PartyKind.Municipality, $"Kommun {i}", new CountyCode("01"), null, [], null, null))
        .ToArray();
    var snapshot = new PopulationSnapshot("benchmark", "synthetic", new DateOnly(2025, 12, 31),
        parties.ToDictionary(p => p.Code, _ => (long)random.Next(2_400, 1_000_000)));
    var budget = new Budget(new SchemeId("benchmark"), 2026, "Benchmark", [
        new PopulationPoolLine(1, "Alla kommuner", Money.FromKronor(4_000_000), new PoolParticipants.CountyMunicipalities(new CountyCode("01")), "benchmark", Money.FromKronor(1)),
    ]);
    return new Dataset(parties, [snapshot], budget);
}

/// <summary>A CLI command the benchmark ran ended with an error: what it said, after how long, at what peak working set.</summary>
internal sealed class CliFailedException(string message, double seconds, long peakMiB) : Exception(message)
{
    public double Seconds => seconds;

    public long PeakMiB => peakMiB;
}

/// <summary>The system clock moved forward by <see cref="Offset"/>.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The test fixture's Azurite, started outside xunit.</summary>
internal sealed class AzuriteHost : IAsyncDisposable
{
    private readonly AzuriteFixture _fixture = new();

    public string ConnectionString => _fixture.ConnectionString;

    public Task StartAsync() => _fixture.InitializeAsync();

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();
}

/// <summary>A write-only sink that counts bytes and samples the live managed heap as they arrive.</summary>
internal sealed class LiveHeapSamplingSink(int sampleEvery) : Stream
{
    private long _nextSample = sampleEvery;

    public long Written { get; private set; }

    public long PeakLiveHeap { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Count(count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Count(int bytes)
    {
        Written += bytes;
        if (Written >= _nextSample)
        {
            _nextSample += sampleEvery;
            PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(forceFullCollection: true));
        }
    }
}
