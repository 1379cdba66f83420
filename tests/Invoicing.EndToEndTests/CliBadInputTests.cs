using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>Bad input: one clear line naming the problem, exit code 1, nothing written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliBadInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_dataset_with_a_negative_population_is_refused_naming_file_row_and_field_and_nothing_is_seeded()
    {
        using var cli = new CliRunner(azurite);
        var data = BundledDatasetCopy.WriteTo(Path.Combine(cli.WorkingDirectory, "data"));

        var populations = Path.Combine(data, "populations.csv");
        File.WriteAllText(populations, File.ReadAllText(populations).Replace("1980,161236", "1980,-161236", StringComparison.Ordinal));

        var result = await cli.RunAsync("seed", "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("populations.csv, row 2, field population", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var show = await cli.RunAsync("budget", "show", "--year", "2026");
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("There is no budget for scheme region-mitt-pom, year 2026", show.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_decision_date_is_refused()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);

        var result = await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-13-40", "--reference", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--decided-on '2025-13-40' is not a date in the form yyyy-MM-dd", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Status: Draft", (await cli.RunAsync("budget", "show", "--year", "2026")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_storage_option_is_an_error_and_never_the_local_emulator()
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunAsync("invoices", "list", "--year", "2026", "--storage", "");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: --storage is empty: give a storage connection string or an https:// account URL, or leave the option out for the local Azurite.",
            result.Stderr.Trim());
    }

    [Fact]
    public async Task A_bankgiro_failing_its_check_digit_stops_the_run_and_issues_nothing()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x")).ExitCode);
        var settings = Path.Combine(cli.WorkingDirectory, "settings.json");
        File.WriteAllText(settings, """{ "Invoicing": { "Issuer": { "Bankgiro": "991-2345" } } }""");

        var result = await cli.RunWithSettingsAsync(settings, "run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Invoicing:Issuer:Bankgiro", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("check digit", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("[]", (await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout.Trim());
    }

    [Fact]
    public async Task Downloading_an_unknown_invoice_is_refused()
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunAsync("invoices", "download", "202699999", "--year", "2026", "--out", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no invoice 202699999", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "x")));
    }

    [Fact]
    public async Task A_reference_table_without_an_amount_column_is_refused()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);
        var reference = Path.Combine(cli.WorkingDirectory, "ref.csv");
        File.WriteAllText(reference, "name;belopp\nVästerås;43035\n");

        var result = await cli.RunAsync("reconcile", "--year", "2026", "--reference", reference);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ref.csv: column 'amount' is missing", result.Stderr, StringComparison.Ordinal);
    }
}
