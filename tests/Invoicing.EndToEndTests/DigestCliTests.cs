using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// <c>./invoicing digest</c> against Azurite on a pinned clock: it shows what the daily timer would send, queues it
/// once a day when finance has an address, says so when there is nothing, and refuses a bad address at start.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_digest_is_shown_then_queued_once_a_day_and_a_past_day_is_only_a_dry_run()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed", "--data", Path.Combine(TestPaths.RepositoryRoot, "data", "finsam-exempel-2026")));
        Ok(await cli.RunAsync("budget", "approve", "--scheme", "finsam-exempel", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"));
        Ok(await cli.RunAsync("run"));
        Assert.Contains("Nothing to report for 2026-12-04: nothing was queued.", Ok(await cli.RunAsync("digest", "--dry-run")).Stdout, StringComparison.Ordinal);

        // Issued 2026-12-04 with 30 days to pay: 2027-01-03 is a Sunday, so due Monday 2027-01-04, past due the day after.
        cli.Today = "2027-01-05 08:00:00";
        var dry = Ok(await cli.RunAsync("digest", "--dry-run")).Stdout;
        var unaddressed = Ok(await cli.RunAsync("digest")).Stdout;
        cli.Environment["Invoicing__FinanceDigest__To"] = "ekonomi@example.se";
        var queued = Ok(await cli.RunAsync("digest")).Stdout;
        var again = Ok(await cli.RunAsync("digest")).Stdout;
        var past = await cli.RunAsync("digest", "--date", "2027-01-04");
        var pastDry = Ok(await cli.RunAsync("digest", "--date", "2027-01-04", "--dry-run")).Stdout;
        var outbox = Ok(await cli.RunAsync("mail", "outbox")).Stdout;

        Assert.Contains("Subject: Ekonomisammanställning 2027-01-05: 10 förfallna", dry, StringComparison.Ordinal);
        Assert.Contains("Fakturor som förfallit obetalda: 10 st, ", dry, StringComparison.Ordinal);
        Assert.Contains("förfallodag 2027-01-04, 1 dag sedan", dry, StringComparison.Ordinal);
        Assert.Contains("Nya omatchade inbetalningar: 0 st", dry, StringComparison.Ordinal);
        Assert.EndsWith("Dry run: nothing was queued.\n", dry, StringComparison.Ordinal);
        Assert.Contains("No address is set for finance (Invoicing:FinanceDigest:To): nothing was queued.", unaddressed, StringComparison.Ordinal);
        Assert.Contains("Queued as finance-digest-2027-01-05 to ekonomi@example.se", queued, StringComparison.Ordinal);
        Assert.Contains("The digest of 2027-01-05 was queued earlier as finance-digest-2027-01-05 (Pending); nothing more was queued.", again, StringComparison.Ordinal);
        Assert.Contains("Fakturor som förfallit obetalda: 10 st, ", again, StringComparison.Ordinal);
        Assert.Equal(1, past.ExitCode);
        Assert.Contains("error: the digest of 2027-01-04, before today (2027-01-05), can only be a dry run", past.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing to report for 2027-01-04: nothing was queued.", pastDry, StringComparison.Ordinal);
        Assert.Single(outbox.Split('\n'), l => l.StartsWith("finance-digest-2027-01-05 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_address_for_finance_stops_the_command_with_one_line_naming_the_setting()
    {
        using var cli = new CliRunner(azurite);
        cli.Environment["Invoicing__FinanceDigest__To"] = "ekonomi";

        var result = await cli.RunAsync("digest", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Invoicing:FinanceDigest:To 'ekonomi' must be one e-mail address or several separated by commas", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
