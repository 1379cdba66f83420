using System.CommandLine;
using System.Globalization;
using Invoicing.Audit;
using Invoicing.Cli.Output;

namespace Invoicing.Cli.Commands;

/// <summary><c>./invoicing audit</c>: who changed what, when and from where; <c>audit verify</c> recomputes the chain; <c>audit seal</c> seals past days.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var year = CliOptions.Year(required: false);
        var invoice = new Option<string?>("--invoice") { Description = "Only the events of this invoice or credit note (nine digits)." };
        var command = new Command("audit", "The audit trail: every change, who made it, when, what and from where (Swedish time).")
        {
            year, invoice, CliOptions.Json,
        };
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Seal());
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var number = parse.GetValue(invoice) is { } text
                ? InvoiceNumber.TryParse(text, out var parsed) ? parsed : throw new CliException($"--invoice '{text}' is not an invoice number (nine digits, e.g. 202600014).")
                : (InvoiceNumber?)null;
            var query = new AuditQuery
            {
                Year = parse.GetResult(year) is null ? null : parse.GetValue(year),
                Invoice = number,
                Scheme = parse.GetValue(CliOptions.Scheme) is { } scheme ? new SchemeId(scheme) : null,
            };
            var events = await services.Get<AuditTrail>().ListAsync(query, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(events.Select(AuditEventDto.From));
                return CliAction.Ok;
            }

            var table = new TextTable(("#", true), ("At", false), ("Actor", false), ("Action", false), ("Scheme", false), ("Year", true), ("Invoice", false), ("Amount", true), ("Details", false));
            foreach (var e in events)
            {
                table.Add(
                    e.Sequence.ToString(CultureInfo.InvariantCulture),
                    SwedishCalendar.LocalTime(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.Actor.ToString(),
                    e.Entry.Action,
                    e.Entry.Scheme?.Value ?? "",
                    e.Entry.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                    e.Entry.Invoice?.ToString() ?? "",
                    e.Entry.Amount is { } amount ? SwedishFormat.Amount(amount) : "",
                    e.Entry.Details);
            }

            table.WriteTo(Console.Out);
            Console.Out.WriteLine(events.Count switch { 0 => "No events.", 1 => "1 event.", var n => $"{n} events." });
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        var command = new Command("verify", "Recompute the audit trail's hash chain and compare it with the sealed days; name the first event that does not hold.");
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var result = await services.Get<AuditTrail>().VerifyAsync(cancellationToken);
            if (result.FirstBroken is { } broken)
            {
                Console.Error.WriteLine($"The audit trail is broken at {broken}");
                return CliAction.Failed;
            }

            Console.Out.WriteLine($"The audit trail holds: {result.Events} events chained without a break; {result.SealedDays} sealed days agree with the table.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Seal()
    {
        var command = new Command("seal", "Seal every past day's events into the audit-seals container (the nightly timer does this too).");
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var sealedDays = await services.Get<AuditTrail>().SealAsync(cancellationToken);
            Console.Out.WriteLine(sealedDays.Count == 0
                ? "No day to seal: every past day with events is sealed already."
                : $"Sealed {sealedDays.Count} days: {string.Join(", ", sealedDays.Select(SwedishFormat.Date))}.");
            return CliAction.Ok;
        });
        return command;
    }
}
