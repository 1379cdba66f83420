using System.CommandLine;
using System.Globalization;
using Invoicing.Cli.Output;
using Invoicing.Issuers;
using Invoicing.Payments;
using Invoicing.Periods;

namespace Invoicing.Cli.Commands;

/// <summary>
/// <c>./invoicing periods</c>: the months of the books of --scheme's issuer finance has closed; <c>periods close</c>
/// after reconciling a month; <c>periods reopen</c> with a reason (the operator's own tool: through the API and the
/// page a reopening needs a second finance user).
/// </summary>
internal static class PeriodsCommands
{
    public static Command Create()
    {
        var command = new Command("periods", "The closed months of the books of --scheme's issuer: nothing is booked dated in a closed month (docs/sie.md).")
        {
            CliOptions.Json,
        };
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Reopen());
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var issuer = IssuerOf(services);
            var periods = await services.Get<AccountingPeriods>().ListAsync(issuer, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(periods.Select(PeriodDto.From));
                return CliAction.Ok;
            }

            var table = new TextTable(("Month", false), ("State", false), ("Closed by", false), ("Closed at", false), ("Note", false));
            foreach (var p in periods)
            {
                table.Add(
                    p.Month.ToString(),
                    p.Closed ? "closed" : "reopened",
                    p.ClosedBy?.ToString() ?? "",
                    p.ClosedAt is { } at ? SwedishCalendar.LocalTime(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                    p.Closed ? p.Note ?? "" : $"reopened by {p.ReopenedBy}: {p.ReopenReason}");
            }

            table.WriteTo(Console.Out);
            Console.Out.WriteLine(periods.Count == 0
                ? $"No month of {issuer.Name}'s books is closed."
                : $"{Counted.Of(periods.Count(p => p.Closed), "closed month", "closed months")} of {issuer.Name}'s books.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Close()
    {
        var month = MonthArgument();
        var note = new Option<string?>("--note") { Description = "What was reconciled, kept with the closing (e.g. \"Avstämd mot kontoutdrag 2026-11-30\")." };
        var command = new Command("close", "Close a month of the books after reconciling it: from now on a payment, reversal or refund dated in it is booked on the first open day, its real date kept.")
        {
            month, note,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var issuer = IssuerOf(services);
            var closing = Month(parse.GetValue(month));
            var (period, changed) = await services.Get<AccountingPeriods>().CloseAsync(issuer, closing, parse.GetValue(note), cancellationToken);
            if (!changed)
            {
                Console.Out.WriteLine($"{closing} of {issuer.Name}'s books was closed already, by {period.ClosedBy} at {Local(period.ClosedAt)}; nothing changed.");
                return CliAction.Ok;
            }

            var closed = await services.Get<AccountingPeriods>().ClosedAsync(issuer, cancellationToken);
            Console.Out.WriteLine(
                $"Closed {closing} of {issuer.Name}'s books. A payment, reversal or refund dated in it is booked from now on dated {IsoDate.Format(closed.BookingDate(closing.FirstDay))}, its real date kept.");
            var waiting = (await services.Get<SuspenseList>().ListOpenAsync(cancellationToken))
                .Count(u => closing.Contains(u.PaidOn) && (u.ReceivingAccount is null || issuer.ReceivingAccounts.Contains(u.ReceivingAccount)));
            if (waiting > 0)
            {
                Console.Out.WriteLine($"Note: {waiting} entries on the unmatched list are dated in {closing}; booked now, they count in the first open month ('payments unmatched').");
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Reopen()
    {
        var month = MonthArgument();
        var reason = new Option<string>("--reason") { Description = "Why the month is reopened: recorded in the audit trail.", Required = true };
        var command = new Command("reopen", "Reopen a closed month (recorded with the reason; through the API and the page a second finance user must confirm it).")
        {
            month, reason,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var issuer = IssuerOf(services);
            var reopening = Month(parse.GetValue(month));
            await services.Get<AccountingPeriods>().ReopenAsync(issuer, reopening, parse.GetValue(reason)!, cancellationToken);
            Console.Out.WriteLine($"Reopened {reopening} of {issuer.Name}'s books: a booking dated in it is dated as it is again.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Argument<string> MonthArgument() => new("month") { Description = "The month, yyyy-MM (e.g. 2026-11)." };

    private static AccountingMonth Month(string? text) =>
        AccountingMonth.TryParse(text, out var month) ? month : throw new CliException($"'{text}' is not a month in the form yyyy-MM (e.g. 2026-11).");

    private static Issuer IssuerOf(IServiceProvider services) => services.Get<IssuerDirectory>().For(services.Get<CliSettings>().Scheme);

    private static string Local(DateTimeOffset? at) =>
        at is { } value ? SwedishCalendar.LocalTime(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?";
}
