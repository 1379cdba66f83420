using System.Globalization;
using Azure.Core;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Payments;
using Invoicing.Planning;
using Invoicing.Reminders;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Reminders;

/// <summary>
/// The bundled 2026 invoices (30: 28 municipalities and 2 regions, here all with an e-mail address; issued
/// 2026-01-20, due 2026-02-19) against a real SMTP server: exactly one
/// reminder per unpaid invoice and level, however the run is repeated.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderRunTests(AzuriteFixture azurite)
{
    private static readonly DateOnly FirstLevelDay = new(2026, 3, 2);   // due date + 10 days has passed
    private static readonly DateOnly SecondLevelDay = new(2026, 3, 17); // first reminder + 14 days has passed
    private static readonly DateOnly FollowUpDay = new(2026, 4, 1);

    [Fact]
    public async Task Unpaid_invoices_get_exactly_one_reminder_per_level_however_often_and_concurrently_the_run_goes()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var paid = await PayAsync(scenario, "1980", "0380", "2180");

        await RemindAsync(scenario, FirstLevelDay);
        await RemindAsync(scenario, FirstLevelDay);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RemindAsync(scenario, FirstLevelDay, scenario.NewServices()))));

        var firstLevel = await smtp.WaitForAsync(27);
        Assert.Equal(27, firstLevel.Count);
        Assert.Equal(27, firstLevel.Select(m => m.Envelope.To.Single()).Distinct().Count());
        Assert.DoesNotContain(firstLevel, m => paid.Any(p => m.Envelope.To.Single().StartsWith(p, StringComparison.Ordinal)));
        Assert.All(firstLevel, m => Assert.StartsWith("EXEMPEL: Påminnelse 1: faktura", m.Subject, StringComparison.Ordinal));
        Assert.All(firstLevel, m => Assert.Single(m.Attachments));

        await RemindAsync(scenario, SecondLevelDay);
        await RemindAsync(scenario, SecondLevelDay);

        var all = await smtp.WaitForAsync(54);
        Assert.Equal(54, all.Count);
        Assert.Equal(27, all.Count(m => m.Subject!.StartsWith("EXEMPEL: Påminnelse 2:", StringComparison.Ordinal)));

        var followUp = await RemindAsync(scenario, FollowUpDay);
        Assert.Equal(27, followUp.ManualFollowUps);
        await Task.Delay(500);
        Assert.Equal(54, (await smtp.ReceivedAsync()).Count);
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal(27, invoices.Values.Count(i => i.NeedsManualFollowUp && i.ReminderLevel == 2));
        Assert.All(paid, code => Assert.Equal(0, invoices[code].ReminderLevel));
    }

    [Fact]
    public async Task Every_reminder_a_run_records_is_in_the_audit_trail_once_in_english_and_swedish_whether_batched_or_not()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var paid = await PayAsync(scenario, "1980", "0380", "2180");

        await RemindAsync(scenario, FirstLevelDay);
        await RemindAsync(scenario, FirstLevelDay);

        var invoices = await InvoicesAsync(scenario);
        var reminded = invoices.Values.Where(i => i.ReminderLevel == 1).Select(i => i.Number).ToHashSet();
        Assert.Equal(27, reminded.Count);
        var events = (await scenario.Get<AuditTrail>().ListAsync(new AuditQuery(), CancellationToken.None))
            .Where(e => e.Entry.Action == AuditActions.ReminderRecorded)
            .ToArray();
        Assert.Equal(reminded.Order(), events.Select(e => e.Entry.Invoice!.Value).Order());
        var vasteras = invoices["1980"];
        Assert.DoesNotContain(events, e => e.Entry.Invoice == vasteras.Number);
        var one = events.First();
        Assert.Matches(@"^reminder 1 of 2026-03-02, to pay by 2026-03-\d\d: \d+\.\d\d SEK asked$", one.Entry.Details);
        Assert.Matches(@"^påminnelse 1 av 2026-03-02, att betala senast 2026-03-\d\d: [\d\u00A0]+,\d\d\u00A0kr begärt$", one.Entry.SwedishDetails);
        Assert.True(one.Entry.Amount > Money.Zero);
        Assert.Null((await scenario.Get<AuditTrail>().VerifyAsync(CancellationToken.None)).FirstBroken);
    }

    [Fact]
    public async Task A_reminder_states_the_invoice_its_ocr_what_remains_and_a_new_due_date()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var vasteras = (await InvoicesAsync(scenario))["1980"];
        await scenario.Get<PaymentLedger>().BookAsync(vasteras.Key, new PaymentBooking("manual:part", "manual", Money.FromKronor(3_035), new DateOnly(2026, 2, 18)), CancellationToken.None);

        await RemindAsync(scenario, FirstLevelDay);

        var mail = (await smtp.WaitForAsync(30)).Single(m => m.Envelope.To.Single() == "1980@kommun.example.se");
        Assert.Contains(vasteras.Number.ToString(), mail.Subject!, StringComparison.Ordinal);
        Assert.StartsWith("EXEMPEL: ", mail.Subject!, StringComparison.Ordinal);
        Assert.StartsWith("EXEMPEL – fiktiva betalningsuppgifter, får inte betalas.", mail.Text!.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(vasteras.Ocr.Value, mail.Text!, StringComparison.Ordinal);
        Assert.Contains("40\u00A0000,00\u00A0kr", mail.Text!, StringComparison.Ordinal);
        Assert.Contains("2026-03-12", mail.Text!, StringComparison.Ordinal);
        using var pdf = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(StorageNames.RemindersContainer, $"region-mitt-pom/2026/{vasteras.Number}-1.pdf", pdf, CancellationToken.None);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.ToArray());
        var text = document.GetPage(1).Text;
        Assert.Contains("Påminnelse", text, StringComparison.Ordinal);
        Assert.Contains(vasteras.Ocr.Value, text, StringComparison.Ordinal);
        Assert.Contains("40\u00A0000,00\u00A0kr", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-12", text, StringComparison.Ordinal);
        Assert.Equal(mail.Attachments.Single().Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf.ToArray())));
    }

    [Fact]
    public async Task An_invoice_paid_after_its_reminder_was_queued_but_before_sending_gets_no_reminder()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var withoutSmtp = scenario.NewServices(settings: SettingsFor(smtp, withSmtp: false));
        await withoutSmtp.GetRequiredService<ReminderRun>().RunAsync(FirstLevelDay, dryRun: false, CancellationToken.None);
        Assert.Equal(30, (await scenario.Get<Outbox>().ListAsync(OutboxState.Pending, CancellationToken.None)).Count);
        await PayAsync(scenario, "1980");

        var delivery = await scenario.Get<Outbox>().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((29, 1), (delivery.Sent, delivery.Cancelled));
        Assert.DoesNotContain(await smtp.WaitForAsync(29), m => m.Envelope.To.Single() == "1980@kommun.example.se");
    }

    [Fact]
    public async Task A_credit_that_arrives_after_a_reminder_was_queued_cancels_it_and_a_fully_credited_invoice_gets_no_more()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var withoutSmtp = scenario.NewServices(settings: SettingsFor(smtp, withSmtp: false));
        await withoutSmtp.GetRequiredService<ReminderRun>().RunAsync(FirstLevelDay, dryRun: false, CancellationToken.None);
        var leaves = Revisions.RevisionScenario.Edited(b => string.Join('\n', b.Split('\n').Where(l => !l.Contains("\"party\": \"REGION-03\"", StringComparison.Ordinal))));
        Revisions.RevisionScenario.AfterTheMeeting(scenario);
        var revisions = withoutSmtp.GetRequiredService<Invoicing.Planning.BudgetRevisions>();
        await revisions.ReviseAsync(InvoicingScenario.Scheme, 2026, leaves, CancellationToken.None);
        await revisions.ApproveAsync(InvoicingScenario.Scheme, 2026, Revisions.RevisionScenario.Decision, CancellationToken.None);
        Assert.Equal(1, (await withoutSmtp.GetRequiredService<AnnualInvoicingRun>().RunAsync(null, CancellationToken.None)).Created);

        var delivery = await scenario.Get<Outbox>().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal((30, 1), (delivery.Sent, delivery.Cancelled));
        var received = await smtp.WaitForAsync(30);
        var toRegion = Assert.Single(received, m => m.Envelope.To.Single() == "REGION-03@kommun.example.se");
        Assert.StartsWith("Kreditfaktura", toRegion.Subject, StringComparison.Ordinal);
        var second = await RemindAsync(scenario, SecondLevelDay);
        Assert.DoesNotContain(second.Actions, a => a.DebtorName == "Region Uppsala");
    }

    [Fact]
    public async Task A_party_without_e_mail_is_recorded_for_manual_delivery_and_the_run_goes_on()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var parties = await scenario.Get<PartyStore>().GetAllAsync(CancellationToken.None);
        await scenario.Get<PartyStore>().SaveAsync([parties[new PartyCode("1984")] with { InvoiceEmail = null }], CancellationToken.None);

        var summary = await RemindAsync(scenario, FirstLevelDay);

        Assert.Equal(30, summary.RemindersRecorded);
        Assert.Equal(29, (await smtp.WaitForAsync(29)).Count);
        var manual = Assert.Single(await scenario.Get<Outbox>().ListAsync(OutboxState.NeedsManualDelivery, CancellationToken.None));
        Assert.Contains((await InvoicesAsync(scenario))["1984"].Number.ToString(), manual.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_writes_and_sends_nothing()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);

        var dry = await scenario.Get<ReminderRun>().RunAsync(FirstLevelDay, dryRun: true, CancellationToken.None);

        Assert.Equal(30, dry.Actions.Count);
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(0, i.ReminderLevel));
        Assert.DoesNotContain(await scenario.Get<Outbox>().ListAsync(null, CancellationToken.None), m => m.Kind == "reminder");
        await Task.Delay(300);
        Assert.Empty(await smtp.ReceivedAsync());
    }

    [Theory]
    [InlineData("write-pdf")]
    [InlineData("queue-mail")]
    public async Task A_run_that_dies_between_recording_and_sending_is_completed_by_the_next_with_one_reminder_each(string step)
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        using var process = new CancellationTokenSource();
        var faults = new FaultInjectionPolicy();
        var dying = scenario.NewServices(faults, SettingsFor(smtp, withSmtp: true));
        faults.Arm(
            step == "write-pdf"
                ? r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("-reminders/", StringComparison.Ordinal)
                : r => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith(scenario.Prefix + "Outbox", StringComparison.Ordinal),
            FaultTiming.AfterResponse,
            skip: 5,
            beforeThrow: process.Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => dying.GetRequiredService<ReminderRun>().RunAsync(FirstLevelDay, dryRun: false, process.Token));
        await RemindAsync(scenario, FirstLevelDay);

        var received = await smtp.WaitForAsync(30);
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => m.Envelope.To.Single()).Distinct().Count());
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(1, i.ReminderLevel));
    }

    private static Task<ReminderRunSummary> RemindAsync(InvoicingScenario scenario, DateOnly asOf, IServiceProvider? services = null) =>
        (services ?? scenario.Services).GetRequiredService<ReminderRun>().RunAsync(asOf, dryRun: false, CancellationToken.None);

    private async Task<InvoicingScenario> IssuedAsync(SmtpServerFixture smtp)
    {
        var scenario = new InvoicingScenario(azurite, SettingsFor(smtp, withSmtp: true));
        var dataset = InvoicingScenario.BundledDataset;
        var withEmail = dataset with
        {
            Parties = dataset.Parties.Select(p => p.Kind == PartyKind.Agency ? p : p with { InvoiceEmail = $"{p.Code}@kommun.example.se" }).ToArray(),
        };
        await scenario.SeedAndApproveAsync(withEmail);
        await scenario.RunAsync();
        await smtp.WaitForAsync(30);
        foreach (var file in Directory.GetFiles(smtp.Folder))
        {
            File.Delete(file);
        }

        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 4, 2, 6, 0, 0, TimeSpan.Zero));
        return scenario;
    }

    private static async Task<string[]> PayAsync(InvoicingScenario scenario, params string[] debtors)
    {
        var invoices = await InvoicesAsync(scenario);
        foreach (var debtor in debtors)
        {
            var invoice = invoices[debtor];
            await scenario.Get<PaymentLedger>().BookAsync(invoice.Key, new PaymentBooking($"manual:{debtor}", "manual", invoice.Total, new DateOnly(2026, 2, 20)), CancellationToken.None);
        }

        return debtors;
    }

    private static async Task<Dictionary<string, Invoice>> InvoicesAsync(InvoicingScenario scenario) =>
        (await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).ToDictionary(i => i.DebtorCode.Value);

    private static Dictionary<string, string?> SettingsFor(SmtpServerFixture smtp, bool withSmtp)
    {
        var settings = TestServices.ExampleIssuer();
        if (withSmtp)
        {
            settings["Invoicing:Smtp:Host"] = "127.0.0.1";
            settings["Invoicing:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Invoicing:Smtp:Security"] = "None";
            settings["Invoicing:Smtp:From"] = "Västerås stad <faktura@example.se>";
            settings["Invoicing:Smtp:SendRetryBackoff"] = "00:00:00";
        }

        return settings;
    }
}
