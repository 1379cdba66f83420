using System.Diagnostics;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// Runs the CLI as a user would, as its own process, against the test Azurite under a fresh name prefix,
/// in a fresh working folder.
/// </summary>
internal sealed class CliRunner : IDisposable
{
    private readonly string _connectionString;

    public CliRunner(AzuriteFixture azurite)
    {
        _connectionString = azurite.ConnectionString;
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string Prefix { get; } = AzuriteFixture.NewPrefix();

    /// <summary>
    /// The day the CLI's clock starts on (local time, then it runs on): every command runs under libfaketime, so what a
    /// test asserts about "today" — invoices issued in 2026, December's SIE file, a payment not in the future — holds
    /// whatever the real date of the run. The demo's day by default: its budget year is 2026, approved 2025-12-15.
    /// </summary>
    public string Today { get; set; } = DemoDay;

    public const string DemoDay = "2026-12-04 10:00:00";

    /// <summary>Extra environment variables for every command, e.g. <c>Invoicing__Smtp__Host</c>.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "invoicing-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The CLI built beside this test project, in the same configuration.</summary>
    public static string CliAssembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            return Path.Combine(TestPaths.RepositoryRoot, "src", "Invoicing.Cli", "bin", configuration, testBin.Name, "Invoicing.Cli.dll");
        }
    }

    public Task<CliResult> RunAsync(params string[] arguments) => RunProcessAsync("dotnet", [CliAssembly, .. arguments]);

    /// <summary>Runs with an extra settings file (<c>INVOICING_SETTINGS</c>) over the bundled appsettings.json.</summary>
    public Task<CliResult> RunWithSettingsAsync(string settingsFile, params string[] arguments) =>
        RunProcessAsync("dotnet", [CliAssembly, .. arguments], settingsFile: settingsFile);

    /// <summary>
    /// Runs the repository's <c>./invoicing</c> launcher itself (it builds the CLI when needed). With
    /// <paramref name="pinnedClock"/> false it runs on the real clock: MSBuild's in-process node does not start under
    /// libfaketime ("In-proc node failed to start up within 900000ms"), so a build goes through the launcher unpinned.
    /// </summary>
    public Task<CliResult> RunLauncherAsync(bool pinnedClock, params string[] arguments) =>
        RunProcessAsync(Path.Combine(TestPaths.RepositoryRoot, "invoicing"), arguments, TimeSpan.FromMinutes(5), pinnedClock: pinnedClock);

    private static string FakeTimeLibrary { get; } =
        new[] { "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("libfaketime is not installed: run scripts/ensure-faketime.sh (test.sh does).");

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<CliResult> RunProcessAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? settingsFile = null, bool pinnedClock = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["INVOICING_STORAGE"] = _connectionString;
        start.Environment["Invoicing__Storage__NamePrefix"] = Prefix;
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (pinnedClock)
        {
            start.Environment["LD_PRELOAD"] = FakeTimeLibrary;
            start.Environment["FAKETIME"] = "@" + Today;
            // The wall clock only: timeouts, stopwatches and the runtime's own timers keep the real monotonic clock.
            start.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
        }
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        if (settingsFile is not null)
        {
            start.Environment["INVOICING_SETTINGS"] = settingsFile;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
