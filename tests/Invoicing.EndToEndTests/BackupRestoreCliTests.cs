using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// The restore drill of docs/operations.md through the CLI: the demo's store backed up to a folder, restored into an
/// empty store (another name prefix), and every command answers the same on both.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackupRestoreCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_store_answers_every_command_as_the_original()
    {
        using var cli = new CliRunner(azurite);
        var demo = await cli.RunAsync("demo");
        Assert.True(demo.ExitCode == 0, demo.ToString());

        var backup = await cli.RunAsync("backup", "--out", "backup");

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.StartsWith($"Wrote backup to {Path.Combine(cli.WorkingDirectory, "backup")}: ", backup.Stdout, StringComparison.Ordinal);
        // 29 invoices, the open item of each (all are unpaid), the row naming the scheme's year (OpenItemEntity) and the
        // year's version (YearVersionEntity).
        Walkthrough.Shows("  table Invoices                  60 rows", backup.Stdout);
        Walkthrough.Shows("  container invoices              29 blobs", backup.Stdout);
        var original = await AnswersAsync(cli, "original");

        var target = AzuriteFixture.NewPrefix();
        cli.Environment["Invoicing__Storage__NamePrefix"] = target;
        var restore = await cli.RunAsync("restore", "--from", "backup");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Matches(@"^Restored the backup of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC from .+/backup: \d+ rows into 12 tables, \d+ blobs into 9 containers\.\n$", restore.Stdout);
        var restored = await AnswersAsync(cli, "restored");
        Assert.Equal(original.Invoices, restored.Invoices);
        Assert.Equal(original.Unmatched, restored.Unmatched);
        Assert.Equal(original.Sie, restored.Sie);
        Assert.Equal(29, original.Pdfs.Count);
        Assert.Equal(original.Pdfs, restored.Pdfs);

        var again = await cli.RunAsync("restore", "--from", "backup");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Stdout);
        Assert.StartsWith("error: the store is not empty (table Parties, ", again.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("hold data): a restore goes only into an empty store; nothing was written.\n", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_into_a_folder_that_is_not_empty_and_a_restore_of_a_changed_backup_are_refused_in_one_line()
    {
        using var cli = new CliRunner(azurite);
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "full"));
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "full", "notes.txt"), "mine");

        var notEmpty = await cli.RunAsync("backup", "--out", "full");

        Assert.Equal((1, ""), (notEmpty.ExitCode, notEmpty.Stdout));
        Assert.Equal($"error: {Path.Combine(cli.WorkingDirectory, "full")} is not empty: a backup goes into a new or empty folder, so it never mixes with another.\n", notEmpty.Stderr);

        var backup = await cli.RunAsync("backup", "--out", "backup");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        await File.AppendAllTextAsync(Path.Combine(cli.WorkingDirectory, "backup", "tables", "Parties.jsonl"), "\n");
        cli.Environment["Invoicing__Storage__NamePrefix"] = AzuriteFixture.NewPrefix();

        var changed = await cli.RunAsync("restore", "--from", "backup");

        Assert.Equal((1, ""), (changed.ExitCode, changed.Stdout));
        Assert.Matches(@"^error: backup file tables/Parties\.jsonl is \d+ bytes, the manifest says \d+ \(truncated or changed\); nothing was restored\.\n$", changed.Stderr);

        var empty = await cli.RunAsync("restore", "--from", "backup", "--storage", "");

        Assert.Equal(1, empty.ExitCode);
        Assert.StartsWith("error: --storage is empty", empty.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(string Invoices, string Unmatched, byte[] Sie, Dictionary<string, byte[]> Pdfs)> AnswersAsync(CliRunner cli, string name)
    {
        var invoices = await cli.RunAsync("invoices", "list", "--year", "2026");
        var unmatched = await cli.RunAsync("payments", "unmatched");
        var sie = await cli.RunAsync("export", "sie", "--year", "2026", "--out", $"{name}.si");
        var pdfs = await cli.RunAsync("invoices", "download", "--all", "--year", "2026", "--out", $"{name}-pdf");
        foreach (var result in new[] { invoices, unmatched, sie, pdfs })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var folder = Path.Combine(cli.WorkingDirectory, $"{name}-pdf");
        return (
            invoices.Stdout,
            unmatched.Stdout,
            await File.ReadAllBytesAsync(Path.Combine(cli.WorkingDirectory, $"{name}.si")),
            Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal));
    }
}
