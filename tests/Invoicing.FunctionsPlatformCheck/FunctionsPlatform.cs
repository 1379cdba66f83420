using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Budgets;
using Invoicing.Dataset;
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

    public TimeSpan BuildTime { get; private set; }

    public TimeSpan RunTime { get; private set; }

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
        await File.WriteAllTextAsync(Path.Combine(FunctionsAppBuild.WorkFolder, "standin-output.txt"), Output, timeout.Token);
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

    /// <summary>The app settings, as <c>infra/modules/functionapp.bicep</c> sets them in Azure, for local storage and mail.</summary>
    private string AppSettings()
    {
        var settings = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"AzureWebJobsStorage={_azurite.ConnectionString}")
            .AppendLine(CultureInfo.InvariantCulture, $"Invoicing__Storage__ConnectionString={_azurite.ConnectionString}")
            .AppendLine("AnnualInvoicingSchedule=0 0 6 * * *")
            .AppendLine("PaymentRemindersSchedule=0 30 6 * * *")
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

    private static async Task<(int ExitCode, string Output)> RunStandInAsync(string steps, string settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = FunctionsAppBuild.WorkFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Path.Combine(FunctionsAppBuild.StandInFolder, "StandInHost.dll"), AppFolder, steps, settings },
        };
        start.Environment["STANDIN_LOG_DIR"] = Path.Combine(FunctionsAppBuild.WorkFolder, "logs");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
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
        return (process.ExitCode, errorText.Length == 0 ? text : text + "\n[stderr]\n" + errorText);
    }

    public static JsonArray Metadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppFolder, "functions.metadata")))!.AsArray();

    [GeneratedRegex(@"^=== step (\d+): ", RegexOptions.Multiline)]
    private static partial Regex StepHeader();
}
