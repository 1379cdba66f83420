using CsCheck;
using Invoicing.Digests;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Payments;

namespace Invoicing.Tests.Digests;

/// <summary>
/// The daily digest to finance, built from what was read: each section takes what falls in the window (or, for what
/// waits for a person, what stands), amounts as the chains say, in Swedish text; nothing when there is nothing.
/// </summary>
public sealed class FinanceDigestTests
{
    private static readonly SchemeId Scheme = new("region-mitt-pom");
    private static readonly DateOnly Day = new(2026, 12, 5);

    // The previous digest was queued on 2026-12-04 at 07:30 Swedish time; this one is built on 2026-12-05 at 07:30.
    private static readonly DateTimeOffset PreviousAt = new(2026, 12, 4, 6, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 6, 30, 0, TimeSpan.Zero);
    private static readonly DigestWindow Window = DigestWindow.Following(Day, Day.AddDays(-1), PreviousAt, Now);

    [Fact]
    public void Nothing_read_is_an_empty_digest_which_sends_nothing()
    {
        var digest = Build();

        Assert.True(digest.IsEmpty);
        Assert.Equal("Ekonomisammanställning 2026-12-05: inget att rapportera", FinanceDigestText.Subject(digest));
    }

    [Fact]
    public void Unmatched_payments_count_when_listed_after_the_previous_digest_and_up_to_now_and_an_entry_recognised_as_another_never()
    {
        var before = Unmatched("E-1", 100, PreviousAt);
        var justAfter = Unmatched("E-2", 500, PreviousAt.AddSeconds(1));
        var now = Unmatched("E-3", 1_234, Now) with { PayerName = "Betalare\u202EAB" };
        var later = Unmatched("E-4", 700, Now.AddSeconds(1));
        var same = Unmatched("E-5", 800, Now.AddMinutes(-1)) with { SameAs = "E-2" };

        var digest = Build(unmatched: [later, now, before, justAfter, same]);

        Assert.Equal(["E-2", "E-3"], digest.Unmatched.Select(p => p.Id));
        var body = FinanceDigestText.Body(digest);
        Assert.Contains("Nya omatchade inbetalningar: 2 st, 1\u00A0734,00\u00A0kr", body, StringComparison.Ordinal);
        Assert.Contains("Betalare\\u202EAB", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', body);
    }

    [Theory]
    [InlineData(-1, true)]  // due yesterday: today is its first day past due
    [InlineData(0, false)]  // due today: still on time
    [InlineData(-2, false)] // its first day past due was yesterday, told by yesterday's digest
    public void An_invoice_fell_due_when_its_first_day_past_due_is_after_the_previous_digests_day(int dueOffset, bool told)
    {
        var digest = Build(documents: [Invoice(1, "2180", 10_000, Day.AddDays(dueOffset))]);

        Assert.Equal(told, digest.FellDue.Count == 1);
    }

    [Fact]
    public void After_skipped_days_the_next_digest_tells_every_invoice_that_fell_due_since_the_last_one()
    {
        var window = DigestWindow.Following(Day, Day.AddDays(-3), PreviousAt.AddDays(-2), Now);
        var documents = Enumerable.Range(1, 5).Select(i => Invoice(i, "2180", 1_000, Day.AddDays(-i))).ToArray();

        var digest = FinanceDigest.Build(window, DocumentChain.Of(documents), [], [], []);

        Assert.Equal([1, 2, 3], digest.FellDue.Select(o => o.DaysPastDue));
    }

    [Fact]
    public void What_fell_due_is_what_the_chain_still_asks_and_a_paid_or_credited_invoice_is_not_told()
    {
        var yesterday = Day.AddDays(-1);
        var part = Invoice(1, "2180", 10_000, yesterday).WithPayment(Money.FromKronor(3_000), yesterday);
        var paid = Invoice(2, "2181", 5_000, yesterday).WithPayment(Money.FromKronor(5_000), yesterday);
        var credited = Invoice(3, "2182", 4_000, yesterday).WithCredit(Money.FromKronor(4_000));
        var creditNote = CreditNote(4, credited, 4_000);

        var digest = Build(documents: [part, paid, credited, creditNote]);

        var overdue = Assert.Single(digest.FellDue);
        Assert.Equal((part.Number, Money.FromKronor(7_000), 1), (overdue.Invoice.Number, overdue.Due, overdue.DaysPastDue));
        Assert.Contains(
            $"region-mitt-pom {part.Number}  Gävle kommun  7\u00A0000,00\u00A0kr  förfallodag 2026-12-04, 1 dag sedan",
            FinanceDigestText.Body(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_count_when_recorded_in_the_window()
    {
        var invoice = Invoice(1, "2180", 10_000, new DateOnly(2026, 11, 1));
        var first = Reminder(invoice, 1, PreviousAt.AddMinutes(-5));
        var second = Reminder(invoice, 2, Now.AddMinutes(-20));

        var digest = Build(documents: [invoice], reminders: [(invoice, first), (invoice, second)]);

        var told = Assert.Single(digest.Reminders);
        Assert.Equal(2, told.Level);
        Assert.Contains("påminnelse 2  10\u00A0000,00\u00A0kr  ny förfallodag 2026-12-15", FinanceDigestText.Body(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_and_uncertain_e_mails_are_told_as_long_as_they_stand_whatever_their_age()
    {
        var old = Now.AddDays(-30);
        var digest = Build(outbox:
        [
            Mail("a", OutboxState.Sent, old),
            Mail("b", OutboxState.Failed, old) with { LastError = "550 mailbox unavailable" },
            Mail("c", OutboxState.Uncertain, Now.AddHours(-1)),
            Mail("d", OutboxState.Pending, Now),
            Mail("e", OutboxState.NeedsManualDelivery, Now),
        ]);

        Assert.Equal(["b", "c"], digest.MailProblems.Select(m => m.Id));
        var body = FinanceDigestText.Body(digest);
        Assert.Contains("E-post som misslyckats eller är osäker: 2 st", body, StringComparison.Ordinal);
        Assert.Contains("b (reminder) misslyckades, till x@example.se: 550 mailbox unavailable", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_is_owed_where_the_chain_received_more_than_it_asks_and_is_told_until_paid_out()
    {
        var overpaid = Invoice(1, "2180", 10_000, new DateOnly(2026, 2, 19)).WithPayment(Money.FromKronor(10_250), new DateOnly(2026, 2, 1));
        var refunded = Invoice(2, "2181", 10_000, new DateOnly(2026, 2, 19)).WithPayment(Money.FromKronor(10_100), new DateOnly(2026, 2, 1)).WithRefund(Money.FromKronor(100));

        var digest = Build(documents: [overpaid, refunded]);

        var owed = Assert.Single(digest.Refunds);
        Assert.Equal((overpaid.Number, Money.FromKronor(250)), (owed.Invoice.Number, owed.Amount));
        Assert.Contains("Återbetalningar att göra: 1 st, 250,00\u00A0kr", FinanceDigestText.Body(digest), StringComparison.Ordinal);
        Assert.Equal("Ekonomisammanställning 2026-12-05: 1 återbetalning", FinanceDigestText.Subject(digest));
    }

    [Fact]
    public void A_whole_years_invoices_falling_due_at_once_fit_in_one_message_with_the_rest_counted()
    {
        var documents = Enumerable.Range(1, 500).Select(i => Invoice(i, "2180", 1_000, Day.AddDays(-1)) with { DebtorName = new string('x', 300) }).ToArray();

        var digest = Build(documents: documents);
        var body = FinanceDigestText.Body(digest);

        Assert.Equal(500, digest.FellDue.Count);
        Assert.Contains("Fakturor som förfallit obetalda: 500 st, 500\u00A0000,00\u00A0kr", body, StringComparison.Ordinal);
        Assert.Contains($"… och {500 - FinanceDigestText.MaxLinesPerSection} till: se ./invoicing report aging.", body, StringComparison.Ordinal);
        _ = new OutboxMessage(FinanceDigestText.MessageId(Day), FinanceDigestText.Kind, "ekonomi@example.se", FinanceDigestText.Subject(digest), body, []);
    }

    [Fact]
    public void The_first_digest_starts_at_midnight_in_Stockholm_and_takes_yesterdays_due_date()
    {
        var window = DigestWindow.First(new DateOnly(2026, 7, 1), Now);

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), window.After);
        Assert.Equal((new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30)), (window.FirstDueDate, window.LastDueDate));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero), DigestWindow.First(Day, Now).After);
    }

    [Fact]
    public void Consecutive_digests_on_any_days_tell_each_overdue_invoice_and_each_event_exactly_once()
    {
        // Digest days with gaps (skipped or empty days), each queued at some moment of its day.
        var days = Gen.Int[1, 4].Array[1, 12];
        var dueOffsets = Gen.Int[0, 60].Array[0, 30];
        var eventMinutes = Gen.Int[0, 60 * 24 * 60].Array[0, 30];
        Gen.Select(days, dueOffsets, eventMinutes, Gen.Int[0, 23]).Sample((gaps, dues, events, hour) =>
        {
            var start = new DateOnly(2026, 1, 1);
            var digestDays = gaps.Select((_, i) => start.AddDays(gaps.Take(i + 1).Sum())).ToArray();
            var at = digestDays.Select(d => SwedishCalendar.StartOf(d).AddHours(hour)).ToArray();
            var windows = digestDays.Select((d, i) => i == 0 ? DigestWindow.First(d, at[i]) : DigestWindow.Following(d, digestDays[i - 1], at[i - 1], at[i])).ToArray();

            foreach (var due in dues.Select(o => start.AddDays(o)))
            {
                var count = windows.Count(w => w.FellDue(due));
                var coveredDays = due.AddDays(1) >= digestDays[0] && due.AddDays(1) <= digestDays[^1];
                Assert.Equal(coveredDays ? 1 : 0, count);
            }

            foreach (var instant in events.Select(m => SwedishCalendar.StartOf(start).AddMinutes(m)))
            {
                var count = windows.Count(w => w.Holds(instant));
                Assert.Equal(instant > windows[0].After && instant <= at[^1] ? 1 : 0, count);
            }
        });
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("ekonomi@example.se", true)]
    [InlineData("ekonomi@example.se, Kassan <kassa@example.se>", true)]
    [InlineData("ekonomi", false)]
    [InlineData("ekonomi@example.se\r\nBcc: x@example.se", false)]
    public void Finances_address_is_one_or_more_e_mail_addresses_or_none(string? to, bool usable)
    {
        var options = new FinanceDigestOptions { To = to };

        Assert.Equal(usable, options.Problems().Count == 0);
        Assert.Equal(to is not null, options.Enabled);
    }

    private static FinanceDigest Build(
        IEnumerable<IssuedDocument>? documents = null,
        IEnumerable<UnmatchedPayment>? unmatched = null,
        IEnumerable<(Invoice, ReminderRecord)>? reminders = null,
        IEnumerable<OutboxEntry>? outbox = null) =>
        FinanceDigest.Build(Window, DocumentChain.Of(documents ?? []), unmatched ?? [], reminders ?? [], outbox ?? []);

    private static Invoice Invoice(int sequence, string debtor, long kronor, DateOnly due)
    {
        var number = new InvoiceNumber(2026, sequence);
        return new Invoice(Scheme, 2026, number, new PartyCode(debtor), "Gävle kommun", number.ToOcrReference(),
            new DateOnly(2026, 1, 20), due, [new InvoiceLine(1, "Bidrag", Money.FromKronor(kronor))],
            Money.FromKronor(kronor), Money.Zero, Money.FromKronor(kronor), "", "");
    }

    private static CreditNote CreditNote(int sequence, Invoice corrects, long kronor) =>
        new(Scheme, 2026, new InvoiceNumber(2026, sequence), corrects.DebtorCode, "Gävle kommun", new DateOnly(2026, 1, 20),
            [new InvoiceLine(1, "Bidrag", Money.FromKronor(kronor))], Money.FromKronor(kronor), Money.Zero, Money.FromKronor(kronor), "", "",
            new DocumentReference(corrects.Number, corrects.IssueDate));

    private static UnmatchedPayment Unmatched(string id, long kronor, DateTimeOffset receivedAt) =>
        new(id, id, "bgmax", Money.FromKronor(kronor), new DateOnly(2026, 12, 3), "12345678901", null, "No invoice has OCR 12345678901.", receivedAt);

    private static ReminderRecord Reminder(Invoice invoice, int level, DateTimeOffset recordedAt) =>
        new(invoice.Number, level, SwedishCalendar.DateOf(recordedAt), new DateOnly(2026, 12, 15), Money.FromKronor(10_000), Money.Zero, Money.Zero,
            ReminderRecord.BlobNameFor(invoice.Key, level), ReminderRecord.MessageIdFor(invoice.Key, level), recordedAt);

    private static OutboxEntry Mail(string id, OutboxState state, DateTimeOffset createdAt) =>
        new(id, "reminder", "x@example.se", "Påminnelse", "…", [], null, state, 1, null, createdAt, null, null, null);
}
