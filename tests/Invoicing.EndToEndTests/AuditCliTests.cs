using System.Text.Json;
using Azure.Data.Tables;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary><c>./invoicing audit</c>: the trail of every change with its actor, and a verification that names a changed event.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_audit_lists_an_invoices_changes_with_the_terminal_user_and_verify_names_an_event_edited_in_the_table()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo")).ExitCode);
        var paid = await cli.RunAsync("payments", "register", "202600014", "--amount", "2345,00", "--date", "2026-12-04", "--note", "kontoutdrag 12");
        Assert.True(paid.ExitCode == 0, paid.ToString());

        var history = await cli.RunAsync("audit", "--invoice", "202600014");
        var json = await cli.RunAsync("audit", "--year", "2026", "--json");
        var holds = await cli.RunAsync("audit", "verify");

        Assert.True(history.ExitCode == 0, history.ToString());
        var terminal = $"{Environment.UserName}@{Environment.MachineName} (cli)";
        var lines = history.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("document.issued", StringComparison.Ordinal) && l.Contains(terminal, StringComparison.Ordinal) && l.Contains("202600014", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("payment.booked", StringComparison.Ordinal) && l.Contains(terminal, StringComparison.Ordinal) && l.Contains("2\u00A0345,00\u00A0kr", StringComparison.Ordinal));
        Assert.Contains("2 events.", history.Stdout, StringComparison.Ordinal);
        var events = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal("dataset.seeded", events[0].GetProperty("action").GetString());
        Assert.Equal(32, events.GetArrayLength());
        Assert.True(holds.ExitCode == 0, holds.ToString());
        Assert.Contains("The audit trail holds: 32 events chained without a break", holds.Stdout, StringComparison.Ordinal);

        var table = new TableClient(azurite.ConnectionString, cli.Prefix + "AuditTrail");
        var row = (await table.GetEntityAsync<TableEntity>("chain", "e000000000010")).Value;
        row["Details"] = row.GetString("Details") + " (edited)";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var broken = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("The audit trail is broken at Event 10 (document.issued 2026000", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains($"by {terminal}): its content does not match its hash", broken.Stderr, StringComparison.Ordinal);
    }
}
