using System.Text.Json.Nodes;

namespace Invoicing.InfrastructureTests;

/// <summary>The environments' parameter files and azd's parameter file fit the template and the retention law.</summary>
public sealed class ParameterFileTests
{
    /// <summary>Seven years (bokföringslagen), in days.</summary>
    private const int SevenYearsInDays = 2557;

    [Fact]
    public async Task Prod_keeps_documents_immutable_for_at_least_seven_years()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var prod = await CompiledInfrastructure.ProdParameters;

        var retention = Value(prod, "immutabilityRetentionDays") ?? template["parameters"]!["immutabilityRetentionDays"]!["defaultValue"];
        Assert.True(retention!.GetValue<int>() >= SevenYearsInDays, $"prod retention {retention} days is shorter than seven years");
        Assert.False(ArmTemplate.IsTrue(Value(prod, "immutabilityPoliciesLocked")), "the example variables leave the policies unlocked");
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task Parameter_file_names_its_environment_and_gives_every_required_parameter(string environment)
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var parameters = environment == "test" ? await CompiledInfrastructure.TestParameters : await CompiledInfrastructure.ProdParameters;

        Assert.Equal(environment, Value(parameters, "environmentName")?.GetValue<string>());
        AssertFitsTemplate(template, parameters["parameters"]!.AsObject());
    }

    [Fact]
    public async Task Azd_parameter_file_fits_the_template()
    {
        var template = await CompiledInfrastructure.MainTemplate;
        var azd = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!;

        var parameters = azd["parameters"]!.AsObject();
        AssertFitsTemplate(template, parameters);
        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]?["value"]?.GetValue<string>());
    }

    private static JsonNode? Value(JsonObject parameterFile, string name) => parameterFile["parameters"]?[name]?["value"];

    private static void AssertFitsTemplate(JsonObject template, JsonObject given)
    {
        var declared = template["parameters"]!.AsObject();
        foreach (var (name, _) in given)
        {
            Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of infra/main.bicep");
        }

        foreach (var (name, parameter) in declared)
        {
            if (parameter?["defaultValue"] is null && parameter?["nullable"] is null)
            {
                Assert.True(given.ContainsKey(name), $"required parameter {name} is not given");
            }
        }
    }
}
