using YamlDotNet.RepresentationModel;

namespace Invoicing.InfrastructureTests;

/// <summary>azure-pipelines.yml parses and has the stages, tasks and environments the deployment relies on.</summary>
public sealed class PipelineTests
{
    private static readonly Lazy<YamlMappingNode> s_pipeline = new(() => Yaml.LoadMapping(RepositoryPaths.InRoot("azure-pipelines.yml")));

    private static YamlMappingNode Pipeline => s_pipeline.Value;

    [Fact]
    public void Pipeline_runs_on_main()
    {
        var branches = Pipeline.Mapping("trigger").Mapping("branches").Sequence("include");

        Assert.Contains("main", branches.Children.OfType<YamlScalarNode>().Select(s => s.Value));
    }

    [Fact]
    public void Pipeline_has_the_stages_build_test_package_deploy_test_and_deploy_prod_in_order()
    {
        var names = Stages().Select(s => s.Scalar("stage")).ToList();

        Assert.Equal(["Build", "Test", "Package", "DeployTest", "DeployProd"], names);
        Assert.Equal("Build", Stage("Test").Scalar("dependsOn"));
        Assert.Equal("Test", Stage("Package").Scalar("dependsOn"));
        Assert.Equal("Package", Stage("DeployTest").Scalar("dependsOn"));
        Assert.Equal("DeployTest", Stage("DeployProd").Scalar("dependsOn"));
    }

    [Fact]
    public void Build_stage_builds_the_whole_solution_with_the_sdk_from_global_json()
    {
        var build = Stage("Build");

        AssertUsesGlobalJson(build);
        Assert.Contains(Yaml.Scalars(build), s => s.Contains("dotnet build Invoicing.sln", StringComparison.Ordinal) && s.Contains("Release", StringComparison.Ordinal));
        Assert.Contains("src/Invoicing.Functions/Invoicing.Functions.csproj", SolutionProjects());
    }

