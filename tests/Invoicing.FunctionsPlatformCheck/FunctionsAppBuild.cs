using System.Diagnostics;
using Invoicing.Testing;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// Builds <c>src/Invoicing.Functions</c> from the package registry, with the repository's own pins and nothing else,
/// and the stand-in Functions host, all under <c>.build/functions-check/</c> (git-ignored). The sources are copied
/// and restored into a <c>NUGET_PACKAGES</c> folder of the check's own, so the app is built the way a clean clone and
/// the pipeline build it, not from whatever the machine's package cache already holds.
/// </summary>
internal static class FunctionsAppBuild
{
    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared"));

    public static string StandInSource { get; } = Path.Combine(SharedFolder, "tools", "functions-host-standin");

    public static string WorkFolder { get; } = Path.Combine(TestPaths.RepositoryRoot, ".build", "functions-check");

    public static string AppFolder => Path.Combine(WorkFolder, "app");

    public static string StandInFolder => Path.Combine(WorkFolder, "standin");

    private static string Packages => Path.Combine(WorkFolder, "packages");

    /// <summary>Builds the app and the stand-in host; throws with the build's output when either fails.</summary>
    public static async Task BuildAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(StandInSource))
        {
            throw new InvalidOperationException($"No stand-in Functions host at {StandInSource}: the platform check runs only where it exists.");
        }

        Directory.CreateDirectory(WorkFolder);
        var sources = Path.Combine(WorkFolder, "repo");
        CopySources(sources);
        if (Directory.Exists(AppFolder))
        {
            Directory.Delete(AppFolder, recursive: true);
        }

        // Published as the pipeline's Package stage publishes it (ReadyToRun for linux-x64), so the cold start printed
        // is the deployed package's.
        await DotnetAsync(
            sources,
            cancellationToken,
            ["publish", Path.Combine("src", "Invoicing.Functions", "Invoicing.Functions.csproj"), .. PublishArguments,
             "-o", AppFolder, "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false"]);

        var problems = AppAssemblyCheck.Problems(AppFolder);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The app built in {AppFolder} would abort at start: {string.Join("; ", problems)}.");
        }

        var standIn = Path.Combine(WorkFolder, "standin-src");
        CopyTree(StandInSource, standIn);

        // The stand-in is not ours: keep the repository's build settings (warnings as errors, central versions) off it.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(standIn, file), "<Project />\n", cancellationToken);
        }

        await DotnetAsync(standIn, cancellationToken, "build", "-c", "Release", "-o", StandInFolder, "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false");
    }

    /// <summary>
    /// The options the pipeline publishes the Functions app with (azure-pipelines.yml, Package stage): Release, ReadyToRun
    /// for the Flex Consumption plan's linux-x64, on the platform's .NET (not self-contained). The infrastructure tests
    /// hold the pipeline to the same options.
    /// </summary>
    private static IReadOnlyList<string> PublishArguments { get; } =
        ["-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"];

    private static void CopySources(string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "host.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, file), Path.Combine(target, file));
        }

        // The Functions project and every project it references (ProjectReference paths stay valid in the copy).
        foreach (var project in new[] { "Invoicing", "Invoicing.Web", "Invoicing.Functions" })
        {
            CopyTree(Path.Combine(TestPaths.RepositoryRoot, "src", project), Path.Combine(target, "src", project));
        }
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
            File.SetAttributes(destination, FileAttributes.Normal);
        }
    }

    private static async Task DotnetAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NUGET_PACKAGES"] = Packages;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed in {workingDirectory} (exit {process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
