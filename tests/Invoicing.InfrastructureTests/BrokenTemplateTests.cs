namespace Invoicing.InfrastructureTests;

/// <summary>The checks above would pass vacuously if a broken template slipped through: these fixtures must not.</summary>
public sealed class BrokenTemplateTests
{
    [Fact]
    public async Task A_template_with_errors_is_rejected()
    {
        var file = Path.Combine(RepositoryPaths.Fixtures, "broken.bicep");

        var result = await BicepCli.BuildAsync(file, CompiledInfrastructure.NewOutputFile(file));

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(result.IsClean);
        Assert.Contains(": Error ", result.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_only_has_linter_warnings_is_not_clean()
    {
        var file = Path.Combine(RepositoryPaths.Fixtures, "linter-warning.bicep");

        var result = await BicepCli.BuildAsync(file, CompiledInfrastructure.NewOutputFile(file));

        // The CLI succeeds on warnings; the tests must not.
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.IsClean);
        Assert.Contains(": Warning no-unused-params", result.Diagnostics, StringComparison.Ordinal);
    }
}