    [Fact]
    public void Test_stage_runs_the_tests_with_azurite_and_publishes_results_and_coverage()
    {
        var test = Stage("Test");
        var scripts = Steps(test).Select(s => s.Scalar("script")).OfType<string>().ToList();

        AssertUsesGlobalJson(test);
        Assert.Equal("20.x", Task(test, "NodeTool@0").Mapping("inputs").Scalar("versionSpec"));
        Assert.Equal(["npm ci", "./test.sh"], scripts);
        var testScript = Assert.Single(Steps(test), s => s.Scalar("script") == "./test.sh");
        Assert.Equal("1", testScript.Mapping("env").Scalar("TEST_COVERAGE")); // test.sh collects coverage only then
        var results = Task(test, "PublishTestResults@2").Mapping("inputs");
        Assert.Equal("VSTest", results.Scalar("testResultsFormat"));
        Assert.Contains("TestResults", results.Scalar("searchFolder"), StringComparison.Ordinal);
        Assert.Contains("cobertura", Task(test, "PublishCodeCoverageResults@2").Mapping("inputs").Scalar("summaryFileLocation"), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_stage_publishes_the_functions_project_as_a_zip_artifact()
    {
        var package = Stage("Package");

        Assert.Contains(Yaml.Scalars(package), s => s.Contains("dotnet publish src/Invoicing.Functions", StringComparison.Ordinal));
        Assert.Equal("zip", Task(package, "ArchiveFiles@2").Mapping("inputs").Scalar("archiveType"));
        var artifacts = Steps(package).Where(s => s.Scalar("task") == "PublishPipelineArtifact@1")
            .Select(s => s.Mapping("inputs").Scalar("artifact")).ToList();
        Assert.Equal(["functions", "infra"], artifacts);
    }

    [Fact]
    public void Package_stage_publishes_the_functions_app_ready_to_run_for_the_plans_linux_x64_workers()
    {
        // A fresh instance then runs the package's native code instead of compiling the app and the Azure SDK before
        // its first invocation (issue 24, goal 4; docs/performance.md, part 7). Framework-dependent: the plan's
        // dotnet-isolated runtime is the one the code runs on.
        var publish = Assert.Single(
            Steps(Stage("Package")).Select(s => s.Scalar("script")).OfType<string>(), s => s.Contains("dotnet publish src/Invoicing.Functions", StringComparison.Ordinal));
        var arguments = publish.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("linux-x64", arguments[Array.IndexOf(arguments, "-r") + 1]);
        Assert.Equal("false", arguments[Array.IndexOf(arguments, "--self-contained") + 1]);
        Assert.Contains("-p:PublishReadyToRun=true", arguments);
        Assert.Equal("Release", arguments[Array.IndexOf(arguments, "-c") + 1]);
        Assert.Contains("kind: 'functionapp,linux'", File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "modules", "functionapp.bicep")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeployTest", "invoicing-test", "main.test.bicepparam", "azureServiceConnectionTest")]
    [InlineData("DeployProd", "invoicing-prod", "main.prod.bicepparam", "azureServiceConnectionProd")]
    public void Deploy_stage_is_a_deployment_job_in_its_environment_that_deploys_bicep_then_the_package(
        string stageName, string environment, string parameterFile, string serviceConnectionVariable)
    {
        var stage = Stage(stageName);
        var job = Assert.Single(stage.Sequence("jobs").Children.OfType<YamlMappingNode>());

        Assert.NotNull(job.Scalar("deployment"));
        var environmentName = job.Get("environment") switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlMappingNode mapping => mapping.Scalar("name"),
            _ => null,
        };
        Assert.Equal(environment, environmentName);
        Assert.Contains(environment, Yaml.Scalars(stage.Sequence("variables")).Where(v => v.StartsWith("invoicing-", StringComparison.Ordinal)));

        var cli = Steps(stage).Where(s => s.Scalar("task") == "AzureCLI@2").ToList();
        Assert.True(cli.Count >= 2);
        var scripts = cli.Select(s => s.Mapping("inputs").Scalar("inlineScript") ?? "").ToList();
        var bicep = scripts.FindIndex(s => s.Contains("az deployment group create", StringComparison.Ordinal) && s.Contains(parameterFile, StringComparison.Ordinal));
        var zip = scripts.FindIndex(s => s.Contains("az functionapp deployment source config-zip", StringComparison.Ordinal));
        Assert.True(bicep >= 0, $"{stageName} does not run az deployment group create with {parameterFile}");
        Assert.True(zip > bicep, $"{stageName} must deploy the package after the infrastructure");
        foreach (var step in cli)
        {
            Assert.Equal($"${{{{ variables.{serviceConnectionVariable} }}}}", step.Mapping("inputs").Scalar("azureSubscription"));
        }

        Assert.NotNull(Pipeline.Mapping("variables").Scalar(serviceConnectionVariable));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, parameterFile)));
    }

    [Fact]
    public void Pipeline_pins_the_bicep_version_the_tests_use()
    {
        Assert.Equal($"v{BicepCli.Version}", Pipeline.Mapping("variables").Scalar("bicepVersion"));
    }

    [Fact]
    public void Azd_project_deploys_the_functions_project_to_a_function_app_from_infra()
    {
        var azd = Yaml.LoadMapping(RepositoryPaths.InRoot("azure.yaml"));
        var functions = azd.Mapping("services").Mapping("functions");

        Assert.Equal("src/Invoicing.Functions", functions.Scalar("project"));
        Assert.Equal("dotnet", functions.Scalar("language"));
        Assert.Equal("function", functions.Scalar("host"));
        Assert.True(File.Exists(RepositoryPaths.InRoot("src", "Invoicing.Functions", "Invoicing.Functions.csproj")));
        Assert.Equal("bicep", azd.Mapping("infra").Scalar("provider"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.InRoot(azd.Mapping("infra").Scalar("path")!), "main.bicep")));
    }

    private static IEnumerable<YamlMappingNode> Stages() => Pipeline.Sequence("stages").Children.OfType<YamlMappingNode>();

    private static YamlMappingNode Stage(string name) => Assert.Single(Stages(), s => s.Scalar("stage") == name);

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode stage) =>
        Yaml.Mappings(stage).Where(m => m.Get("steps") is YamlSequenceNode)
            .SelectMany(m => m.Sequence("steps").Children.OfType<YamlMappingNode>());

    private static YamlMappingNode Task(YamlMappingNode stage, string task) => Assert.Single(Steps(stage), s => s.Scalar("task") == task);

    private static void AssertUsesGlobalJson(YamlMappingNode stage) =>
        Assert.Equal("true", Task(stage, "UseDotNet@2").Mapping("inputs").Scalar("useGlobalJson"));

    private static IEnumerable<string> SolutionProjects() =>
        File.ReadLines(RepositoryPaths.InRoot("Invoicing.sln"))
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split(',')[1].Trim().Trim('"').Replace('\\', '/'));
}
