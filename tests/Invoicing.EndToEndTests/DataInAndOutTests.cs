using System.Globalization;
using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.Scb;
using Invoicing.Testing.Sie;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// SCB's populations in, the budget appendix and the SIE file out, through the CLI like a user: the steps of
/// docs/walkthrough-sie.md, the appendix of docs/walkthrough-year.md and the comparison of docs/populations.md.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DataInAndOutTests(AzuriteFixture azurite)
{
    private static string ScbFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "scb-pxweb", name);

    [Fact]
    public async Task After_the_demo_and_a_payment_import_the_sie_file_balances_is_repeatable_and_agrees_with_the_invoice_list()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        Walkthrough.Shows(
            "camt054-example.xml (Camt054): 3 booked, 0 already booked, 1 unmatched, 0 already unmatched. 3 paid before the invoice was issued: check with the payer.",
            Ok(await cli.RunAsync("payments", "import", Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml"))).Stdout);
        var first = Path.Combine(cli.WorkingDirectory, "a.si");
        var second = Path.Combine(cli.WorkingDirectory, "b.si");

        var export = Ok(await cli.RunAsync("export", "sie", "--from", "2026-01-01", "--to", "2026-12-31", "--out", first));
        var year = Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", second));

        Assert.Contains("SIE 4I, 2026-01-01–2026-12-31, Västerås stad: 29 invoice, 0 credit note, 3 payment and 0 reversal vouchers", export.Stdout, StringComparison.Ordinal);
        Walkthrough.Shows("SIE 4I, 2026-01-01–2026-12-31, Västerås stad (documents of budget year 2026 only): 29 invoice, 0 credit note, 3 payment and 0 reversal vouchers, 393 617,00 kr debit = credit.", year.Stdout);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        var sie = SieReader.Read(await File.ReadAllBytesAsync(first));
        Assert.Equal("4I", sie.Type);
        using var list = JsonDocument.Parse(Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout);
        var invoices = list.RootElement.EnumerateArray().ToArray();
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amount"))), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amountPaid"))), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amountDue"))), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
        Assert.Equal(["Västerås stad"], sie.Post("#FNAMN"));
        Assert.Equal("Sala kommun", sie.Objects[("20", "1981")]);
        Assert.DoesNotContain(("20", "1980"), sie.Objects.Keys); // the issuer's own share is not invoiced
    }

    [Fact]
    public async Task A_days_file_holds_the_bank_payments_dated_that_day_and_nothing_else()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        Ok(await cli.RunAsync("payments", "import", Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml")));
        var file = Path.Combine(cli.WorkingDirectory, "2026-11-20.si");

        var export = Ok(await cli.RunAsync("export", "sie", "--from", "2026-11-20", "--to", "2026-11-20", "--out", file));
        var month = Ok(await cli.RunAsync("export", "sie", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "verifikationer-2026-11.si"));

        Walkthrough.Shows("SIE 4I, 2026-11-20–2026-11-20, Västerås stad: 0 invoice, 0 credit note, 3 payment and 0 reversal vouchers, 61 652,00 kr debit = credit.", export.Stdout);
        Walkthrough.Shows("SIE 4I, 2026-11-01–2026-11-30, Västerås stad: 0 invoice, 0 credit note, 3 payment and 0 reversal vouchers, 61 652,00 kr debit = credit.", month.Stdout);
        var sie = SieReader.Read(await File.ReadAllBytesAsync(file));
        Assert.Equal(["Verifikationer 2026-11-20 till 2026-11-20"], sie.Post("#PROSA"));
        Assert.All(sie.Vouchers, v => Assert.Equal(("I", "", new DateOnly(2026, 11, 20)), (v.Series, v.Number, v.Date)));
        Assert.Equal(3, sie.Vouchers.Count);
    }

    [Fact]
    public async Task In_a_year_with_a_revision_a_credit_after_payment_and_a_reversal_the_sie_file_agrees_with_the_invoice_list()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        Ok(await cli.RunAsync("payments", "import", Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml")));
        // Region Uppsala pays its 75 000 in full; the revision then credits it 15 000, which is owed back.
        Walkthrough.Shows(
            "Booked 75 000,00 kr on invoice 202600028 (Region Uppsala): Unpaid -> Paid",
            Ok(await cli.RunAsync("payments", "register", "202600028", "--amount", "75 000,00", "--date", "2026-11-20")).Stdout);
        Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised"))));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Samverkansforum PoM, budgetmöte 2026-03-16 §4"));
        Walkthrough.Shows("Budget region-mitt-pom 2026, revision 1: 11 documents (credit notes and invoices); 11 created, 0 already existed, 0 failed.", Ok(await cli.RunAsync("run")).Stdout);
        // The bank takes back Sandviken's 10 000 (202600024, OCR 20260002413): the example file the walk-through imports.
        var reversal = Ok(await cli.RunAsync("payments", "import", Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "camt054-reversal-example.xml"))).Stdout;
        Walkthrough.Shows("2026-11-21  -10 000,00 kr  20260002413  reversal booked on 202600024: PartiallyPaid -> Unpaid (takes back camt:EX-0002-2 from camt054-example.xml)", reversal);
        Walkthrough.Shows("camt054-reversal-example.xml (Camt054): 1 booked, 0 already booked, 0 unmatched, 0 already unmatched.", reversal);
        var file = Path.Combine(cli.WorkingDirectory, "year.si");

        var export = Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", file));
        Walkthrough.Shows("39 invoice, 1 credit note, 4 payment and 1 reversal vouchers, 508 617,00 kr debit = credit.", export.Stdout);
        Walkthrough.Shows("  202600028 REGION-03 Region Uppsala: 15 000,00 kr", Ok(await cli.RunAsync("invoices", "list", "--year", "2026")).Stdout);

        using var list = JsonDocument.Parse(Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json")).Stdout);
        var documents = list.RootElement.EnumerateArray().ToArray();
        var invoices = documents.Where(d => d.GetProperty("kind").GetString() == "invoice").ToArray();
        var credits = documents.Where(d => d.GetProperty("kind").GetString() == "credit-note").ToArray();
        Assert.Single(credits);
        Assert.Contains($"{invoices.Length} invoice, 1 credit note, 4 payment and 1 reversal vouchers", export.Stdout, StringComparison.Ordinal);
        var sie = SieReader.Read(await File.ReadAllBytesAsync(file));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amount"))) - credits.Sum(c => Ore(c.GetProperty("amount"))), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("amountPaid"))), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Math.Max(0, Ore(i.GetProperty("amountDue")))), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
        Assert.Equal(invoices.Sum(i => Ore(i.GetProperty("refundOwed"))), -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));
        Assert.Equal(15_000_00, -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));

        var credit = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Kreditfaktura", StringComparison.Ordinal));
        Assert.Equal($"Kreditfaktura {credits[0].GetProperty("number").GetString()} till faktura 202600028 Region Uppsala (REGION-03)", credit.Text);
        Assert.Equal([("2890", -15_000_00L), ("3490", 15_000_00L)], credit.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal(10, sie.Vouchers.Count(v => v.Text.StartsWith("Tilläggsfaktura", StringComparison.Ordinal)));
        var reversed = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Återförd inbetalning", StringComparison.Ordinal));
        Assert.Equal(("I", new DateOnly(2026, 11, 21), "Återförd inbetalning 202600024 Sandvikens kommun (2181)"), (reversed.Series, reversed.Date, reversed.Text));
        Assert.Equal([("1930", -10_000_00L), ("1510", 10_000_00L)], reversed.Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public async Task Scb_figures_are_imported_once_shown_with_their_provenance_and_compared_with_the_bundled_pool()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));

        var import = Ok(await cli.RunAsync("population", "import", "--scb", ScbFile("TAB5557_sv_ac392dca4f25fab2.json")));
        var again = Ok(await cli.RunAsync("population", "import", "--scb", ScbFile("TAB5557_sv_ac392dca4f25fab2.json")));
        using var shown = JsonDocument.Parse(Ok(await cli.RunAsync("population", "show", "--snapshot", "scb-2025", "--json")).Stdout);
        var compare = Ok(await cli.RunAsync("population", "compare", "--snapshot", "regionmitt-2026-19", "--snapshot", "scb-2025"));
        var budget = Ok(await cli.RunAsync("budget", "show", "--year", "2026"));

        Assert.Equal(
            "Recorded population snapshot scb-2025: 290 municipalities, SCB TAB5557 Folkmängd 31 december 2025 (000007ME), uppdaterad 2026-02-24, reference date 2025-12-31.",
            import.Stdout.Trim());
        Assert.Equal("Population snapshot scb-2025 is already recorded with these figures: nothing changed.", again.Stdout.Trim());
        var provenance = shown.RootElement.GetProperty("provenance");
        Assert.Equal(("TAB5557", "000007ME", "2025-12-31"), (provenance.GetProperty("tableId").GetString(), provenance.GetProperty("contentCode").GetString(), shown.RootElement.GetProperty("referenceDate").GetString()));
        Assert.StartsWith("POST https://statistikdatabasen.scb.se/api/v2/tables/TAB5557/data", provenance.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Contains("of 10 parties of regionmitt-2026-19 have another figure in scb-2025", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("region-mitt-pom 2026 line 6, Västmanlands kommuner", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("key: population snapshot regionmitt-2026-19, reference date 2025-09-30 (regionfakta.com 2025-09 (budget 2026 BILAGA 1))", budget.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scbs_2024_figures_match_the_bundled_uppsala_and_gavleborg_pools_and_differ_for_all_ten_vastmanland_municipalities()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));

        var import = Ok(await cli.RunAsync("population", "import", "--scb", ScbFile("folkmangd-2024-kommuner.csv"), "--format", "csv"));
        var compared = new Dictionary<string, JsonElement>();
        foreach (var county in new[] { "03", "19", "21" })
        {
            using var json = JsonDocument.Parse(Ok(await cli.RunAsync("population", "compare", "--snapshot", $"regionmitt-2026-{county}", "--snapshot", "scb-2024", "--json")).Stdout);
            compared[county] = json.RootElement.Clone();
        }

        Assert.Equal("Recorded population snapshot scb-2024: 290 municipalities, SCB TAB638 Folkmängd 31 december 2024 (BE0101N1), reference date 2024-12-31.", import.Stdout.Trim());
        // Differences are the parties of A whose figure differs; the other 280-odd municipalities are only in SCB's table.
        static (string Code, long A, long B)[] Differing(JsonElement compare) => compare.GetProperty("differences").EnumerateArray()
            .Where(d => d.GetProperty("a").ValueKind != JsonValueKind.Null)
            .Select(d => (d.GetProperty("code").GetString()!, d.GetProperty("a").GetInt64(), d.GetProperty("b").GetInt64())).ToArray();
        static (string Code, decimal A, decimal B)[] Shares(JsonElement compare) => Assert.Single(compare.GetProperty("pools").EnumerateArray()).GetProperty("shares").EnumerateArray()
            .Select(s => (s.GetProperty("code").GetString()!, s.GetProperty("amountA").GetDecimal(), s.GetProperty("amountB").GetDecimal())).ToArray();
        Assert.Empty(Differing(compared["03"]));
        Assert.Empty(Differing(compared["21"]));
        Assert.All(Shares(compared["03"]).Concat(Shares(compared["21"])), s => Assert.Equal(s.A, s.B));
        Assert.Equal(
            [("1904", 4_238L, 4_256L), ("1907", 9_773L, 9_845L), ("1960", 8_581L, 8_694L), ("1961", 16_551L, 16_653L), ("1962", 5_381L, 5_452L),
             ("1980", 161_236L, 160_634L), ("1981", 22_672L, 22_843L), ("1982", 12_956L, 13_072L), ("1983", 25_673L, 25_729L), ("1984", 13_938L, 13_980L)],
            Differing(compared["19"]));
        Assert.Equal(
            [("1904", 1_131m, 1_135m), ("1907", 2_609m, 2_626m), ("1960", 2_290m, 2_319m), ("1961", 4_418m, 4_442m), ("1962", 1_436m, 1_455m),
             ("1980", 43_035m, 42_850m), ("1981", 6_051m, 6_094m), ("1982", 3_458m, 3_487m), ("1983", 6_852m, 6_863m), ("1984", 3_720m, 3_729m)],
            Shares(compared["19"]));
        Assert.Equal(75_000m, Shares(compared["19"]).Sum(s => s.B));
    }

    [Fact]
    public async Task A_fetch_asks_the_configured_server_and_without_a_network_says_so_and_records_nothing()
    {
        await using var scb = new RecordedScbServer(RecordedResponse.Ok(await File.ReadAllBytesAsync(ScbFile("TAB5557_sv_ac392dca4f25fab2.json"))));
        using var cli = new CliRunner(azurite);
        cli.Environment["Invoicing__Scb__BaseUrl"] = scb.BaseUrl.ToString();

        var fetched = Ok(await cli.RunAsync("population", "import", "--fetch", "--year", "2025", "--snapshot", "hela-landet-2025"));
        cli.Environment["Invoicing__Scb__BaseUrl"] = $"http://127.0.0.1:{RecordedScbServer.FreePort()}/api/v2/";
        var offline = await cli.RunAsync("population", "import", "--fetch", "--year", "2025", "--region", "1980", "--snapshot", "offline");
        var missing = await cli.RunAsync("population", "show", "--snapshot", "offline");

        Assert.StartsWith("Recorded population snapshot hela-landet-2025: 290 municipalities", fetched.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"valueCodes\":[\"TotSa\"]", Assert.Single(scb.Requests).Body, StringComparison.Ordinal);
        Assert.Equal(1, offline.ExitCode);
        Assert.StartsWith("error: Cannot reach SCB at http://127.0.0.1:", offline.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: There is no population snapshot 'offline'.", missing.Stderr.Trim());
    }

    [Fact]
    public async Task A_wrong_file_is_refused_in_one_line_and_nothing_is_recorded()
    {
        using var cli = new CliRunner(azurite);
        var cut = Path.Combine(cli.WorkingDirectory, "cut.json");
        Directory.CreateDirectory(cli.WorkingDirectory);
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(ScbFile("TAB5557_sv_ac392dca4f25fab2.json")))[..15_000]);

        var result = await cli.RunAsync("population", "import", "--scb", cut);
        var several = await cli.RunAsync("population", "import", "--scb", ScbFile("TAB638_sv_2444c12de92d7e39.json"));
        var missing = await cli.RunAsync("population", "show", "--snapshot", "scb-2025");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: cut.json: not complete JSON (line ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: TAB638_sv_2444c12de92d7e39.json: holds the years 2000, 2001, 2002, 2003, 2004, 2005; say which one to import with --year.", several.Stderr.Trim());
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task The_budget_report_is_a_multi_page_pdf_marked_utkast_while_the_budget_is_a_draft()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));
        var pdf = Path.Combine(cli.WorkingDirectory, "bilaga1.pdf");

        var result = Ok(await cli.RunAsync("budget", "report", "--year", "2026", "--out", pdf));

        Walkthrough.Shows("appendix of budget region-mitt-pom 2026 (UTKAST), 3 pools, 5 309 000,00 kr income, 2 455 000,00 kr costs.", result.Stdout);
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync(pdf));
        Assert.Equal(2, document.NumberOfPages);
        Assert.All(document.GetPages(), p => Assert.Contains("UTKAST", p.Text, StringComparison.Ordinal));
        Assert.Contains("Sida 2 av 2", document.GetPage(2).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appendix_of_a_revision_shows_the_change_per_party_utkast_while_a_draft_and_its_decision_once_approved()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised"))));
        var draftPdf = Path.Combine(cli.WorkingDirectory, "revision-1-utkast.pdf");
        var approvedPdf = Path.Combine(cli.WorkingDirectory, "revision-1.pdf");

        var draft = Ok(await cli.RunAsync("budget", "report", "--year", "2026", "--revision", "1", "--out", draftPdf));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Samverkansforum PoM, budgetmöte 2026-03-16 §4"));
        var approved = Ok(await cli.RunAsync("budget", "report", "--year", "2026", "--revision", "1", "--out", approvedPdf));
        var missing = await cli.RunAsync("budget", "report", "--year", "2026", "--revision", "2", "--out", Path.Combine(cli.WorkingDirectory, "none.pdf"));

        Assert.Contains("appendix of budget region-mitt-pom 2026 revision 1 (UTKAST), 3 pools", draft.Stdout, StringComparison.Ordinal);
        Assert.Contains("11 parties changed", draft.Stdout, StringComparison.Ordinal);
        Assert.Contains("appendix of budget region-mitt-pom 2026 revision 1 (beslutad 2026-03-16)", approved.Stdout, StringComparison.Ordinal);
        Assert.Equal("error: Budget region-mitt-pom 2026 has no revision 2: its revisions are 1.", missing.Stderr.Trim());
        Assert.False(File.Exists(Path.Combine(cli.WorkingDirectory, "none.pdf")));

        var draftBytes = await File.ReadAllBytesAsync(draftPdf);
        var approvedBytes = await File.ReadAllBytesAsync(approvedPdf);
        PdfImages.Keep(draftBytes, "budget-report", "revision-1-utkast");
        PdfImages.Keep(approvedBytes, "budget-report", "revision-1-beslutad");
        var draftPages = Pages(draftBytes);
        var approvedPages = Pages(approvedBytes);
        Assert.All(draftPages, p => Assert.Contains("UTKAST", p, StringComparison.Ordinal));
        Assert.Contains("Revision 1 av budgeten är inte beslutad", draftPages[0], StringComparison.Ordinal);
        Assert.All(approvedPages, p => Assert.DoesNotContain("UTKAST", p, StringComparison.Ordinal));
        Assert.Contains("Revision 1 beslutad 2026-03-16: Samverkansforum PoM, budgetmöte 2026-03-16 §4.", approvedPages[0], StringComparison.Ordinal);
        foreach (var pages in new[] { draftPages, approvedPages })
        {
            var all = string.Join("\n", pages);
            Assert.Contains("BILAGA 1: Budget 2026, revision 1", pages[0], StringComparison.Ordinal);
            Assert.Contains("Förändring per part, revision 1", pages[0], StringComparison.Ordinal);
            Assert.Contains("Part Fakturerat hittills (kr) Ny andel (kr) Skillnad (kr) Dokument", pages[0], StringComparison.Ordinal);
            // Text extraction splits figures at their no-break spaces, so "27 368" reads as two words.
            Assert.Contains("Gävle kommun 27 368 32 842 +5 474 Tilläggsfaktura", all, StringComparison.Ordinal);
            Assert.Contains("Ockelbo kommun 1 506 1 808 +302 Tilläggsfaktura", all, StringComparison.Ordinal);
            Assert.Contains("Västerås kommun 0 43 035 0 Egen andel, faktureras ej", all, StringComparison.Ordinal);
            Assert.Contains("Håbo kommun 4 224 4 224 0 Ingen ändring", all, StringComparison.Ordinal);
            Assert.Contains("Region Uppsala 75 000 60 000 -15 000 Kreditfaktura", all, StringComparison.Ordinal);
            Assert.Contains("Summa (11 dokument) 331 965 375 000 0", all, StringComparison.Ordinal);
            Assert.Contains("Summa 284 558 100,0 % 90 000", all, StringComparison.Ordinal);
            Assert.Contains($"Sida {pages.Count} av {pages.Count}", pages[^1], StringComparison.Ordinal);
        }
    }

    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    private static long Ore(JsonElement kronor) => (long)(kronor.GetDecimal() * 100);

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
