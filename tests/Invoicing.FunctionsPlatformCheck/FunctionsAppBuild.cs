using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Testing;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// Builds <c>src/Invoicing.Functions</c> against the real isolated-worker packages of
/// <c>../shared/functions-worker-feed</c>, and the stand-in Functions host, all under
/// <c>.build/functions-check/</c> (git-ignored). Nothing is written to the repository's own files or to the
/// machine's package cache: the sources are copied, the packages go to a <c>NUGET_PACKAGES</c> folder of their
/// own, and the version overrides are generated here, at check time, into that folder.
/// </summary>
internal static partial class FunctionsAppBuild
{
    // The newest 2.x of Application Insights' worker-service package this machine serves: the pipeline pins 2.23.0,
    // which is not served here, and 3.x is another API. Same major, so the check compiles what Azure compiles.
    private const string WorkerServiceVersionForTheCheck = "2.21.0";

    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared"));

    public static string Feed { get; } = Path.Combine(SharedFolder, "functions-worker-feed");

    public static string StandInSource { get; } = Path.Combine(SharedFolder, "tools", "functions-host-standin");

    public static string WorkFolder { get; } = Path.Combine(TestPaths.RepositoryRoot, ".build", "functions-check");

    public static string AppFolder => Path.Combine(WorkFolder, "app");

    public static string StandInFolder => Path.Combine(WorkFolder, "standin");

    private static string Packages => Path.Combine(WorkFolder, "packages");

    /// <summary>Builds the app and the stand-in host; throws with the build's output when either fails.</summary>
    public static async Task BuildAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Feed))
        {
            throw new InvalidOperationException($"No Functions worker feed at {Feed}: the platform check runs only where it exists.");
        }

        Directory.CreateDirectory(WorkFolder);
        var sources = Path.Combine(WorkFolder, "repo");
        CopySources(sources);
        var overrides = Path.Combine(WorkFolder, "feed-overrides.targets");
        await File.WriteAllTextAsync(overrides, FeedOverrides(), cancellationToken);

        if (Directory.Exists(AppFolder))
        {
            Directory.Delete(AppFolder, recursive: true);
        }

        await DotnetAsync(
            sources,
            cancellationToken,
            "build", Path.Combine("src", "Invoicing.Functions", "Invoicing.Functions.csproj"),
            "-c", "Release", "-o", AppFolder, "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false",
            $"-p:CustomAfterDirectoryBuildTargets={overrides}",
            $"-p:RestoreAdditionalProjectSources={Feed}");

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
    /// The feed's versions in place of the pipeline's exact pins (only for packages the feed has), and the
    /// host-side extension build skipped: the Worker SDK would restore the Functions <em>host's</em> extension
    /// packages (Microsoft.Azure.WebJobs.Extensions.*) into a hidden project, and those are not served here. The
    /// worker's own functions.metadata and worker.config.json are still copied to the output.
    /// </summary>
    private static string FeedOverrides()
    {
        var pinned = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "Directory.Packages.props"));
        var versions = new StringBuilder();
        foreach (var package in Directory.EnumerateFiles(Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var match = PackageFileName().Match(package!);
            if (match.Success && pinned.Contains($"\"{match.Groups["id"].Value}\"", StringComparison.Ordinal))
            {
                versions.AppendLine($"    <PackageVersion Update=\"{match.Groups["id"].Value}\" Version=\"[{match.Groups["version"].Value}]\" />");
            }
        }

        versions.AppendLine($"    <PackageVersion Update=\"Microsoft.ApplicationInsights.WorkerService\" Version=\"[{WorkerServiceVersionForTheCheck}]\" />");
        var floors = new StringBuilder();
        foreach (var (id, version) in FeedAssemblyFloors.Read(Feed).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Centrally pinned packages are the repository's choice (AppAssemblyCheck reports one that is too old).
            if (!pinned.Contains($"\"{id}\"", StringComparison.Ordinal))
            {
                floors.AppendLine($"    <PackageReference Include=\"{id}\" VersionOverride=\"{version.ToString(3)}\" />");
            }
        }
        return $"""
            <Project>
              <!-- Generated by tests/Invoicing.FunctionsPlatformCheck at check time; never committed. -->
              <PropertyGroup>
                <!-- The feed's packages ask for dependency versions this machine does not serve (e.g. Google.Protobuf
                     3.28.0); the next one is taken. Major versions are pinned exactly above. -->
                <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {versions}  </ItemGroup>
              <!-- At least the versions the feed's assemblies were compiled against (FeedAssemblyFloors). -->
              <ItemGroup Condition="'$(MSBuildProjectName)' == 'Invoicing.Functions'">
            {floors}  </ItemGroup>
              <Target Name="_WorkerExtensionsRestore" />
              <Target Name="_WorkerExtensionsBuild" />
              <Target Name="_FunctionsExtensionUpdateMetadata" />
              <Target Name="_FunctionsExtensionAssignTargetPaths">
                <ItemGroup>
                  <_NoneWithTargetPath Include="$(_FunctionsMetadataPath)" TargetPath="functions.metadata" CopyToOutputDirectory="PreserveNewest" />
                  <_NoneWithTargetPath Include="$(_FunctionsWorkerConfigPath)" TargetPath="worker.config.json" CopyToOutputDirectory="PreserveNewest" />
                </ItemGroup>
              </Target>
            </Project>
            """;
    }

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

    [GeneratedRegex(@"^(?<id>.+?)\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageFileName();
}
