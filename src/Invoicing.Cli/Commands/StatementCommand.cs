using System.CommandLine;
using Invoicing.Parties;
using Invoicing.Reports;

namespace Invoicing.Cli.Commands;

internal static class StatementCommand
{
    public static Command Create()
    {
        var party = new Argument<string>("party") { Description = "The party's code, e.g. 1980." };
        var year = CliOptions.Year();
        var asOf = new Option<string?>("--as-of") { Description = "The statement's day, yyyy-MM-dd: entries dated after it are left out (default: today in Sweden)." };
        var output = new Option<string>("--out") { Description = "The folder to write kontoutdrag-{scheme}-{year}-{party}.pdf (or .xlsx) to.", Required = true };
        var format = new Option<string>("--format") { Description = "pdf (default) or xlsx.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "xlsx");
        var command = new Command(
            "statement",
            "A party's statement (kontoutdrag) of a scheme's year: every invoice, supplementary invoice, credit note, payment, reversal, refund and reminder " +
            "with the running balance, and what is to pay or to be paid back, as a Swedish A4 PDF or an Excel file.")
        {
            party, year, asOf, output, format,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var code = ParseParty(parse.GetValue(party)!);
            var day = SwedishCalendar.Today(services.Get<TimeProvider>());
            if (parse.GetValue(asOf) is { } text && !IsoDate.TryParse(text, out day))
            {
                throw new CliException($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
            }

            var scheme = services.Get<CliSettings>().Scheme;
            StatementDocument document;
            try
            {
                document = await services.Get<Statements>().FindAsync(scheme, parse.GetValue(year), code, day, cancellationToken);
            }
            catch (StatementUnavailableException e)
            {
                throw new CliException(e.Message);
            }

            var xlsx = parse.GetValue(format) == "xlsx";
            var directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var bytes = xlsx ? Web.Exports.LedgerXlsx.Statement(document.Statement) : services.Get<StatementPdfRenderer>().Render(document);
            var path = await ExportCommands.WriteWholeAsync(Path.Combine(directory, document.FileName(xlsx ? "xlsx" : "pdf")), bytes, cancellationToken);
            var statement = document.Statement;
            var closing = statement.Closing < Money.Zero
                ? $"to be paid back {SwedishFormat.Amount(statement.RefundOwed)}"
                : $"to pay {SwedishFormat.Amount(statement.Due)}";
            Console.Out.WriteLine($"Wrote {path}: the statement of {statement.Party} {DisplayText.Escape(statement.PartyName)} in {scheme} {statement.Year} as of {SwedishFormat.Date(statement.AsOf)}, {Output.Counted.Of(statement.Entries.Count, "entry", "entries")}, {closing}.");
            return CliAction.Ok;
        });
        return command;
    }

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
