using System.Text.Json.Nodes;

namespace Invoicing.InfrastructureTests;

/// <summary>
/// infra/main.bicep and its parameter files compiled once per test run and shared by the policy tests. Each build must
/// be clean (no diagnostic at all), else every test that uses it fails with the CLI's output.
/// </summary>
internal static class CompiledInfrastructure
{
    private static readonly Lazy<Task<JsonObject>> s_main = new(() => BuildAsync("main.bicep"));
    private static readonly Lazy<Task<JsonObject>> s_testParameters = new(() => BuildParamsAsync("main.test.bicepparam"));
    private static readonly Lazy<Task<JsonObject>> s_prodParameters = new(() => BuildParamsAsync("main.prod.bicepparam"));

    public static string OutputFolder { get; } = Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "bicep-out", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The ARM template compiled from infra/main.bicep, modules nested.</summary>
    public static Task<JsonObject> MainTemplate => s_main.Value;

    /// <summary>The parameters of the test environment, built with <see cref="DeploymentVariables.Complete"/>.</summary>
    public static Task<JsonObject> TestParameters => s_testParameters.Value;

    /// <summary>The parameters of the prod environment, built with <see cref="DeploymentVariables.Complete"/>.</summary>
    public static Task<JsonObject> ProdParameters => s_prodParameters.Value;

    /// <summary>A fresh, unique file name in the output folder.</summary>
    public static string NewOutputFile(string name) =>
        Path.Combine(OutputFolder, $"{Path.GetFileNameWithoutExtension(name)}-{Guid.NewGuid():N}.json");

    private static async Task<JsonObject> BuildAsync(string file)
    {
        var outFile = NewOutputFile(file);
        var result = await BicepCli.BuildAsync(Path.Combine(RepositoryPaths.Infra, file), outFile);
        if (!result.IsClean)
        {
            throw new InvalidOperationException($"bicep build infra/{file} was not clean: {result}");
        }

        return ArmTemplate.Parse(await File.ReadAllTextAsync(outFile));
    }

    private static async Task<JsonObject> BuildParamsAsync(string file)
    {
        var outFile = NewOutputFile(file);
        var result = await BicepCli.BuildParamsAsync(Path.Combine(RepositoryPaths.Infra, file), outFile, DeploymentVariables.Complete());
        if (!result.IsClean)
        {
            throw new InvalidOperationException($"bicep build-params infra/{file} was not clean: {result}");
        }

        return ArmTemplate.Parse(await File.ReadAllTextAsync(outFile));
    }
}
