using System.Security.Cryptography;
using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// <c>payments files</c> lists every imported bank file once, with who imported it from where and what the import
/// did; <c>payments files download</c> writes one back byte for byte, checked against its SHA-256.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFileArchiveCliTests(AzuriteFixture azurite)
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task An_imported_file_is_listed_once_with_its_importer_and_counts_and_a_second_import_is_counted_on_it()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var bgmax = Copy(cli, PublishedBankFiles.BgMaxExample2026);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(bgmax)));
        var me = $"{Environment.UserName}@{Environment.MachineName}";

        var first = Ok(await cli.RunAsync("payments", "import", bgmax)).Stdout;
        var again = Ok(await cli.RunAsync("payments", "import", bgmax)).Stdout;
        var table = Ok(await cli.RunAsync("payments", "files")).Stdout;
        using var json = JsonDocument.Parse(Ok(await cli.RunAsync("payments", "files", "--json")).Stdout);

        Assert.Contains($"Archived as bank file {sha256} (SHA-256)", first, StringComparison.Ordinal);
        Assert.Contains($"This file (SHA-256 {sha256}) was imported before: first on ", again, StringComparison.Ordinal);
        Assert.Contains($"from cli by {me}, as {PublishedBankFiles.BgMaxExample2026}. It is archived once; this was import 2 of it.", again, StringComparison.Ordinal);

        var row = Assert.Single(table.Split('\n'), line => line.Contains(sha256, StringComparison.Ordinal));
        var name = System.Text.RegularExpressions.Regex.Escape(PublishedBankFiles.BgMaxExample2026);
        Assert.Matches($@"^\d{{4}}-\d\d-\d\d \d\d:\d\d UTC +{name} +BgMax +cli +{System.Text.RegularExpressions.Regex.Escape(me)} +7 +5 +0 +2 +0 +0 +2 +{sha256}$", row.TrimEnd('\r'));
        Assert.Contains("1 bank file, archived once.", table, StringComparison.Ordinal);

        var file = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal((sha256, sha256, PublishedBankFiles.BgMaxExample2026), (file.GetProperty("id").GetString(), file.GetProperty("sha256").GetString(), file.GetProperty("fileName").GetString()));
        Assert.Equal(("BgMax", "BgMax", "cli", me), (file.GetProperty("format").GetString(), file.GetProperty("formatName").GetString(), file.GetProperty("entrance").GetString(), file.GetProperty("importedBy").GetString()));
        Assert.Equal((5, 2, 2), (file.GetProperty("counts").GetProperty("booked").GetInt32(), file.GetProperty("counts").GetProperty("unmatched").GetInt32(), file.GetProperty("imports").GetInt32()));
        Assert.Equal(new FileInfo(bgmax).Length, file.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Download_writes_the_file_back_byte_for_byte_under_its_name_and_names_an_unknown_id_in_one_error_line()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var camt = Copy(cli, PublishedBankFiles.Camt054Sample);
        var original = await File.ReadAllBytesAsync(camt);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(original));
        Ok(await cli.RunAsync("payments", "import", camt));
        var folder = Path.Combine(cli.WorkingDirectory, "granskning");

        var saved = Ok(await cli.RunAsync("payments", "files", "download", sha256[..12], "--out", folder)).Stdout;
        var savedAgain = Ok(await cli.RunAsync("payments", "files", "download", sha256, "--out", folder)).Stdout;
        var unknown = await cli.RunAsync("payments", "files", "download", "ffffffffffff", "--out", folder);

        var path = Path.Combine(folder, PublishedBankFiles.Camt054Sample);
        Assert.Equal(original, await File.ReadAllBytesAsync(path));
        Assert.Equal([PublishedBankFiles.Camt054Sample], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Contains($"Saved {path}: {original.Length.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", Nbsp, StringComparison.Ordinal)} bytes, SHA-256 {sha256} (checked)", saved, StringComparison.Ordinal);
        Assert.Contains("is already this file", savedAgain, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("error: There is no archived bank file ffffffffffff (see ./invoicing payments files).", unknown.Stderr.Trim());
    }

    [Fact]
    public async Task A_payment_booked_from_a_file_shows_the_file_on_its_invoice_and_an_unmatched_entry_on_the_list()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var bgmax = Copy(cli, PublishedBankFiles.BgMaxExample2026);
        var shortId = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(bgmax)))[..12];
        Ok(await cli.RunAsync("payments", "import", bgmax));

        var invoice = Ok(await cli.RunAsync("invoices", "show", "202600003")).Stdout;
        var unmatched = Ok(await cli.RunAsync("payments", "unmatched")).Stdout;

        Assert.Contains($"{PublishedBankFiles.BgMaxExample2026} (file {shortId})", invoice, StringComparison.Ordinal);
        Assert.Equal(2, unmatched.Split('\n').Count(line => line.TrimEnd('\r').EndsWith(shortId, StringComparison.Ordinal)));
    }

    private static string Copy(CliRunner cli, string name)
    {
        var path = Path.Combine(cli.WorkingDirectory, name);
        File.Copy(PublishedBankFiles.PathOf(name), path);
        return path;
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
