using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Planning;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// The Functions app built against the real worker packages and run once, in the real worker, under the stand-in
/// host: Azurite and a real SMTP server as its storage and mail, the bundled 2026 budget seeded and approved,
/// then every step of <see cref="PlatformSteps"/>. The tests read what happened: the stand-in's output per step,
/// the saved downloads, and the storage through the library.
/// </summary>
public sealed partial class FunctionsPlatform : IAsyncLifetime, IAsyncDisposable
{
    public const string Scheme = "region-mitt-pom";
    public const int Year = 2026;

    private readonly AzuriteFixture _azurite = new();
    private readonly SmtpServerFixture _smtp = new();
    private readonly Dictionary<int, string> _steps = [];

    public ServiceProvider Services { get; private set; } = null!;

    public string Output { get; private set; } = "";

    public int ExitCode { get; private set; }

    /// <summary>
    /// The worker's log messages, in the order it wrote them. In OpenTelemetry mode (host.json) the worker exports its
    /// own logs and no longer ties them to an invocation over gRPC, so the stand-in receives them as the worker's log
    /// rather than under each step; the order of the steps is the order here.
    /// </summary>
    public string WorkerLog { get; private set; } = "";

    public TimeSpan BuildTime { get; private set; }

    public TimeSpan RunTime { get; private set; }

    /// <summary>From starting the stand-in host to its last function loaded in the worker (the worker's start).</summary>
    public TimeSpan? FunctionsLoadedAfter { get; private set; }

    /// <summary>From starting the stand-in host to the first invocation's answer (the cold start a fresh instance pays).</summary>
    public TimeSpan? FirstInvocationAnsweredAfter { get; private set; }

    /// <summary>The stand-in's line for the first invocation's result, with the invocation's own time.</summary>
    public string? FirstInvocationResult { get; private set; }

    /// <summary>The cold start in one line (issue 24, goal 4): printed by the test and by <c>test.sh</c>; a figure, not asserted.</summary>
    public string ColdStart =>
        $"Cold start under the stand-in host: every function loaded in the worker {FunctionsLoadedAfter?.TotalSeconds:0.00} s after the host started it; " +
        $"the first invocation (the annual run's timer on a fresh instance) answered at {FirstInvocationAnsweredAfter?.TotalSeconds:0.00} s ({FirstInvocationResult?.Replace("result: ", "", StringComparison.Ordinal)}).";

    public static string DownloadFolder => Path.Combine(FunctionsAppBuild.WorkFolder, "downloads");

    public static string AppFolder => FunctionsAppBuild.AppFolder;

    /// <summary>What the stand-in printed for step <paramref name="number"/> (1-based, as in <see cref="PlatformSteps"/>).</summary>
    public string Step(int number) => _steps.TryGetValue(number, out var text)
        ? text
        : throw new InvalidOperationException($"The stand-in printed nothing for step {number}:\n{Output}");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var clock = Stopwatch.StartNew();
        await FunctionsAppBuild.BuildAsync(timeout.Token);
        BuildTime = clock.Elapsed;

        await _azurite.InitializeAsync();
        await _smtp.InitializeAsync();

        // The app uses the storage account without a name prefix, as in Azure (the blob trigger's container is fixed).
        Services = TestServices.Create(_azurite.ConnectionString, "", TimeProvider.System);
        var dataset = DatasetLoader.Load(TestPaths.BundledDataset);
        await Services.GetRequiredService<DatasetSeeder>().SeedAsync(dataset, timeout.Token);
        await Services.GetRequiredService<BudgetApproval>().ApproveAsync(
            dataset.Budget.Scheme, dataset.Budget.Year, new BudgetDecision(new DateOnly(2025, 12, 15), "Samverkansforum PoM, budgetmöte"), timeout.Token);

        if (Directory.Exists(DownloadFolder))
        {
            Directory.Delete(DownloadFolder, recursive: true);
        }

