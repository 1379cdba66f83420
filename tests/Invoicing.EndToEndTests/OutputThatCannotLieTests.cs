using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// Text from a bank file reaches the terminal escaped (<c>DisplayText</c>): a payer's name or text holding a line
/// break cannot print a line of its own that looks like the product's, nor a direction override turn a line around.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutputThatCannotLieTests(AzuriteFixture azurite)
{
    private const string Forged = "\n  99 999,00 kr booked";

    [Fact]
    public async Task A_payer_name_with_a_line_break_is_shown_escaped_and_cannot_forge_a_report_line()
    {
        using var cli = new CliRunner(azurite);
        var camt = Path.Combine(cli.WorkingDirectory, "forged.xml");
        await File.WriteAllBytesAsync(camt, new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("100.00", AccountServicerReference: "FORGE-1", BookingDate: "2026-03-02",
                Transactions: [new(Unstructured: "Betalning" + Forged, Debtor: "Håbo kommun" + Forged)]))
            .Entry(new CamtEntry("200.00", AccountServicerReference: "FORGE-2", BookingDate: "2026-03-02",
                Transactions: [new(Unstructured: "Avgift \u202Erk 00,999 99", Debtor: "Enköping \u202Ekommun")]))
            .ToBytes());

        var import = await cli.RunAsync("payments", "import", camt);
        var unmatched = await cli.RunAsync("payments", "unmatched");
        var json = await cli.RunAsync("payments", "unmatched", "--json");

        foreach (var result in new[] { import, unmatched })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(Lines(result.Stdout), line => line.TrimStart().StartsWith("99 999,00 kr booked", StringComparison.Ordinal));
            Assert.DoesNotContain('\u202E', result.Stdout);
        }

        Assert.Contains("\"Betalning\\u000A  99 999,00 kr booked\"", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("Avgift \\u202Erk 00,999 99", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("Håbo kommun\\u000A  99 999,00 kr booked", unmatched.Stdout, StringComparison.Ordinal);
        Assert.Contains("Enköping \\u202Ekommun", unmatched.Stdout, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.DoesNotContain('\u202E', json.Stdout);
        Assert.DoesNotContain(Lines(json.Stdout), line => line.TrimStart().StartsWith("99 999,00 kr booked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "invoices", "list", "--year", "2026", "--scheme", "region-mitt-pom\n" }, "error: Scheme id 'region-mitt-pom\\u000A' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    [InlineData(new[] { "invoices", "list", "--year", "2026", "--scheme", " region-mitt-pom" }, "error: Scheme id ' region-mitt-pom' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    [InlineData(new[] { "invoices", "show", "202600014 " }, "error: Invoice number '202600014 ' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    [InlineData(new[] { "payments", "register", "202600014\n", "--amount", "100", "--date", "2026-03-01" }, "error: Invoice number '202600014\\u000A' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    [InlineData(new[] { "payments", "book", "abc123 ", "--invoice", "202600014" }, "error: Unmatched payment id 'abc123 ' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    [InlineData(new[] { "payments", "files", "download", " abc123", "--out", "." }, "error: Bank file id ' abc123' has a space or line break at its start or end; an id is taken as given, never trimmed.")]
    public async Task An_id_given_with_a_space_or_line_break_at_an_edge_is_refused_in_one_line_and_never_trimmed(string[] arguments, string expected)
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunAsync(arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Stderr.Trim());
    }

    [Fact]
    public async Task An_empty_INVOICING_STORAGE_is_an_error_and_never_the_local_emulator()
    {
        using var cli = new CliRunner(azurite);
        cli.Environment["INVOICING_STORAGE"] = "";

        var result = await cli.RunAsync("invoices", "list", "--year", "2026");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: INVOICING_STORAGE is set but empty: give a storage connection string or an https:// account URL, or unset it for the local Azurite.",
            result.Stderr.Trim());
    }

    private static string[] Lines(string text) => text.Split('\n');
}
