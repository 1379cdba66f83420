using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Mail;

namespace Invoicing.Cli.Commands;

internal static class MailCommands
{
    public static Command Create()
    {
        var command = new Command("mail", "The e-mail outbox: what was sent, what waits, what failed.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Send());
        command.Subcommands.Add(Retry());
        return command;
    }

    private static Command List()
    {
        var state = new Option<OutboxState?>("--state") { Description = "Only messages in this state (Pending, Sending, Sent, Failed, Cancelled, NeedsManualDelivery, Uncertain)." };
        var command = new Command("outbox", "Every message in the outbox with its state.") { state, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var entries = await services.Get<Outbox>().ListAsync(parse.GetValue(state), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(entries.Select(e => new
                {
                    id = e.Id,
                    kind = e.Kind,
                    to = e.To,
                    subject = e.Subject,
                    state = e.State.ToString(),
                    attempts = e.Attempts,
                    lastError = e.LastError,
                    createdAt = e.CreatedAt,
                    sentAt = e.SentAt,
                    nextAttemptAt = e.NextAttemptAt,
                }));
                return CliAction.Ok;
            }

            var table = new TextTable(("Id", false), ("To", false), ("State", false), ("Tries", true), ("Note", false));
            foreach (var e in entries)
            {
                table.Add(e.Id, e.To ?? "-", e.State.ToString(), e.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), e.LastError ?? "");
            }

            table.WriteTo(Console.Out);
            Console.Out.WriteLine(string.Join(", ", entries.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")) is { Length: > 0 } counts ? counts : "The outbox is empty.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Send()
    {
        var command = new Command("send", "Send the messages waiting in the outbox now.");
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var result = await services.Get<Outbox>().DeliverPendingAsync(cancellationToken);
            Console.Out.WriteLine($"Outbox: {result.Sent} sent, {result.Cancelled} cancelled (paid meanwhile), {result.Retrying} to retry, {result.Failed} failed, {result.MarkedUncertain} uncertain.");
            return result.Failed == 0 ? CliAction.Ok : RunCommand.PartlyFailed;
        });
        return command;
    }

    private static Command Retry()
    {
        var id = new Argument<string>("id") { Description = "The message id (see mail outbox)." };
        var command = new Command("retry", "Put a Failed or Uncertain message back in the queue, after checking it was not received.") { id };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            await services.Get<Outbox>().RetryAsync(parse.GetValue(id)!, cancellationToken);
            Console.Out.WriteLine($"Message {parse.GetValue(id)} is queued again; ./invoicing mail send sends it.");
            return CliAction.Ok;
        });
        return command;
    }
}