        Directory.CreateDirectory(DownloadFolder);
        var steps = Path.Combine(FunctionsAppBuild.WorkFolder, "steps.json");
        var settings = Path.Combine(FunctionsAppBuild.WorkFolder, "settings.env");
        await File.WriteAllTextAsync(steps, PlatformSteps.Json(DownloadFolder, TestPaths.RepositoryRoot), timeout.Token);
        await File.WriteAllTextAsync(settings, AppSettings(), timeout.Token);

        clock.Restart();
        (ExitCode, Output) = await RunStandInAsync(steps, settings, timeout.Token);
        RunTime = clock.Elapsed;
        var workerLog = Path.Combine(FunctionsAppBuild.WorkFolder, "logs", "worker-rpclogs.log");
        WorkerLog = File.Exists(workerLog) ? await File.ReadAllTextAsync(workerLog, timeout.Token) : "";
        await File.WriteAllTextAsync(Path.Combine(FunctionsAppBuild.WorkFolder, "standin-output.txt"), Output, timeout.Token);
        await File.WriteAllTextAsync(Path.Combine(FunctionsAppBuild.WorkFolder, "cold-start.txt"), ColdStart + "\n", timeout.Token);
        foreach (var block in StepHeader().Split(Output).Skip(1).Chunk(2))
        {
            _steps[int.Parse(block[0], CultureInfo.InvariantCulture)] = block.Length > 1 ? block[1] : "";
        }
    }

    public Task DisposeAsync() => ((IAsyncDisposable)this).DisposeAsync().AsTask();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>
    /// Starts the app once more under the stand-in with <paramref name="key"/> set to <paramref name="value"/>, waits
    /// until the worker process has ended (at most a minute; the stand-in itself would wait 90 s for a StartStream
    /// that never comes, so it is stopped then), and returns what the worker printed and whether it ended by itself.
    /// </summary>
    public async Task<(string WorkerOutput, bool WorkerExited)> StartWithSettingAsync(string key, string value, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(FunctionsAppBuild.WorkFolder, "refusal");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var steps = Path.Combine(folder, "steps.json");
        var settings = Path.Combine(folder, "settings.env");
        await File.WriteAllTextAsync(steps, """[{"kind":"timer","function":"IssueAnnualInvoices"}]""", cancellationToken);
        await File.WriteAllTextAsync(settings, AppSettings() + $"{key}={value}\n", cancellationToken);

        var start = StandInStart(steps, settings, folder);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var workerLog = Path.Combine(folder, "worker-stdout.log");
        var exited = false;
        try
        {
            for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(1) && !exited; waited += TimeSpan.FromMilliseconds(250))
            {
                await Task.Delay(250, cancellationToken);
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                exited = WorkerPid().Match(text) is { Success: true } pid && HasEnded(int.Parse(pid.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        return (File.Exists(workerLog) ? await File.ReadAllTextAsync(workerLog, cancellationToken) : "", exited);
    }

    private static bool HasEnded(int pid)
    {
        try
        {
            using var worker = Process.GetProcessById(pid);
            return worker.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>The app settings, as <c>infra/modules/functionapp.bicep</c> sets them in Azure, for local storage and mail.</summary>
    private string AppSettings()
    {
        var settings = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"AzureWebJobsStorage={_azurite.ConnectionString}")
            .AppendLine(CultureInfo.InvariantCulture, $"Invoicing__Storage__ConnectionString={_azurite.ConnectionString}")
            .AppendLine("AnnualInvoicingSchedule=0 0 6 * * *")
            .AppendLine("PaymentRemindersSchedule=0 30 6 * * *")
            .AppendLine("AuditSealSchedule=0 15 23 * * *")
            .AppendLine("StorageBackupSchedule=0 0 2 * * *")
            .AppendLine("Invoicing__Smtp__Host=127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"Invoicing__Smtp__Port={_smtp.Port}")
            .AppendLine("Invoicing__Smtp__Security=None")
            .AppendLine("Invoicing__Smtp__From=faktura@example.se");
        foreach (var (key, value) in TestServices.ExampleIssuer())
        {
            settings.AppendLine(CultureInfo.InvariantCulture, $"{key.Replace(":", "__", StringComparison.Ordinal)}={value}");
        }

        return settings.ToString();
    }

    private static ProcessStartInfo StandInStart(string steps, string settings, string logs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = FunctionsAppBuild.WorkFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(FunctionsAppBuild.StandInFolder, "StandInHost.dll"), AppFolder, steps, settings },
        };
        start.Environment["STANDIN_LOG_DIR"] = logs;
        BypassProxyForLoopback(start);
        return start;
    }

    /// <summary>
    /// The stand-in's output, noting when the worker had loaded its functions and when the first invocation was
    /// answered (issue 24, goal 4: a cold start, as a fresh instance's first timer firing pays it). Figures, not a goal
    /// asserted: the test prints them.
    /// </summary>
    private async Task<string> ReadTimedAsync(StreamReader reader, Stopwatch clock, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            text.AppendLine(line);
            if (line.StartsWith("load: ", StringComparison.Ordinal))
            {
                FunctionsLoadedAfter = clock.Elapsed;
            }
            else if (line.StartsWith("result: ", StringComparison.Ordinal) && FirstInvocationAnsweredAfter is null)
            {
                FirstInvocationAnsweredAfter = clock.Elapsed;
                FirstInvocationResult = line;
            }
        }

        return text.ToString();
    }

    private async Task<(int ExitCode, string Output)> RunStandInAsync(string steps, string settings, CancellationToken cancellationToken)
    {
        var logs = Path.Combine(FunctionsAppBuild.WorkFolder, "logs");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(StandInStart(steps, settings, logs))!;
        var output = ReadTimedAsync(process.StandardOutput, clock, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output;
        var errorText = await errors;
        if (errorText.Length > 0)
        {
            text += "\n[stderr]\n" + errorText;
        }

        if (process.ExitCode != 0)
        {
            text += WorkerLogTail(Path.Combine(logs, "worker-stdout.log"));
        }

        return (process.ExitCode, text);
    }

    /// <summary>
    /// Host and worker talk gRPC (HTTP/2 without TLS) over loopback, and the stand-in calls the worker's Kestrel on
    /// localhost. An HTTP proxy from the environment (a CI sandbox's) cannot carry h2c: the worker's StartStream
    /// fails ("unable to establish HTTP/2 connection") and it aborts. The real host never proxies loopback either.
    /// </summary>
    private static void BypassProxyForLoopback(ProcessStartInfo start)
    {
        foreach (var name in new[] { "no_proxy", "NO_PROXY" })
        {
            var current = Environment.GetEnvironmentVariable(name);
            start.Environment[name] = string.IsNullOrWhiteSpace(current)
                ? "127.0.0.1,localhost,::1"
                : current.TrimEnd(',') + ",127.0.0.1,localhost,::1";
        }
    }

    /// <summary>The worker's own output when the run failed: without it a crash before StartStream is a bare timeout.</summary>
    private static string WorkerLogTail(string path)
    {
        if (!File.Exists(path))
        {
            return $"\n[worker log] {path} was not written";
        }

        var lines = File.ReadAllLines(path);
        return $"\n[worker log, last {Math.Min(40, lines.Length)} of {lines.Length} lines of {path}]\n"
            + string.Join('\n', lines.TakeLast(40));
    }

    public static JsonArray Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppFolder, "functions.metadata")))!.AsArray();

    [GeneratedRegex(@"^=== step (\d+): ", RegexOptions.Multiline)]
    private static partial Regex StepHeader();

    [GeneratedRegex(@"host: started worker pid (\d+)")]
    private static partial Regex WorkerPid();
}
