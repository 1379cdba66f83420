using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.Sie;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// docs/walkthrough-revision.md, one command at a time, as its steps are numbered there: demo → a revision (Gävleborg's
/// pool 75 000 → 90 000, Region Uppsala 75 000 → 60 000) → payments (Region Uppsala part, Gävle its original, the
/// example bank file) → a second revision (Gävleborg 90 000 → 80 000, credited on the supplements) → a void (Arboga)
/// → a double payment and its refund (Sala) → reminders whose lines add up → the bank file kept → the year's SIE file. The lines the page
/// quotes are asserted with <see cref="Walkthrough.Shows"/>. The CLI runs on the page's day (<see cref="CliRunner.DemoDay"/>,
/// 2026-12-04), each step an hour after the one before, and the reminder run on the day the page moves the clock to with
/// faketime, 2027-01-14. The hours matter: every command's pinned clock starts at the same instant, and what happens on
/// one day is ordered by the time it was booked (the SIE file books Sala's refund against the second payment it pays back
/// only when it was booked after it).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionWalkTests(AzuriteFixture azurite)
{
    private const string RegionUppsala = "202600028";
    private const string RegionUppsalaCredit = "202600040";
    private const string Gavle = "202600023";
    private const string GavleSupplement = "202600035";
    private const string GavleCredit = "202600046";
    private const string Sala = "202600014";
    private const string Arboga = "202600017";
    private const string ArbogaVoid = "202600051";
    private const string VoidReason = "Fakturerad av misstag: Arboga betalar via Västmanlands kommunförbund";
    private static readonly string ExampleBankFile = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml");
    private const string Today = "2026-12-04";
    private const string ReminderDay = "2027-01-14 08:00:00";

    [Fact]
    public async Task The_revision_walk_credits_and_supplements_exactly_the_change_and_the_year_after_it_adds_up()
    {
        using var cli = new CliRunner(azurite);
        Assert.StartsWith(Today, cli.Today, StringComparison.Ordinal);
        Ok(await cli.RunAsync("demo"));

        await TheRevisionAsync(cli);
        cli.Today = Today + " 11:00:00";
        await PaymentsAsync(cli, Today);
        cli.Today = Today + " 12:00:00";
        await ASecondRevisionAsync(cli);
        cli.Today = Today + " 13:00:00";
        await AVoidAsync(cli);
        cli.Today = Today + " 14:00:00";
        await ADoublePaymentAndItsRefundAsync(cli, Today);
        await RemindersThatAddUpAsync(cli);
        cli.Today = Today + " 16:00:00";
        await TheBankFilesKeptAsync(cli);
        await TheYearForTheAccountingSystemAsync(cli);
    }

    /// <summary>Step 1: revise, diff, approve, run, run again; Region Uppsala's chain; the credit note's PDF.</summary>
    private static async Task TheRevisionAsync(CliRunner cli)
    {
        var revised = RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised"));

        Walkthrough.Shows("Recorded draft revision 1 of budget region-mitt-pom 2026.", Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", revised)).Stdout);

        var diff = Ok(await cli.RunAsync("budget", "diff", "--year", "2026")).Stdout;
        Walkthrough.Shows("1980       Västerås kommun                  0,00 kr   43 035,00 kr        0,00 kr  own share, not invoiced", diff);
        Walkthrough.Shows("2101       Ockelbo kommun               1 506,00 kr    1 808,00 kr      302,00 kr  supplementary invoice 302,00 kr to invoice 202600018", diff);
        Walkthrough.Shows("2180       Gävle kommun                27 368,00 kr   32 842,00 kr    5 474,00 kr  supplementary invoice 5 474,00 kr to invoice 202600023", diff);
        Walkthrough.Shows("REGION-03  Region Uppsala              75 000,00 kr   60 000,00 kr  -15 000,00 kr  credit note 15 000,00 kr to invoice 202600028", diff);
        // The footer adds up across (invoiced so far + difference = to invoice); the own share is its own row.
        Walkthrough.Shows("           To invoice                 331 965,00 kr  331 965,00 kr        0,00 kr  11 documents", diff);
        Walkthrough.Shows("           Own share                                  43 035,00 kr                 not invoiced", diff);
        Walkthrough.Shows("           Budget                                    375 000,00 kr", diff);
        using (var diffJson = JsonDocument.Parse(Ok(await cli.RunAsync("budget", "diff", "--year", "2026", "--json")).Stdout))
        {
            Assert.Equal(11, diffJson.RootElement.EnumerateArray().Count(p => p.GetProperty("document").ValueKind != JsonValueKind.Null));
        }

        Assert.Contains("nothing was created", Ok(await cli.RunAsync("run")).Stdout, StringComparison.Ordinal);

        var approve = Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Samverkansforum PoM, budgetmöte 2026-03-16 §4"));
        Walkthrough.Shows(
            "Revision 1 of budget region-mitt-pom 2026 approved, decided 2026-03-16 (Samverkansforum PoM, budgetmöte 2026-03-16 §4). The next run issues its credit notes and invoices.",
            approve.Stdout);
        Assert.Contains("Samverkansforum PoM, budgetmöte 2026-03-16 §4", Ok(await cli.RunAsync("budget", "show", "--year", "2026")).Stdout, StringComparison.Ordinal);

        var run = Ok(await cli.RunAsync("run")).Stdout;
        Walkthrough.Shows("Budget region-mitt-pom 2026, revision 1: 11 documents (credit notes and invoices); 11 created, 0 already existed, 0 failed.", run);
        Walkthrough.Shows("No approved budget is waiting to be invoiced; nothing was created.", Ok(await cli.RunAsync("run")).Stdout);

        var documents = await ListAsync(cli);
        Assert.Equal(40, documents.Length);
        var changes = documents.Skip(29).ToArray();
        var credit = Assert.Single(changes, d => d.GetProperty("kind").GetString() == "credit-note");
        Assert.Equal((RegionUppsalaCredit, "REGION-03", RegionUppsala, 15000m),
            (credit.GetProperty("number").GetString(), credit.GetProperty("debtorCode").GetString(), credit.GetProperty("corrects").GetString(), credit.GetProperty("amount").GetDecimal()));
        Assert.Equal(60000m, Document(documents, RegionUppsala).GetProperty("amountDue").GetDecimal());
        var supplements = changes.Where(d => d.GetProperty("kind").GetString() == "invoice").ToArray();
        Assert.Equal(10, supplements.Length);
        Assert.All(supplements, s => Assert.StartsWith("21", s.GetProperty("debtorCode").GetString(), StringComparison.Ordinal));
        Assert.All(supplements, s => Assert.Equal(JsonValueKind.String, s.GetProperty("corrects").ValueKind));
        Assert.Equal(15000m, supplements.Sum(s => s.GetProperty("amount").GetDecimal()));

        var list = Ok(await cli.RunAsync("invoices", "list", "--year", "2026")).Stdout;
        Walkthrough.Shows("Unpaid  credited 15 000,00 kr       UBL", list);
        Walkthrough.Shows("Unpaid  supplementary to 202600018  UBL", list);
        Walkthrough.Shows("Issued  credit note to 202600028    UBL", list);
        Walkthrough.Shows("39 invoices, 1 credit note  net                           331 965,00 kr", list);

        var chain = Ok(await cli.RunAsync("invoices", "show", RegionUppsala)).Stdout;
        Walkthrough.Shows("Status Unpaid: paid 0,00 kr, credited 15 000,00 kr, due 60 000,00 kr", chain);
        Walkthrough.Shows("The chain: paid 0,00 kr, refunded 0,00 kr, due 60 000,00 kr, refund owed 0,00 kr.", chain);

        Ok(await cli.RunAsync("invoices", "download", RegionUppsalaCredit, "--year", "2026", "--out", "credit"));
        using var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "credit", RegionUppsalaCredit + ".pdf"));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("Kreditfaktura", text, StringComparison.Ordinal);
        Assert.Contains($"Avser faktura {RegionUppsala} av {Document(documents, RegionUppsala).GetProperty("issueDate").GetString()}", text, StringComparison.Ordinal);
        Assert.Contains("15\u00A0000,00\u00A0kr", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OCR-nummer", text, StringComparison.Ordinal);
        Assert.Equal(40, (await ListAsync(cli)).Length);
    }

    /// <summary>Step 2: Region Uppsala pays part, Gävle its original in full, and the example bank file is imported.</summary>
    private static async Task PaymentsAsync(CliRunner cli, string today)
    {
        Walkthrough.Shows(
            "Booked 10 000,00 kr on invoice 202600028 (Region Uppsala): Unpaid -> PartiallyPaid.",
            Ok(await cli.RunAsync("payments", "register", RegionUppsala, "--amount", "10 000,00", "--date", today, "--reference", "kontoutdrag 12")).Stdout);
        Walkthrough.Shows(
            "Booked 27 368,00 kr on invoice 202600023 (Gävle kommun): Unpaid -> Paid.",
            Ok(await cli.RunAsync("payments", "register", Gavle, "--amount", "27 368,00", "--date", today, "--reference", "kontoutdrag 12")).Stdout);
        var import = Ok(await cli.RunAsync("payments", "import", ExampleBankFile)).Stdout;
        Walkthrough.Shows("12 000,00 kr  12345678903  unmatched: OCR 12345678903 matches no issued invoice", import);
        Walkthrough.Shows("camt054-example.xml (Camt054): 3 booked, 0 already booked, 1 unmatched, 0 already unmatched.", import);
        Walkthrough.Shows(
            "Archived as bank file 7230ebb92626c8f0377e5f4881d9e4d9ff7469791c051449fd8234f7357487e0 (SHA-256); every payment booked from it names it. Get it back with: ./invoicing payments files download 7230ebb92626 --out DIR",
            import);
        Assert.Equal(50000m, Document(await ListAsync(cli), RegionUppsala).GetProperty("amountDue").GetDecimal());
    }

    /// <summary>Step 3: a second revision credits each Gävleborg municipality on its supplementary invoice, not its original.</summary>
    private static async Task ASecondRevisionAsync(CliRunner cli)
    {
        var revised2 = RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised2"));
        var budget = Path.Combine(revised2, "budget.json");
        File.WriteAllText(budget, File.ReadAllText(budget).Replace("\"Gävleborgs kommuner\", \"amount\": \"90000\"", "\"Gävleborgs kommuner\", \"amount\": \"80000\"", StringComparison.Ordinal));

        Walkthrough.Shows("Recorded draft revision 2 of budget region-mitt-pom 2026.", Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", revised2)).Stdout);
        var diff = Ok(await cli.RunAsync("budget", "diff", "--year", "2026")).Stdout;
        Walkthrough.Shows("2101       Ockelbo kommun               1 808,00 kr    1 607,00 kr     -201,00 kr  credit note 201,00 kr to invoice 202600030", diff);
        Walkthrough.Shows("2180       Gävle kommun                32 842,00 kr   29 193,00 kr   -3 649,00 kr  credit note 3 649,00 kr to invoice 202600035", diff);
        Walkthrough.Shows("           To invoice                 331 965,00 kr  321 965,00 kr  -10 000,00 kr  10 documents", diff);
        Walkthrough.Shows(
            "Revision 2 of budget region-mitt-pom 2026 approved, decided 2026-12-01 (Samverkansforum PoM, budgetmöte 2026-12-01 §2).",
            Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-12-01", "--reference", "Samverkansforum PoM, budgetmöte 2026-12-01 §2")).Stdout);
        Walkthrough.Shows(
            "Budget region-mitt-pom 2026, revision 2: 10 documents (credit notes and invoices); 10 created, 0 already existed, 0 failed.",
            Ok(await cli.RunAsync("run")).Stdout);

        var gavle = Ok(await cli.RunAsync("invoices", "show", Gavle)).Stdout;
        Walkthrough.Shows("Status Paid: paid 27 368,00 kr, credited 0,00 kr, due 0,00 kr", gavle);
        Walkthrough.Shows("The chain: paid 27 368,00 kr, refunded 0,00 kr, due 1 825,00 kr, refund owed 0,00 kr.", gavle);
        var documents = await ListAsync(cli);
        var credit = Document(documents, GavleCredit);
        Assert.Equal(("credit-note", GavleSupplement, 3649m), (credit.GetProperty("kind").GetString(), credit.GetProperty("corrects").GetString(), credit.GetProperty("amount").GetDecimal()));
        Assert.Equal(("Paid", 0m), (Document(documents, Gavle).GetProperty("status").GetString(), Document(documents, Gavle).GetProperty("refundOwed").GetDecimal()));
        Assert.Equal(1825m, Document(documents, GavleSupplement).GetProperty("amountDue").GetDecimal());
    }

    /// <summary>Step 4: Arboga's invoice is voided once by a full credit note; a credit note cannot be voided.</summary>
    private static async Task AVoidAsync(CliRunner cli)
    {
        var voided = Ok(await cli.RunAsync("invoices", "void", Arboga, "--year", "2026", "--reason", VoidReason)).Stdout;
        Walkthrough.Shows("Voided invoice 202600017 (1984 Arboga kommun, 3 720,00 kr) by credit note 202600051 of ", voided);
        Walkthrough.Shows("Credit note PDF invoices/region-mitt-pom/2026/202600051.pdf; e-invoice (UBL CreditNote) einvoices/region-mitt-pom/2026/202600051.xml.", voided);
        Walkthrough.Shows("Invoice 202600017 is Credited: nothing is due on it and it gets no reminder.", voided);

        var twice = await cli.RunAsync("invoices", "void", Arboga, "--year", "2026", "--reason", VoidReason);
        var creditNote = await cli.RunAsync("invoices", "void", ArbogaVoid, "--year", "2026", "--reason", "Fel");
        Assert.Equal((1, 1), (twice.ExitCode, creditNote.ExitCode));
        Walkthrough.Shows("error: Invoice 202600017 is already voided by credit note 202600051 of ", twice.Stderr);
        Walkthrough.Shows("error: 202600051 is a credit note; a credit note cannot be voided.", creditNote.Stderr);
        var documents = await ListAsync(cli);
        Assert.Equal(51, documents.Length);
        Assert.Equal("Credited", Document(documents, Arboga).GetProperty("status").GetString());
        Assert.Equal(Arboga, Document(documents, ArbogaVoid).GetProperty("corrects").GetString());
    }

    /// <summary>Step 5: Sala, paid by the bank file, is registered again by hand, owes 6 051 back, and is refunded once.</summary>
    private static async Task ADoublePaymentAndItsRefundAsync(CliRunner cli, string today)
    {
        Walkthrough.Shows(
            "Booked 6 051,00 kr on invoice 202600014 (Sala kommun): Paid -> Overpaid — the invoice was ALREADY PAID, check and refund.",
            Ok(await cli.RunAsync("payments", "register", Sala, "--amount", "6 051,00", "--date", today, "--reference", "kontoutdrag 13")).Stdout);
        var list = Ok(await cli.RunAsync("invoices", "list", "--year", "2026")).Stdout;
        Walkthrough.Shows("39 invoices, 12 credit notes  net                           318 245,00 kr", list);
        Walkthrough.Shows("  202600014 1981 Sala kommun: 6 051,00 kr", list);
        Assert.Equal(6051m, Document(await ListAsync(cli), Sala).GetProperty("refundOwed").GetDecimal());

        cli.Today = Today + " 15:00:00";
        var tooMuch = await cli.RunAsync("payments", "refund", Sala, "--year", "2026", "--amount", "6 051,01", "--date", today, "--reference", "utbetalning 2026-118");
        var future = await cli.RunAsync("payments", "refund", Sala, "--year", "2026", "--amount", "6 051,00", "--date", "2099-01-01", "--reference", "utbetalning 2026-118");
        var refund = Ok(await cli.RunAsync("payments", "refund", Sala, "--year", "2026", "--amount", "6 051,00", "--date", today, "--reference", "utbetalning 2026-118"));
        var again = Ok(await cli.RunAsync("payments", "refund", Sala, "--year", "2026", "--amount", "6 051,00", "--date", today, "--reference", "utbetalning 2026-118"));

        Assert.Equal((1, 1), (tooMuch.ExitCode, future.ExitCode));
        Walkthrough.Shows("error: Invoice 202600014: a refund of 6 051,01 kr is more than the 6 051,00 kr owed back on it; nothing was booked.", tooMuch.Stderr);
        Walkthrough.Shows("error: Invoice 202600014: a refund dated ", future.Stderr);
        Walkthrough.Shows(" is after today (2026-12-04); book it when it has been paid out.", future.Stderr);
        Walkthrough.Shows("Refunded 6 051,00 kr on invoice 202600014 (Sala kommun): Overpaid -> Paid; still owed back 0,00 kr.", refund.Stdout);
        Walkthrough.Shows("This refund was already booked on invoice 202600014; nothing changed (status Paid, still owed back 0,00 kr).", again.Stdout);
        var show = Ok(await cli.RunAsync("invoices", "show", Sala)).Stdout;
        Walkthrough.Shows("Status Paid: paid 12 102,00 kr, credited 0,00 kr, due 0,00 kr; refunded 6 051,00 kr", show);
        Walkthrough.Shows("Paid -> Overpaid (InvoiceAlreadyPaid)", show);
        Walkthrough.Shows("6 051,00 kr  camt054-example.xml (file 7230ebb92626)  camt:EX-0001-1", show);
        Walkthrough.Shows("Overpaid -> Paid (Refund)", show);
        var settled = Document(await ListAsync(cli), Sala);
        Assert.Equal(("Paid", 0m, 6051m), (settled.GetProperty("status").GetString(), settled.GetProperty("refundOwed").GetDecimal(), settled.GetProperty("refunded").GetDecimal()));
    }

    /// <summary>
    /// Step 6: the daily reminder run, ten days after the due date (2027-01-04): the CLI records real reminders only as
    /// of its today, so it runs on 2027-01-14, as the page does with faketime. Region Uppsala's reminder asks 50 000 and
    /// its lines say why. The steps after it run on the page's day again.
    /// </summary>
    private static async Task RemindersThatAddUpAsync(CliRunner cli)
    {
        Assert.Equal("2027-01-04", Document(await ListAsync(cli), RegionUppsala).GetProperty("dueDate").GetString());
        cli.Today = ReminderDay;
        var remind = Ok(await cli.RunAsync("remind")).Stdout;
        using var json = JsonDocument.Parse(Ok(await cli.RunAsync("remind", "--dry-run", "--json")).Stdout);
        cli.Today = Today + " 15:30:00";

        Walkthrough.Shows("202600024  Sandvikens kommun        reminder 1     111,00 kr  needs manual delivery (no e-mail address)  new", remind);
        Walkthrough.Shows("202600028  Region Uppsala           reminder 1  50 000,00 kr  needs manual delivery (no e-mail address)  new", remind);
        Walkthrough.Shows("202600029  Region Västmanland       reminder 1  75 000,00 kr  needs manual delivery (no e-mail address)  new", remind);
        Walkthrough.Shows("202600035  Gävle kommun             reminder 1   1 825,00 kr  needs manual delivery (no e-mail address)  new", remind);
        Walkthrough.Shows("As of 2027-01-14: 35 new reminders, 0 invoices handed to manual follow-up.", remind);
        var reminded = remind.Split('\n').Where(l => l.EndsWith("  new", StringComparison.Ordinal)).Select(l => l[..9]).ToArray();
        Assert.Equal(35, reminded.Length);
        Assert.DoesNotContain(reminded, n => n is Gavle or Sala or Arboga or "202600006");
        // The same day again records nothing more: one reminder per invoice and level.
        Assert.Equal(0, json.RootElement.GetProperty("actions").GetArrayLength());

        var saved = Ok(await cli.RunAsync("invoices", "download", RegionUppsala, "--year", "2026", "--reminder", "1", "--out", "reminders"));
        Walkthrough.Shows("reminders/paminnelse-202600028-1.pdf", saved.Stdout);
        Walkthrough.Shows("Saved reminder 1 of invoice 202600028 (50 000,00 kr, 2027-01-14) to ", saved.Stderr);
        var uppsala = ReminderText(cli, "paminnelse-202600028-1.pdf");
        // The walkthrough's picture of this reminder (docs/images/reminder-202600028-1.png) is this page, kept under
        // TestResults/walkthrough/ as the page's command makes it: copy it there when the reminder changes.
        PdfImages.Keep(File.ReadAllBytes(Path.Combine(cli.WorkingDirectory, "reminders", "paminnelse-202600028-1.pdf")), "walkthrough", "reminder-202600028");
        // The page quotes these lines as pdftotext -layout prints them; the words here are joined by single spaces.
        Assert.Contains("Faktura 202600028 daterad 2026-12-04, förföll till betalning 2027-01-04 75 000,00 kr", uppsala, StringComparison.Ordinal);
        Assert.Contains("Kreditfaktura 202600040 daterad 2026-12-04 -15 000,00 kr", uppsala, StringComparison.Ordinal);
        Assert.Contains("Inbetalt 2026-12-04 -10 000,00 kr", uppsala, StringComparison.Ordinal);
        Assert.Contains("Att betala 50 000,00 kr", uppsala, StringComparison.Ordinal);
        Assert.Contains("2027-01-25 50 000,00 kr", uppsala, StringComparison.Ordinal); // the payment slip: new due date, the same sum
        Walkthrough.Shows("Faktura 202600028 daterad 2026-12-04, förföll till betalning 2027-01-04", uppsala);
        Walkthrough.Shows("Kreditfaktura 202600040 daterad 2026-12-04", uppsala);

        var gavle = Ok(await cli.RunAsync("invoices", "download", GavleSupplement, "--year", "2026", "--reminder", "1", "--out", "reminders"));
        Walkthrough.Shows("reminders/paminnelse-202600035-1.pdf", gavle.Stdout);
        Walkthrough.Shows("Saved reminder 1 of invoice 202600035 (1 825,00 kr, 2027-01-14) to ", gavle.Stderr);
        var supplement = ReminderText(cli, "paminnelse-202600035-1.pdf");
        Walkthrough.Shows("Tilläggsfaktura 202600035 till faktura 202600023, daterad 2026-12-04, förföll till", supplement);
        Walkthrough.Shows("Kreditfaktura 202600046 daterad 2026-12-04", supplement);
        Assert.Contains(" 5 474,00 kr", supplement, StringComparison.Ordinal);
        Assert.Contains("Kreditfaktura 202600046 daterad 2026-12-04 -3 649,00 kr", supplement, StringComparison.Ordinal);
        Assert.Contains("Att betala 1 825,00 kr", supplement, StringComparison.Ordinal);

        var paid = await cli.RunAsync("invoices", "download", Gavle, "--year", "2026", "--reminder", "1", "--out", "reminders");
        var voided = await cli.RunAsync("invoices", "download", Arboga, "--year", "2026", "--reminder", "1", "--out", "reminders");
        Assert.Equal((1, 1), (paid.ExitCode, voided.ExitCode));
        Walkthrough.Shows("error: Invoice 202600023 has no reminder 1; none has been sent.", paid.Stderr);
        Walkthrough.Shows("error: Invoice 202600017 has no reminder 1; none has been sent.", voided.Stderr);
        Assert.Equal(1, (await cli.RunAsync("invoices", "download", RegionUppsala, "--year", "2026", "--reminder", "2", "--out", "reminders")).ExitCode);

        // The voided invoice is never reminded, not at the second level either.
        using var later = JsonDocument.Parse(Ok(await cli.RunAsync("remind", "--as-of", "2027-02-12", "--dry-run", "--json")).Stdout);
        var steps = later.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("invoice").GetString()!).ToArray();
        Assert.Contains(steps, s => s.EndsWith(RegionUppsala, StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.EndsWith(Arboga, StringComparison.Ordinal));
    }

    /// <summary>Step 7: the bank file of step 2 is kept once, listed with what its import did, and given back byte for byte.</summary>
    private static async Task TheBankFilesKeptAsync(CliRunner cli)
    {
        var files = Ok(await cli.RunAsync("payments", "files")).Stdout;
        Walkthrough.Shows("camt054-example.xml  camt.054.001.08  cli", files);
        Walkthrough.Shows("       4       3               0          1         0           0        1  7230ebb92626c8f0377e5f4881d9e4d9ff7469791c051449fd8234f7357487e0", files);
        Walkthrough.Shows("1 bank file, archived once.", files);

        var download = Ok(await cli.RunAsync("payments", "files", "download", "7230ebb92626", "--out", "archive")).Stdout;
        Walkthrough.Shows(
            "Saved archive/camt054-example.xml: 2 767 bytes, SHA-256 7230ebb92626c8f0377e5f4881d9e4d9ff7469791c051449fd8234f7357487e0 (checked), camt.054.001.08, first imported 2026-12-04 ",
            download);
        Assert.Equal(await File.ReadAllBytesAsync(ExampleBankFile), await File.ReadAllBytesAsync(Path.Combine(cli.WorkingDirectory, "archive", "camt054-example.xml")));
    }

    /// <summary>Step 8: the year's SIE file, with the void's credit note and the refund booked against the refunds owed.</summary>
    private static async Task TheYearForTheAccountingSystemAsync(CliRunner cli)
    {
        var export = Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", "year.si")).Stdout;
        Walkthrough.Shows("39 invoice, 12 credit note, 6 payment, 1 refund and 0 reversal vouchers, 486 807,00 kr debit = credit.", export);

        var sie = SieReader.Read(await File.ReadAllBytesAsync(Path.Combine(cli.WorkingDirectory, "year.si")));
        Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
        Assert.Equal([("1510", -3_649_00L), ("3490", 3_649_00L)], Rows(sie, "Kreditfaktura 202600046 till faktura 202600035 Gävle kommun (2180)"));
        Assert.Equal([("1510", -3_720_00L), ("3490", 3_720_00L)], Rows(sie, "Kreditfaktura 202600051 till faktura 202600017 Arboga kommun (1984)"));
        Assert.Equal([("1930", -6_051_00L), ("2890", 6_051_00L)], Rows(sie, "Återbetalning 202600014 Sala kommun (1981)"));
        // Sala's payment from the bank file settled the receivable; the second, owed back, is a refund owed.
        var sala = sie.Vouchers.Where(v => v.Text == "Inbetalning 202600014 Sala kommun (1981)").Select(v => v.Rows.Select(r => (r.Account, r.AmountOre)).ToArray()).ToArray();
        Assert.Equal(2, sala.Length);
        Assert.Equal(new[] { ("1930", 6_051_00L), ("1510", -6_051_00L) }, sala[0]);
        Assert.Equal(new[] { ("1930", 6_051_00L), ("2890", -6_051_00L) }, sala[1]);
    }

    [Fact]
    public async Task Revising_with_a_dataset_that_changes_no_amount_is_refused_with_one_clear_line()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));

        var result = await cli.RunAsync("budget", "revise", "--year", "2026", "--data", TestPaths.BundledDataset);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("changes no party's amount", result.Stderr, StringComparison.Ordinal);
    }

    private static (string Account, long AmountOre)[] Rows(SieDocument sie, string text) =>
        [.. Assert.Single(sie.Vouchers, v => v.Text == text).Rows.Select(r => (r.Account, r.AmountOre))];

    /// <summary>The reminder's first page as words joined by spaces, digit groups as plain spaces.</summary>
    private static string ReminderText(CliRunner cli, string file)
    {
        using var reminder = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "reminders", file));
        return Walkthrough.Plain(string.Join(' ', reminder.GetPage(1).GetWords().Select(w => w.Text)));
    }

    private static JsonElement Document(JsonElement[] documents, string number) =>
        documents.Single(d => d.GetProperty("number").GetString() == number);

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<JsonElement[]> ListAsync(CliRunner cli)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
