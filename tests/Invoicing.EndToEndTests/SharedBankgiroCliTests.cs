using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// An issuer whose bankgiro is the municipality's shared one (<c>Invoicing__Issuer__SharedAccount=true</c>) imports a
/// BgMax file with its other receivables' payments in it: the report and <c>payments files</c> count them as not ours.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedBankgiroCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task On_a_shared_bankgiro_the_import_report_and_the_file_list_count_the_other_receivables_as_not_ours()
    {
        using var cli = new CliRunner(azurite);
        cli.Environment["Invoicing__Issuer__SharedAccount"] = "true";
        Ok(await cli.RunAsync("demo"));
        var path = Path.Combine(cli.WorkingDirectory, "BGMAX-kommunen.txt");
        await File.WriteAllBytesAsync(path, new BgMaxBuilder().Start().Opening("9912346")
            .Payment(new InvoiceNumber(2026, 1).ToOcrReference().Value, 10_000, "000000000001").Name("Kommun")
            .Payment(OcrReference.Create("310000000042").Value, 45_000, "000000000002").Name("Anna Andersson")
            .Payment(OcrReference.Create("700123").Value, 12_500, "000000000003").Name("Bo Berg")
            .Payment(new InvoiceNumber(2026, 417).ToOcrReference().Value, 5_000, "000000000004").Name("Cecilia Carlsson")
            .Deposit("20261201", "00001")
            .End()
            .ToLatin1());

        var report = Ok(await cli.RunAsync("payments", "import", path)).Stdout;
        var files = Ok(await cli.RunAsync("payments", "files")).Stdout;
        using var json = JsonDocument.Parse(Ok(await cli.RunAsync("payments", "files", "--json")).Stdout);

        Assert.Contains(
            "BGMAX-kommunen.txt (BgMax): 1 booked, 0 already booked, 1 unmatched, 0 already unmatched. 2 not ours (the shared account's other receivables: valid OCR numbers not of our invoices' form): kept in the archived file, neither booked nor listed.",
            report, StringComparison.Ordinal);
        Assert.DoesNotContain("310000000042", report, StringComparison.Ordinal);
        Assert.Contains("Not ours", files, StringComparison.Ordinal);
        Assert.Matches(@"BGMAX-kommunen\.txt\s+BgMax\s+cli\s+\S+\s+4\s+1\s+0\s+1\s+2\s+0\s+1\s", files);
        Assert.Equal(2, json.RootElement[0].GetProperty("counts").GetProperty("notOurs").GetInt32());
        Assert.Equal(4, json.RootElement[0].GetProperty("counts").GetProperty("entries").GetInt32());
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
