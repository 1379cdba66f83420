using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Reminders;

namespace Invoicing.Cli.Commands;

internal static class RemindCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Run as of this date, yyyy-MM-dd (default: today in Sweden)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be done; write and send nothing." };
        var command = new Command("remind", "What the daily timer does: one reminder per unpaid invoice and level, never twice; then send the outbox.") { asOf, dryRun, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                day = IsoDate.TryParse(text, out var d) ? d : throw new CliException($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
            }

            var summary = await services.Get<ReminderRun>().RunAsync(day, parse.GetValue(dryRun), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(Web.Contracts.ReminderRunView.From(summary));
                return summary.Succeeded ? CliAction.Ok : RunCommand.PartlyFailed;
            }

            var table = new TextTable(("Invoice", false), ("Debtor", false), ("Step", false), ("Amount", true), ("Delivery", false), ("", false));
            foreach (var action in summary.Actions)
            {
                table.Add(action.Invoice.Number.ToString(), action.DebtorName, action.Step, SwedishFormat.Amount(action.Amount),
                    action.Step == "manual follow-up" ? "a person follows up" : action.Email ?? "needs manual delivery (no e-mail address)",
                    summary.DryRun ? "would be done" : action.Recorded ? "new" : "recorded earlier");
            }

            table.WriteTo(Console.Out);
            Console.Out.WriteLine(summary.DryRun
                ? $"Dry run as of {SwedishFormat.Date(summary.AsOf)}: nothing was written or sent."
                : $"As of {SwedishFormat.Date(summary.AsOf)}: {summary.RemindersRecorded} new reminders, {summary.ManualFollowUps} invoices handed to manual follow-up.");
            if (summary.Delivery is { } delivery)
            {
                Console.Out.WriteLine($"Outbox: {delivery.Sent} sent, {delivery.Cancelled} cancelled (paid meanwhile), {delivery.Retrying} to retry, {delivery.Failed} failed, {delivery.MarkedUncertain} uncertain.");
            }
            else if (summary.DeliverySkipped is { } why)
            {
                Console.Out.WriteLine(why);
            }

            return summary.Succeeded ? CliAction.Ok : RunCommand.PartlyFailed;
        });
        return command;
    }
}
