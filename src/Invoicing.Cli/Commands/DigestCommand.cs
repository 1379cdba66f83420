using System.CommandLine;
using Invoicing.Digests;

namespace Invoicing.Cli.Commands;

internal static class DigestCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The day's digest, yyyy-MM-dd (default: today in Sweden); a past day only with --dry-run." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the digest; queue nothing." };
        var command = new Command(
            "digest",
            "The daily digest to finance, as the daily timer sends it: new unmatched payments, invoices that fell due, reminders sent, " +
            "e-mails failed or uncertain, refunds owed. Queued in the outbox once a day (Invoicing:FinanceDigest:To); nothing when there is nothing.")
        {
            date, dryRun,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } text)
            {
                day = IsoDate.TryParse(text, out var d) ? d : throw new CliException($"--date '{text}' is not a date in the form yyyy-MM-dd.");
            }

            var result = await services.Get<FinanceDigestRun>().RunAsync(day, parse.GetValue(dryRun), cancellationToken);
            var output = Console.Out;
            if (result.Digest is { } digest)
            {
                output.WriteLine($"Subject: {FinanceDigestText.Subject(digest)}");
                output.WriteLine();
                output.Write(FinanceDigestText.Body(digest));
                output.WriteLine();
            }
            else if (result.Message is { } stored)
            {
                output.WriteLine($"Subject: {stored.Subject}");
                output.WriteLine();
                output.Write(stored.TextBody);
                output.WriteLine();
            }

            output.WriteLine(result.Outcome switch
            {
                FinanceDigestOutcome.Queued => $"Queued as {result.Message!.Id} to {result.Message.To}; the outbox sends it (./invoicing mail send).",
                FinanceDigestOutcome.AlreadyQueued => $"The digest of {SwedishFormat.Date(result.Day)} was queued earlier as {result.Message!.Id} ({result.Message.State}); nothing more was queued.",
                FinanceDigestOutcome.NothingToReport => $"Nothing to report for {SwedishFormat.Date(result.Day)}: nothing was queued.",
                FinanceDigestOutcome.DryRun => "Dry run: nothing was queued.",
                FinanceDigestOutcome.NoRecipient => $"No address is set for finance ({FinanceDigestOptions.Section}:To): nothing was queued.",
                _ => throw new InvalidOperationException($"Unknown outcome {result.Outcome}."),
            });
            return CliAction.Ok;
        });
        return command;
    }
}
