using System.CommandLine;
using Invoicing.Budgets;
using Invoicing.Cli.Output;
using Invoicing.Invoices;
using Invoicing.Reports;

namespace Invoicing.Cli.Commands;

internal static class ReportCommands
{
    public static Command Create()
    {
        var command = new Command("report", "Reports read off the ledger.");
        command.Subcommands.Add(Aging());
        return command;
    }

    private static Command Aging()
    {
        var year = CliOptions.Year();
        var asOf = new Option<string?>("--as-of") { Description = "Count days past due to this date, yyyy-MM-dd (default: today in Sweden)." };
        var output = new Option<string?>("--out") { Description = "Also write the report as an Excel file (.xlsx) here." };
        var command = new Command(
            "aging",
            "The aging report (åldersanalys): per debtor, what is due not yet due, 1–30, 31–60, 61–90 and over 90 days past due, " +
            "as the ledger says (credits, supplements, payments and refunds counted).")
        {
            year, asOf, output, CliOptions.Json,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var day = SwedishCalendar.Today(services.Get<TimeProvider>());
            if (parse.GetValue(asOf) is { } text && !IsoDate.TryParse(text, out day))
            {
                throw new CliException($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
            }

            var scheme = services.Get<CliSettings>().Scheme;
            var budgetYear = parse.GetValue(year);
            if (await services.Get<BudgetStore>().FindAsync(scheme, budgetYear, cancellationToken) is null)
            {
                throw new CliException($"There is no budget for scheme {scheme}, year {budgetYear}.");
            }

            var report = AgingReport.Of(scheme, budgetYear, await services.Get<InvoiceStore>().ListAsync(scheme, budgetYear, cancellationToken), day);
            var written = parse.GetValue(output) is { } file
                ? await ExportCommands.WriteWholeAsync(file, Web.Exports.LedgerXlsx.Aging(report), cancellationToken)
                : null;
            if (parse.GetValue(CliOptions.Json))
            {
                // The API's answer (GET /api/schemes/{scheme}/years/{year}/aging), so a script can read either.
                CliJson.Write(Web.Contracts.AgingReportView.From(report));
            }
            else
            {
                WriteTable(report, Console.Out);
            }

            if (written is not null)
            {
                // Beside --json the line goes to stderr, so that stdout stays one JSON document.
                (parse.GetValue(CliOptions.Json) ? Console.Error : Console.Out).WriteLine($"Wrote {written}: the aging report as Excel (.xlsx).");
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static void WriteTable(AgingReport report, TextWriter writer)
    {
        writer.WriteLine($"Åldersanalys {report.Scheme} {report.Year} per {SwedishFormat.Date(report.AsOf)}: dagar efter förfallodagen.");
        var table = new TextTable([("Kund", false), ("Namn", false), .. AgingBuckets.All.Select(b => (AgingBuckets.SwedishName(b), true)), ("Totalt", true)]);
        foreach (var row in report.Rows)
        {
            table.Add([row.DebtorCode.Value, row.DebtorName, .. Amounts(row.Amounts)]);
        }

        table.AddSeparator();
        table.Add([$"{report.Rows.Count} kunder", "Summa", .. Amounts(report.Totals)]);
        table.WriteTo(writer);
    }

    private static string[] Amounts(AgingAmounts amounts) =>
        [.. AgingBuckets.All.Select(b => SwedishFormat.Amount(amounts[b])), SwedishFormat.Amount(amounts.Total)];
}
