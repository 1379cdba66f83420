using Invoicing.Invoices;

namespace Invoicing.Reminders;

/// <summary>What an unpaid invoice is due for on a given day: nothing, a reminder of some level, or a person.</summary>
public abstract record ReminderStep
{
    private ReminderStep()
    {
    }

    public sealed record Nothing : ReminderStep;

    /// <summary>Reminder <see cref="Level"/>: what remains, the fee and interest, and the new due date.</summary>
    public sealed record Remind(int Level, Money Remaining, Money Fee, Money Interest, DateOnly NewDueDate) : ReminderStep
    {
        public Money Total => Remaining + Fee + Interest;
    }

    public sealed record ManualFollowUp : ReminderStep;

    /// <summary>
    /// The policy: first reminder <c>FirstReminderDaysAfterDue</c> days after the due date, the second
    /// <c>SecondReminderDaysAfterFirst</c> after the first, then manual follow-up. An invoice whose chain asks nothing
    /// more of it (paid, credited, or settled by its chain's other invoices) gets nothing; one that lacks money is
    /// reminded of what its chain still lacks on it (<see cref="DocumentBalance.Due"/>).
    /// </summary>
    public static ReminderStep For(InvoiceBalance balance, DateOnly asOf, ReminderOptions options)
    {
        var invoice = balance.Invoice;
        if (balance.Due <= Money.Zero || invoice.NeedsManualFollowUp)
        {
            return new Nothing();
        }

        var (level, dueOn) = invoice.ReminderLevel switch
        {
            0 => (1, invoice.DueDate.AddDays(options.FirstReminderDaysAfterDue)),
            1 => (2, invoice.LastReminderDate!.Value.AddDays(options.SecondReminderDaysAfterFirst)),
            _ => (3, invoice.LastReminderDate!.Value.AddDays(options.ManualFollowUpDaysAfterSecond)),
        };
        if (asOf < dueOn)
        {
            return new Nothing();
        }

        if (level > Invoice.MaxReminderLevel)
        {
            return new ManualFollowUp();
        }

        var interest = options.LateInterestEnabled ? LateInterest(balance.Due, invoice.DueDate, asOf, options.ReferenceRateBasisPoints) : Money.Zero;
        return new Remind(level, balance.Due, Money.FromKronor(options.FeeKronor), interest, SwedishBankingDays.OnOrAfter(asOf.AddDays(options.PaymentDaysAfterReminder)));
    }

    /// <summary>
    /// Interest per räntelagen 6 §: the reference rate plus 8 percentage points a year, on what remains,
    /// for each day after the due date (actual/365), rounded half up to whole öre.
    /// </summary>
    public static Money LateInterest(Money remaining, DateOnly dueDate, DateOnly asOf, int referenceRateBasisPoints)
    {
        var days = asOf.DayNumber - dueDate.DayNumber;
        var rateBasisPoints = Math.Max(0, referenceRateBasisPoints + 800);
        if (days <= 0 || remaining <= Money.Zero)
        {
            return Money.Zero;
        }

        var numerator = (Int128)remaining.Ore * rateBasisPoints * days;
        const long denominator = 365L * 10_000;
        return new Money((long)((numerator * 2 + denominator) / (2 * denominator)));
    }
}
