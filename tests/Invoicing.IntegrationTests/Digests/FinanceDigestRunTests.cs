using System.Globalization;
using Invoicing.Digests;
using Invoicing.Mail;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Digests;

/// <summary>
/// The daily digest against Azurite and a real SMTP server, on the bundled 2026 invoices (30, issued 2026-01-20, due
/// 2026-02-19): one e-mail a day however often it runs, nothing when there is nothing, and after skipped days the next
/// one tells what happened on them, nothing twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FinanceDigestRunTests(AzuriteFixture azurite)
{
    private const string Finance = "ekonomi@example.se";

    [Fact]
    public async Task Two_runs_the_same_day_queue_one_digest_which_the_outbox_sends_to_finance()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 20, 6, 30, 0, TimeSpan.Zero));

        var first = await DigestAsync(scenario);
        scenario.Time.Advance(TimeSpan.FromHours(3));
        var second = await DigestAsync(scenario);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => DigestAsync(scenario))));
        await scenario.Get<Outbox>().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(FinanceDigestOutcome.Queued, first.Outcome);
        Assert.Equal(30, first.Digest!.FellDue.Count);
        Assert.Equal(FinanceDigestOutcome.AlreadyQueued, second.Outcome);
        Assert.All(concurrent, r => Assert.Equal(FinanceDigestOutcome.AlreadyQueued, r.Outcome));
        var queued = Assert.Single(await scenario.Get<Outbox>().ListByIdPrefixAsync(FinanceDigestText.IdPrefix, CancellationToken.None));
        Assert.Equal(("finance-digest-2026-02-20", OutboxState.Sent), (queued.Id, queued.State));
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(Finance, mail.Envelope.To.Single());
        Assert.Equal("Ekonomisammanställning 2026-02-20: 30 förfallna", mail.Subject);
        Assert.Contains("Fakturor som förfallit obetalda: 30 st, ", mail.Text!, StringComparison.Ordinal);
        Assert.Contains("förfallodag 2026-02-19, 1 dag sedan", mail.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_with_nothing_to_report_queues_nothing()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 10, 6, 30, 0, TimeSpan.Zero));

        var result = await DigestAsync(scenario);

        Assert.Equal(FinanceDigestOutcome.NothingToReport, result.Outcome);
        Assert.True(result.Digest!.IsEmpty);
        Assert.Empty(await scenario.Get<Outbox>().ListByIdPrefixAsync(FinanceDigestText.IdPrefix, CancellationToken.None));
    }

    [Fact]
    public async Task After_skipped_days_the_next_digest_tells_what_happened_since_the_last_one_and_nothing_it_told()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        var suspense = scenario.Get<SuspenseList>();

        // 2026-02-10: a payment nobody can match, told that morning; another arrives after the digest went.
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 10, 6, 0, 0, TimeSpan.Zero));
        await suspense.AddAsync(Unmatched("E-1", 100, scenario.Time.GetUtcNow()), CancellationToken.None);
        scenario.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(["E-1"], (await DigestAsync(scenario)).Digest!.Unmatched.Select(p => p.Id));
        scenario.Time.Advance(TimeSpan.FromHours(4));
        await suspense.AddAsync(Unmatched("E-2", 200, scenario.Time.GetUtcNow()), CancellationToken.None);

        // No digest from 2026-02-11 to 2026-02-20 (the timer did not run); the invoices fell due on the 20th.
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero));
        await suspense.AddAsync(Unmatched("E-3", 300, scenario.Time.GetUtcNow()), CancellationToken.None);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 21, 6, 30, 0, TimeSpan.Zero));
        var next = await DigestAsync(scenario);

        Assert.Equal(FinanceDigestOutcome.Queued, next.Outcome);
        Assert.Equal(["E-2", "E-3"], next.Digest!.Unmatched.Select(p => p.Id));
        Assert.Equal(30, next.Digest.FellDue.Count);
        Assert.All(next.Digest.FellDue, o => Assert.Equal(2, o.DaysPastDue));
        Assert.Equal(new DateOnly(2026, 2, 10), next.Digest.Window.PreviousDay);
        Assert.Contains("Nya omatchade inbetalningar: 2 st, 500,00\u00A0kr", next.Message!.TextBody, StringComparison.Ordinal);

        // The reminders ten days later are told the day they are recorded, and the day after they are not.
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 6, 30, 0, TimeSpan.Zero));
        await scenario.Get<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);
        var reminded = await DigestAsync(scenario);
        scenario.Time.Advance(TimeSpan.FromDays(1));
        var dayAfter = await DigestAsync(scenario);

        Assert.Equal(30, reminded.Digest!.Reminders.Count);
        Assert.Empty(reminded.Digest.FellDue);
        Assert.Equal(FinanceDigestOutcome.NothingToReport, dayAfter.Outcome);
        Assert.Equal(
            ["finance-digest-2026-02-10", "finance-digest-2026-02-21", "finance-digest-2026-03-02"],
            (await scenario.Get<Outbox>().ListByIdPrefixAsync(FinanceDigestText.IdPrefix, CancellationToken.None)).Select(m => m.Id));
    }

    [Fact]
    public async Task A_past_day_is_only_looked_at_and_a_day_to_come_not_at_all()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var scenario = await IssuedAsync(smtp);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 25, 6, 30, 0, TimeSpan.Zero));
        var run = scenario.Get<FinanceDigestRun>();

        var dry = await run.RunAsync(new DateOnly(2026, 2, 20), dryRun: true, CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => run.RunAsync(new DateOnly(2026, 2, 20), dryRun: false, CancellationToken.None));
        var future = await Assert.ThrowsAsync<DateInFutureException>(() => run.RunAsync(new DateOnly(2026, 2, 26), dryRun: true, CancellationToken.None));

        Assert.Equal((FinanceDigestOutcome.DryRun, 30), (dry.Outcome, dry.Digest!.FellDue.Count));
        Assert.Equal("Sammanställningen för 2026-02-26 kan inte göras före den dagen (i dag är det 2026-02-25); inget köades.", future.SwedishMessage);
        Assert.Empty(await scenario.Get<Outbox>().ListByIdPrefixAsync(FinanceDigestText.IdPrefix, CancellationToken.None));
    }

    private static Task<FinanceDigestResult> DigestAsync(InvoicingScenario scenario) =>
        scenario.Get<FinanceDigestRun>().RunAsync(null, dryRun: false, CancellationToken.None);

    private async Task<InvoicingScenario> IssuedAsync(SmtpServerFixture smtp)
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Smtp:Host"] = "127.0.0.1";
        settings["Invoicing:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Invoicing:Smtp:Security"] = "None";
        settings["Invoicing:Smtp:From"] = "Västerås stad <faktura@example.se>";
        settings["Invoicing:Smtp:SendRetryBackoff"] = "00:00:00";
        settings["Invoicing:FinanceDigest:To"] = Finance;
        var scenario = new InvoicingScenario(azurite, settings);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        return scenario;
    }

    private static UnmatchedPayment Unmatched(string id, long kronor, DateTimeOffset receivedAt) =>
        new(id, id, "bgmax", Money.FromKronor(kronor), SwedishCalendar.DateOf(receivedAt), "12345678901", null, "No invoice has OCR 12345678901.", receivedAt);
}
