using Invoicing.Mail;
using Invoicing.Reminders;

namespace Invoicing.Web.Contracts;

/// <summary>What a reminder run did (or, in a dry run, would do): <c>remind --json</c> (docs/cli.md).</summary>
public sealed record ReminderRunView(
    DateOnly AsOf,
    bool DryRun,
    int RemindersRecorded,
    int ManualFollowUps,
    IReadOnlyList<ReminderRunView.Action> Actions,
    OutboxDeliveryResult? Delivery,
    string? DeliverySkipped)
{
    public static ReminderRunView From(ReminderRunSummary summary) => new(
        summary.AsOf,
        summary.DryRun,
        summary.RemindersRecorded,
        summary.ManualFollowUps,
        [.. summary.Actions.Select(a => new Action(a.Invoice.Number.ToString(), a.Invoice.Scheme.Value, a.Invoice.Year, a.DebtorName, a.Step, Kronor.From(a.Amount), a.Email, a.Recorded))],
        summary.Delivery,
        summary.DeliverySkipped);

    /// <summary>One invoice's step: <c>reminder 1</c>, <c>reminder 2</c> or <c>manual follow-up</c>, with the amount it asks for.</summary>
    public sealed record Action(string Invoice, string Scheme, int Year, string DebtorName, string Step, decimal Amount, string? Email, bool Recorded);
}
