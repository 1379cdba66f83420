using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Parties;

namespace Invoicing.Reminders;

/// <summary>What a reminder run did (or, dry, would do), and how the outbox delivery went.</summary>
public sealed record ReminderRunSummary(DateOnly AsOf, bool DryRun, IReadOnlyList<ReminderAction> Actions, OutboxDeliveryResult? Delivery)
{
    public int RemindersRecorded => Actions.Count(a => a.Recorded && a.Step.StartsWith("reminder", StringComparison.Ordinal));

    public int ManualFollowUps => Actions.Count(a => a.Recorded && a.Step == "manual follow-up");

    /// <summary>A host marks the run failed when any e-mail failed for good; the outbox keeps it for a person.</summary>
    public bool Succeeded => Delivery is null || Delivery.Failed == 0;

    /// <summary>Throws when an e-mail failed for good, so a host marks the invocation failed (and alerts).</summary>
    public void EnsureSucceeded()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"Reminder run as of {IsoDate.Format(AsOf)}: {Delivery!.Failed} e-mails failed; see the outbox.");
        }
    }

    /// <summary>Why the outbox was not delivered in this run, when it was not.</summary>
    public string? DeliverySkipped { get; init; }
}

/// <summary>One invoice's step in the run: <see cref="Recorded"/> false means an earlier run had recorded it.</summary>
public sealed record ReminderAction(InvoiceKey Invoice, string DebtorName, string Step, Money Amount, string? Email, bool Recorded)
{
    public static ReminderAction Planned(InvoiceBalance balance, ReminderStep step, Party? party) => step switch
    {
        ReminderStep.Remind remind => new(balance.Invoice.Key, balance.Invoice.DebtorName, $"reminder {remind.Level}", remind.Total, party?.InvoiceEmail, false),
        _ => new(balance.Invoice.Key, balance.Invoice.DebtorName, "manual follow-up", balance.Due, null, false),
    };
}
