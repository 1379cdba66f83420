using System.Diagnostics;
using System.Reflection;

namespace Invoicing.InfrastructureTests;

/// <summary>The result of one run of the Bicep CLI.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything the CLI said besides the file it was asked to write: errors, warnings and infos alike.</summary>
    public string Diagnostics => (StandardOutput + StandardError).Trim();

    /// <summary>Succeeded without a single diagnostic.</summary>
    public bool IsClean => ExitCode == 0 && Diagnostics.Length == 0;

    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Diagnostics}";
}

/// <summary>
/// Runs the Bicep CLI restored from the NuGet package Azure.Bicep.CommandLine.linux-x64 (see the project file); the
/// environment variable BICEP_PATH overrides its location.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> s_path = new(FindExecutable);

    public static string ExecutablePath => s_path.Value;

    public static string Version =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepVersion").Value!;

    /// <summary>Builds a .bicep file to <paramref name="outFile"/>; the linter runs as part of the build.</summary>
    public static Task<BicepResult> BuildAsync(string bicepFile, string outFile) =>
        RunAsync(["build", bicepFile, "--outfile", outFile], environment: null);

    /// <summary>Builds a .bicepparam file to <paramref name="outFile"/> with the given environment variables.</summary>
    public static Task<BicepResult> BuildParamsAsync(string paramFile, string outFile, IReadOnlyDictionary<string, string?> environment) =>
        RunAsync(["build-params", paramFile, "--outfile", outFile], environment);

    public static async Task<BicepResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline and quiet: no telemetry, no first-run messages.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish within {s_timeout}.");
        }

        return new BicepResult(process.ExitCode, await output, await error);
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("BICEP_PATH");
        if (string.IsNullOrEmpty(path))
        {
            path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        }

        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI was not found at '{path}'. Restore this project (it downloads the NuGet package " +
                "Azure.Bicep.CommandLine.linux-x64) or set BICEP_PATH.");
        }

        // NuGet does not keep the executable bit of files in packages.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }
}
