using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>docs/systemdokumentation.md is what <c>./invoicing systemdokumentation</c> prints: written from the code, never stale.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SystemDocumentationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_system_documentation_in_docs_is_what_the_code_writes_today()
    {
        using var cli = new CliRunner(azurite);

        var printed = await cli.RunAsync("systemdokumentation");

        Assert.True(printed.ExitCode == 0, printed.ToString());
        var kept = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "systemdokumentation.md"));
        Assert.True(
            string.Equals(kept.ReplaceLineEndings("\n"), printed.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal),
            "docs/systemdokumentation.md is stale: run ./invoicing systemdokumentation > docs/systemdokumentation.md and commit it.");
        Assert.Contains("| `AuditTrail` |", printed.Stdout, StringComparison.Ordinal);
        Assert.Contains("| I | 2026-05-20 | Återbetalning 202600014 Sala kommun (1981) | 1930 Bank |  | 300,00\u00A0kr |", printed.Stdout, StringComparison.Ordinal);
    }
}
