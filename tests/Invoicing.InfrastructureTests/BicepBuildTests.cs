using System.Text.Json.Nodes;

namespace Invoicing.InfrastructureTests;

/// <summary>Every Bicep and parameter file under infra/ compiles with the pinned Bicep CLI without a single diagnostic.</summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() => new(FilesUnderInfra("*.bicep"));

    public static TheoryData<string> ParameterFiles() => new(FilesUnderInfra("*.bicepparam"));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_builds_without_errors_or_warnings(string file)
    {
        var result = await BicepCli.BuildAsync(RepositoryPaths.InRoot(file), CompiledInfrastructure.NewOutputFile(file));

        Assert.True(result.IsClean, $"bicep build {file}: {result}");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Parameter_file_builds_without_errors_or_warnings(string file)
    {
        var result = await BicepCli.BuildParamsAsync(
            RepositoryPaths.InRoot(file), CompiledInfrastructure.NewOutputFile(file), DeploymentVariables.Complete());

        Assert.True(result.IsClean, $"bicep build-params {file}: {result}");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Parameter_file_refuses_to_build_without_the_required_deployment_variables(string file)
    {
        var result = await BicepCli.BuildParamsAsync(
            RepositoryPaths.InRoot(file), CompiledInfrastructure.NewOutputFile(file), DeploymentVariables.None());

        Assert.NotEqual(0, result.ExitCode);
        foreach (var variable in DeploymentVariables.Required)
        {
            Assert.Contains($"\"{variable}\"", result.Diagnostics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Infra_holds_the_main_template_its_modules_and_both_environments()
    {
        var bicep = FilesUnderInfra("*.bicep");
        var parameters = FilesUnderInfra("*.bicepparam");

        Assert.Contains("infra/main.bicep", bicep);
        foreach (var module in new[] { "identity", "storage", "monitoring", "keyvault", "functionapp", "alerts" })
        {
            Assert.Contains($"infra/modules/{module}.bicep", bicep);
        }

        Assert.Equal(["infra/main.prod.bicepparam", "infra/main.test.bicepparam"], parameters.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_pinned_bicep_cli_is_the_one_that_runs()
    {
        var result = await BicepCli.RunAsync(["--version"], environment: null);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Bicepconfig_gives_every_linter_rule_an_explicit_level_and_none_is_info()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json")))!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.True(ArmTemplate.IsTrue(core["enabled"]), "the linter must be enabled");
        Assert.NotEmpty(rules);
        foreach (var (rule, settings) in rules)
        {
            var level = ArmTemplate.AsString(settings?["level"]);
            Assert.True(level is "error" or "warning" or "off", $"{rule}: level '{level}' must be error, warning or off");
        }

        // The rules that guard secrets are errors, not warnings.
        foreach (var rule in new[] { "outputs-should-not-contain-secrets", "secure-secrets-in-params", "secure-parameter-default", "no-hardcoded-env-urls" })
        {
            Assert.Equal("error", ArmTemplate.AsString(rules[rule]?["level"]));
        }
    }

    /// <summary>Paths relative to the repository root, in a stable order.</summary>
    private static List<string> FilesUnderInfra(string pattern) =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, pattern, SearchOption.AllDirectories)
            .Select(RepositoryPaths.Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
}
