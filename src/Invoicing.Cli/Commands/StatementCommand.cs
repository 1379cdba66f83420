using System.CommandLine;
using Invoicing.Parties;
using Invoicing.Reminders;
using Invoicing.Reports;

namespace Invoicing.Cli.Commands;

internal static class StatementCommand
{
    public static Command Create()
    {
        var party = new Argument<string>("party") { Description = "The party's code, e.g. 1980." };
        var year = CliOptions.Year();
        var asOf = new Option<string?>("--as-of") { Description = "The statement's day, yyyy-MM-dd: entries dated after it are left out (default: today in Sweden)." };
        var output = new Option<string?>("--out") { Description = "The folder to write kontoutdrag-{scheme}-{year}-{party}.pdf (or .xlsx) to (required unless --send)." };
        var format = new Option<string>("--format") { Description = "pdf (default) or xlsx.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "xlsx");
        var send = new Option<bool>("--send")
        {
            Description = "Queue the statement's PDF in an e-mail to the party's invoice address (parties.csv invoice_email), once per scheme, year, party and day.",
        };
        var command = new Command(
            "statement",
            "A party's statement (kontoutdrag) of a scheme's year: every invoice, supplementary invoice, credit note, payment, reversal, refund and reminder " +
            "with the running balance, and what is to pay or to be paid back, as a Swedish A4 PDF or an Excel file, or e-mailed to the party through the outbox.")
        {
            party, year, asOf, output, format, send,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var code = ParseParty(parse.GetValue(party)!);
            var day = SwedishCalendar.Today(services.Get<TimeProvider>());
            if (parse.GetValue(asOf) is { } text && !IsoDate.TryParse(text, out day))
            {
                throw new CliException($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
            }

            var directory = parse.GetValue(output);
            var sending = parse.GetValue(send);
            if (directory is null && !sending)
            {
                throw new CliException("statement needs --out FOLDER, --send, or both.");
            }

            var scheme = services.Get<CliSettings>().Scheme;
            StatementDocument document;
            try
            {
                if (sending)
                {
                    var sent = await services.Get<StatementMail>().SendAsync(scheme, parse.GetValue(year), code, day, cancellationToken);
                    Console.Out.WriteLine(sent.QueuedNow
                        ? $"Queued {sent.MessageId} to {DisplayText.Escape(sent.To)} with {sent.Document.FileName()} ({Closing(sent.Document.Statement)}); `invoicing mail send` delivers it."
                        : $"{sent.MessageId} was queued earlier; nothing was queued now (see `invoicing mail outbox`).");
                    document = sent.Document;
                }
                else
                {
                    document = await services.Get<Statements>().FindAsync(scheme, parse.GetValue(year), code, day, cancellationToken);
                }
            }
            catch (Exception e) when (e is StatementUnavailableException or StatementAddressMissingException)
            {
                throw new CliException(e.Message);
            }

            if (directory is null)
            {
                return CliAction.Ok;
            }

            var xlsx = parse.GetValue(format) == "xlsx";
            Directory.CreateDirectory(directory);
            var bytes = xlsx ? Web.Exports.LedgerXlsx.Statement(document.Statement) : services.Get<StatementPdfRenderer>().Render(document);
            var path = await ExportCommands.WriteWholeAsync(Path.Combine(directory, document.FileName(xlsx ? "xlsx" : "pdf")), bytes, cancellationToken);
            var statement = document.Statement;
            Console.Out.WriteLine($"Wrote {path}: the statement of {statement.Party} {DisplayText.Escape(statement.PartyName)} in {scheme} {statement.Year} as of {SwedishFormat.Date(statement.AsOf)}, {Output.Counted.Of(statement.Entries.Count, "entry", "entries")}, {Closing(statement)}.");
            return CliAction.Ok;
        });
        return command;
    }

    private static string Closing(Statement statement) => statement.Closing < Money.Zero
        ? $"to be paid back {SwedishFormat.Amount(statement.RefundOwed)}"
        : $"to pay {SwedishFormat.Amount(statement.Due)}";

    private static PartyCode ParseParty(string text)
    {
        try
        {
            return new PartyCode(text);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}
