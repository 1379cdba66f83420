using System.Security.Cryptography;
using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.Peppol;
using Xunit.Abstractions;

namespace Invoicing.EndToEndTests;

/// <summary>
/// E-invoices through the CLI as finance uses it (docs/walkthrough-einvoices.md): list, download one or all, parties,
/// and why some are PDF only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EInvoiceCliTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task After_the_demo_every_e_invoice_downloads_checked_against_its_hash_and_passes_peppol_validation()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo", "--out", "demo-out")).ExitCode);
        var list = await cli.RunAsync("invoices", "list", "--year", "2026", "--json");
        var invoices = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToArray();
        var fourteenth = invoices.Single(i => i.GetProperty("number").GetString() == "202600014");

        var one = await cli.RunAsync("invoices", "download", "202600014", "--year", "2026", "--format", "ubl", "--out", "one");
        var all = await cli.RunAsync("invoices", "download", "--all", "--year", "2026", "--format", "ubl", "--out", "all");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        var file = Path.Combine(cli.WorkingDirectory, "one", "202600014.xml");
        Assert.True(fourteenth.GetProperty("eInvoice").GetBoolean());
        Assert.Equal(fourteenth.GetProperty("eInvoiceSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
        Assert.Equal("region-mitt-pom/2026/202600014.xml", fourteenth.GetProperty("eInvoiceBlobName").GetString());
        var files = Directory.GetFiles(Path.Combine(cli.WorkingDirectory, "all"), "*.xml");
        Assert.Equal(28, files.Length); // 29 invoices (Västerås' own share is not invoiced); Region Västmanland is PDF only
        Walkthrough.Shows("202600029: PDF only: the buyer has no buyer reference (Er referens)", all.Stderr);
        Walkthrough.Shows("Saved 28 e-invoices (UBL) to ", all.Stderr);
        Walkthrough.Shows("Saved 1 e-invoices (UBL) to ", one.Stderr);

        // Sala's e-invoice carries how its share was computed: the pool's every participant, its own row marked.
        var xml = await File.ReadAllTextAsync(file);
        Walkthrough.Shows("<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/csv\" filename=\"specifikation-202600014.csv\">", xml);
        var specification = Assert.Single(UblAttachments.Read(await File.ReadAllBytesAsync(file)));
        var csv = System.Text.Encoding.UTF8.GetString(specification.Content);
        Walkthrough.Shows("Summan av raderna med Er andel = ja är 6 051,00 kr.", specification.Description);
        Walkthrough.Shows("Budgetrad;Text;Fördelning;Radens belopp;Befolkning enligt;Per datum;Total befolkning;Kod;Part;Befolkning;Andel (%);Grundavgift;Tak/golv;Kr per invånare;Belopp;Er andel;Beslutsdatum;Beslut;Revision", csv);
        Walkthrough.Shows("6;Västmanlands kommuner;folkmängd;75000,00;regionfakta.com 2025-09 (budget 2026 BILAGA 1);2025-09-30;280999;1981;Sala kommun;22672;8,1;;;;6051,00;ja;2025-12-15;Samverkansforum PoM, budgetmöte 2025-12-15;0", csv);
        Walkthrough.Shows("6;Västmanlands kommuner;folkmängd;75000,00;regionfakta.com 2025-09 (budget 2026 BILAGA 1);2025-09-30;280999;1980;Västerås kommun;161236;57,4;;;;43035,00;;2025-12-15;Samverkansforum PoM, budgetmöte 2025-12-15;0", csv);

        var report = await PeppolValidator.ValidateAsync(files.ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f)));
        output.WriteLine(report.Summary());
        report.AssertNoFatal();
    }

    [Fact]
    public async Task An_invoice_without_buyer_reference_is_pdf_only_and_list_show_and_download_say_why()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("demo", "--out", "demo-out")).ExitCode);

        var list = await cli.RunAsync("invoices", "list", "--year", "2026");
        var show = await cli.RunAsync("invoices", "show", "202600029");
        var download = await cli.RunAsync("invoices", "download", "202600029", "--year", "2026", "--format", "ubl", "--out", "x");

        Walkthrough.Shows("REGION-19 Region Västmanland   75 000,00 kr  20260002918", list.Stdout);
        Walkthrough.Shows("Unpaid            PDF only: the buyer has no buyer reference (Er referens)", list.Stdout);
        Walkthrough.Shows("Invoice 202600029 to REGION-19 Region Västmanland (region-mitt-pom 2026)", show.Stdout);
        Walkthrough.Shows("PDF only: the buyer has no buyer reference (Er referens)", show.Stdout);
        Assert.Equal(1, download.ExitCode);
        Walkthrough.Shows("error: Invoice 202600029 is PDF only: the buyer has no buyer reference (Er referens). Its PDF is the invoice.", download.Stderr);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "x")) && Directory.EnumerateFiles(Path.Combine(cli.WorkingDirectory, "x")).Any());
    }

    [Fact]
    public async Task The_party_list_shows_org_number_buyer_reference_endpoint_address_and_delivery()
    {
        using var cli = new CliRunner(azurite);
        Assert.Equal(0, (await cli.RunAsync("seed")).ExitCode);

        var parties = await cli.RunAsync("parties", "list");

        Assert.True(parties.ExitCode == 0, parties.ToString());
        var lines = parties.Stdout.Split('\n');
        Assert.Matches(@"^1980\s+Västerås kommun\s+212000-2080\s+EXEMPEL-1980\s+0007:2120002080\s+-\s+e-invoice via operator", lines.Single(l => l.StartsWith("1980 ", StringComparison.Ordinal)));
        Assert.Matches(@"^LST-03\s+.*202100-2254\s+-\s+-\s+Bäverns gränd 17, 753 19 UPPSALA\s+PDF only: no buyer reference, e-mail", lines.Single(l => l.StartsWith("LST-03 ", StringComparison.Ordinal)));
        Assert.Matches(@"^REGION-19\s+Region Västmanland\s+-\s+-\s+-\s+-\s+PDF only: no buyer reference", lines.Single(l => l.StartsWith("REGION-19 ", StringComparison.Ordinal)));
        Walkthrough.Shows("REGION-03  Region Uppsala                    232100-0024  EXEMPEL-REGION-03  0007:2321000024  -                                    e-invoice via operator", parties.Stdout);
        Walkthrough.Shows("LST-03     Länsstyrelsen i Uppsala län       202100-2254  -                  -                Bäverns gränd 17, 753 19 UPPSALA     PDF only: no buyer reference, e-mail", parties.Stdout);
        Walkthrough.Shows("REGION-19  Region Västmanland                -            -                  -                -                                    PDF only: no buyer reference", parties.Stdout);
    }
}
