using System.Globalization;
using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// Finance's payment and reminder work through the CLI, against Azurite and a real local SMTP server: the walk of
/// docs/walkthrough-payments.md after the demo, and the bundled dataset with an invoice e-mail address added for every
/// municipality and region.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentsAndRemindersTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Imported_payments_change_statuses_and_reminders_ahead_of_time_are_only_a_dry_run()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        using var cli = new CliRunner(azurite);
        cli.Environment["Invoicing__Smtp__Host"] = "127.0.0.1";
        cli.Environment["Invoicing__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Environment["Invoicing__Smtp__Security"] = "None";
        cli.Environment["Invoicing__Smtp__From"] = "Västerås stad <faktura@example.se>";
        var data = BundledDatasetCopy.WithEmailsTo(Path.Combine(cli.WorkingDirectory, "data"));

        Ok(await cli.RunAsync("seed", "--data", data));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"));
        Ok(await cli.RunAsync("run"));
        Assert.Equal(29, (await smtp.WaitForAsync(29)).Count(m => m.Subject!.StartsWith("EXEMPEL: Faktura ", StringComparison.Ordinal)));

        var invoices = await ListAsync(cli);
        var ocr = invoices.ToDictionary(i => i.GetProperty("debtorCode").GetString()!, i => i.GetProperty("ocr").GetString()!);
        var dueDate = DateOnly.Parse(invoices[0].GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        var camt = Path.Combine(cli.WorkingDirectory, "camt054.xml");
        await File.WriteAllBytesAsync(camt, new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("6051.00", AccountServicerReference: "E2E-1", BookingDate: "2026-11-20", Transactions: [new(Ocr: ocr["1981"])]))
            .Entry(new CamtEntry("45601.00", AccountServicerReference: "E2E-2", BookingDate: "2026-11-20", Transactions: [new(Ocr: ocr["0380"])]))
            .Entry(new CamtEntry("75000.00", AccountServicerReference: "E2E-3", BookingDate: "2026-11-20", Transactions: [new(Ocr: ocr["REGION-03"])]))
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "E2E-4", BookingDate: "2026-11-20", Transactions: [new(Ocr: ocr["2180"])]))
            .Entry(new CamtEntry("500.00", AccountServicerReference: "E2E-5", BookingDate: "2026-11-20", Transactions: [new(Ocr: "12345678901")]))
            .ToBytes());

        var import = Ok(await cli.RunAsync("payments", "import", camt));
        Assert.Contains("4 booked, 0 already booked, 1 unmatched", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing new", Ok(await cli.RunAsync("payments", "import", camt)).Stdout, StringComparison.Ordinal);
        var statuses = (await ListAsync(cli)).ToDictionary(i => i.GetProperty("debtorCode").GetString()!, i => i.GetProperty("status").GetString());
        Assert.Equal(("Paid", "Paid", "Paid", "PartiallyPaid"), (statuses["1981"], statuses["0380"], statuses["REGION-03"], statuses["2180"]));
        using var unmatched = JsonDocument.Parse(Ok(await cli.RunAsync("payments", "unmatched", "--json")).Stdout);
        Assert.Equal(500m, Assert.Single(unmatched.RootElement.EnumerateArray().ToArray()).GetProperty("amount").GetDecimal());

        // The CLI runs on the real clock: reminders are due only after the invoices' due date, so a run as of that
        // day is a dry run (a real one would use up each level before its time); the library's ReminderRunTests
        // send real reminders on a fake clock, exactly once per level.
        var firstLevel = IsoDate(dueDate.AddDays(11));
        using var dryRun = JsonDocument.Parse(Ok(await cli.RunAsync("remind", "--as-of", firstLevel, "--dry-run", "--json")).Stdout);
        var refused = await cli.RunAsync("remind", "--as-of", firstLevel);
        var today = Ok(await cli.RunAsync("remind"));

        var actions = dryRun.RootElement.GetProperty("actions").EnumerateArray().ToArray();
        Assert.Equal(26, actions.Count(a => a.GetProperty("step").GetString() == "reminder 1" && !a.GetProperty("recorded").GetBoolean()));
        Assert.Contains(actions, a => a.GetProperty("email").GetString() == "2180@kommun.example.se" && a.GetProperty("amount").GetRawText() == "26368.00");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("can only be a dry run; nothing was recorded or sent", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains(": 0 new reminders", today.Stdout, StringComparison.Ordinal);
        using var outbox = JsonDocument.Parse(Ok(await cli.RunAsync("mail", "outbox", "--json")).Stdout);
        Assert.Equal(29, outbox.RootElement.EnumerateArray().Count(m => m.GetProperty("state").GetString() == "Sent"));
        Assert.Equal(29, outbox.RootElement.GetArrayLength());
    }

    /// <summary>
    /// docs/walkthrough-payments.md, step by step: the example bank file imported twice, its unmatched payment booked by
    /// hand, a payment registered twice by hand on an invoice the file paid, Sandviken's history, a reminder run ahead of
    /// time (refused, then a dry run), and the outbox.
    /// </summary>
    [Fact]
    public async Task The_payments_walkthrough_books_a_bank_file_once_its_unmatched_entry_by_hand_and_reminders_ahead_of_time_are_a_dry_run()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var example = Path.Combine(TestPaths.RepositoryRoot, "data", "examples", "camt054-example.xml");

        var import = Ok(await cli.RunAsync("payments", "import", example)).Stdout;
        Walkthrough.Shows("6 051,00 kr  20260001415  booked on 202600014: Unpaid -> Paid", import);
        Walkthrough.Shows("45 601,00 kr  20260000615  booked on 202600006: Unpaid -> Paid", import);
        Walkthrough.Shows("10 000,00 kr  20260002413  booked on 202600024: Unpaid -> PartiallyPaid", import);
        Walkthrough.Shows("2026-11-20  12 000,00 kr  12345678903  unmatched: OCR 12345678903 matches no issued invoice", import);
        Walkthrough.Shows("camt054-example.xml (Camt054): 3 booked, 0 already booked, 1 unmatched, 0 already unmatched.", import);
        Walkthrough.Shows("Archived as bank file 7230ebb92626c8f0377e5f4881d9e4d9ff7469791c051449fd8234f7357487e0 (SHA-256); every payment booked from it names it.", import);
        var again = Ok(await cli.RunAsync("payments", "import", example)).Stdout;
        Walkthrough.Shows("2026-11-20  12 000,00 kr  12345678903  already on the unmatched list", again);
        Walkthrough.Shows("camt054-example.xml (Camt054): 0 booked, 3 already booked, 0 unmatched, 1 already unmatched.", again);
        Walkthrough.Shows("Nothing new: every entry of this file had already been handled.", again);
        Walkthrough.Shows("It is archived once; this was import 2 of it.", again);

        Walkthrough.Shows(
            "0a141c0a118d  2026-11-20  12 000,00 kr  12345678903  Okänd betalare        OCR 12345678903 matches no issued invoice             7230ebb92626",
            Ok(await cli.RunAsync("payments", "unmatched")).Stdout);
        Walkthrough.Shows(
            "Booked 12 000,00 kr on invoice 202600023 (Gävle kommun): Unpaid -> PartiallyPaid",
            Ok(await cli.RunAsync("payments", "book", "0a141c0a118d", "--invoice", "202600023")).Stdout);
        Walkthrough.Shows("0 unmatched payments, 0,00 kr.", Ok(await cli.RunAsync("payments", "unmatched")).Stdout);

        Walkthrough.Shows(
            "Booked 6 051,00 kr on invoice 202600014 (Sala kommun): Paid -> Overpaid — the invoice was ALREADY PAID, check and refund",
            Ok(await cli.RunAsync("payments", "register", "202600014", "--amount", "6 051,00", "--date", "2026-11-20", "--note", "kontoutdrag 47")).Stdout);
        Walkthrough.Shows(
            "This payment was already booked on invoice 202600014; nothing changed (status Overpaid).",
            Ok(await cli.RunAsync("payments", "register", "202600014", "--amount", "6 051,00", "--date", "2026-11-20", "--note", "kontoutdrag 47")).Stdout);
        var zero = await cli.RunAsync("payments", "register", "202600014", "--amount", "0", "--date", "2026-11-20");
        Assert.Equal(1, zero.ExitCode);
        Walkthrough.Shows("error: Invoice 202600014: a payment must be a positive amount, not 0,00 kr.", zero.Stderr);

        var sandviken = Ok(await cli.RunAsync("invoices", "show", "202600024")).Stdout;
        Walkthrough.Shows("Status PartiallyPaid: paid 10 000,00 kr, credited 0,00 kr, due 111,00 kr", sandviken);
        Walkthrough.Shows("2026-11-20  10 000,00 kr  camt054-example.xml (file 7230ebb92626)  camt:EX-0002-2  Unpaid -> PartiallyPaid (paid in advance)", sandviken);
        var list = Ok(await cli.RunAsync("invoices", "list", "--year", "2026")).Stdout;
        Walkthrough.Shows("  202600014 1981 Sala kommun: 6 051,00 kr", list);
        var files = Ok(await cli.RunAsync("payments", "files")).Stdout;
        Walkthrough.Shows("camt054-example.xml  camt.054.001.08  cli", files);
        Walkthrough.Shows("       4       3               0          1         0           0        2  7230ebb92626c8f0377e5f4881d9e4d9ff7469791c051449fd8234f7357487e0", files);
        var statuses = (await ListAsync(cli)).ToDictionary(i => i.GetProperty("number").GetString()!, i => i.GetProperty("status").GetString());
        Assert.Equal(("Overpaid", "Paid", "PartiallyPaid", "PartiallyPaid"), (statuses["202600014"], statuses["202600006"], statuses["202600023"], statuses["202600024"]));

        // Reminders are due eleven days after the due date, a day still to come: only a dry run may look at it.
        var dueDate = DateOnly.Parse((await ListAsync(cli))[0].GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        var refused = await cli.RunAsync("remind", "--as-of", IsoDate(dueDate.AddDays(11)));
        Assert.Equal(1, refused.ExitCode);
        Walkthrough.Shows("can only be a dry run; nothing was recorded or sent.", refused.Stderr);
        var dryRun = Ok(await cli.RunAsync("remind", "--as-of", IsoDate(dueDate.AddDays(11)), "--dry-run")).Stdout;
        Walkthrough.Shows("202600023  Gävle kommun             reminder 1  15 368,00 kr  needs manual delivery (no e-mail address)  would be done", dryRun);
        Walkthrough.Shows("202600024  Sandvikens kommun        reminder 1     111,00 kr  needs manual delivery (no e-mail address)  would be done", dryRun);
        Walkthrough.Shows("202600028  Region Uppsala           reminder 1  75 000,00 kr  needs manual delivery (no e-mail address)  would be done", dryRun);
        Walkthrough.Shows(": nothing was written or sent.", dryRun);
        Assert.Equal(27, dryRun.Split('\n').Count(l => l.Contains("would be done", StringComparison.Ordinal)));
        Assert.DoesNotContain("202600014  ", dryRun, StringComparison.Ordinal);

        Walkthrough.Shows("The outbox is empty.", Ok(await cli.RunAsync("mail", "outbox")).Stdout);
    }

    [Fact]
    public async Task A_manual_payment_is_booked_once_and_bad_amounts_and_future_dates_are_refused()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var sala = (await ListAsync(cli)).Single(i => i.GetProperty("debtorCode").GetString() == "1981");
        var number = sala.GetProperty("number").GetString()!;

        var booked = Ok(await cli.RunAsync("payments", "register", number, "--amount", "6 051,00", "--date", "2026-11-20", "--note", "bank statement 47"));
        var again = Ok(await cli.RunAsync("payments", "register", number, "--amount", "6 051,00", "--date", "2026-11-20", "--note", "bank statement 47"));
        var zero = await cli.RunAsync("payments", "register", number, "--amount", "0", "--date", "2026-11-20");
        var future = await cli.RunAsync("payments", "register", number, "--amount", "10", "--date", "2099-01-01");

        Assert.Contains("Unpaid -> Paid", booked.Stdout, StringComparison.Ordinal);
        Assert.Contains("already booked", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, zero.ExitCode);
        Assert.Contains($"error: Invoice {number}: a payment must be a positive amount, not 0,00\u00A0kr.", zero.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, future.ExitCode);
        Assert.Contains($"error: Invoice {number}: a payment dated 2099-01-01 is after today (2026-12-04); book it when it has been received.", future.Stderr, StringComparison.Ordinal);
        var stored = (await ListAsync(cli)).Single(i => i.GetProperty("number").GetString() == number);
        Assert.Equal(("Paid", 6051m), (stored.GetProperty("status").GetString(), stored.GetProperty("amountPaid").GetDecimal()));
        var history = Ok(await cli.RunAsync("invoices", "show", number)).Stdout;
        Assert.Contains("Status Paid: paid 6\u00A0051,00\u00A0kr", history, StringComparison.Ordinal);
        Assert.Contains("6\u00A0051,00\u00A0kr  manual", history, StringComparison.Ordinal);
        Assert.Contains("Unpaid -> Paid", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bank_file_that_does_not_add_up_is_refused_and_books_nothing()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var ocr = (await ListAsync(cli)).First().GetProperty("ocr").GetString()!;
        var file = Path.Combine(cli.WorkingDirectory, "BGMAX.txt");
        await File.WriteAllBytesAsync(file, new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr, 100_000, "000000000001")
            .Deposit("20261120", "00001", amountOre: 99_999)
            .End()
            .ToLatin1());

        var result = await cli.RunAsync("payments", "import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BGMAX.txt, line", result.Stderr, StringComparison.Ordinal);
        Assert.All(await ListAsync(cli), i => Assert.Equal("Unpaid", i.GetProperty("status").GetString()));
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement[]> ListAsync(CliRunner cli)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
