using System.CommandLine;
using Invoicing.Accounting;
using Invoicing.Invoices;

namespace Invoicing.Cli.Commands;

internal static class ExportCommands
{
    public static Command Create()
    {
        var command = new Command("export", "Files for other systems.");
        command.Subcommands.Add(Sie());
        command.Subcommands.Add(Ledger());
        return command;
    }

    private static Command Ledger()
    {
        var year = CliOptions.Year();
        var format = new Option<string>("--format") { Description = "xlsx (Excel: numbers as numbers, dates as dates) or csv (as the API's ledger.csv).", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string>("--out") { Description = "The file to write (e.g. reskontra-2026.xlsx).", Required = true };
        var command = new Command("ledger", "A year's ledger (reskontra) as a file: one row per document with what is paid, left and owed back, as the page and the API's ledger.csv show it.")
        {
            year, format, output,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var scheme = services.Get<CliSettings>().Scheme;
            var budgetYear = parse.GetValue(year);
            if (await services.Get<Budgets.BudgetStore>().FindAsync(scheme, budgetYear, cancellationToken) is null)
            {
                throw new CliException($"There is no budget for scheme {scheme}, year {budgetYear}.");
            }

            var balances = DocumentChain.BalancesOf(await services.Get<InvoiceStore>().ListAsync(scheme, budgetYear, cancellationToken));
            var today = SwedishCalendar.Today(services.Get<TimeProvider>());
            var xlsx = parse.GetValue(format) == "xlsx";
            var path = await WriteWholeAsync(parse.GetValue(output)!, xlsx ? Web.Exports.LedgerXlsx.Ledger(balances, today) : Web.Exports.LedgerCsv.Write(balances, today), cancellationToken);
            Console.Out.WriteLine($"Wrote {path}: the ledger of {scheme} {budgetYear}, {balances.Count} documents, as {(xlsx ? "Excel (.xlsx)" : "CSV")}.");
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>Writes the file whole (through <c>FILE.part</c>) or not at all; returns its full path.</summary>
    internal static async Task<string> WriteWholeAsync(string file, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static Command Sie()
    {
        var from = new Option<string?>("--from") { Description = "First day of the period, yyyy-MM-dd (default: 1 January of --to's year)." };
        var to = new Option<string?>("--to") { Description = "Last day of the period, yyyy-MM-dd, in the same calendar year (default: 31 December of --from's year)." };
        var year = CliOptions.Year(required: false);
        year.Description = "Only the documents of this budget year (and the payments on them); alone, the period is that calendar year.";
        var output = new Option<string>("--out") { Description = "The SIE file to write (e.g. verifikationer-2027-01.si).", Required = true };
        var command = new Command(
            "sie",
            "The vouchers of a period for the accounting system to import, as an SIE 4I file: every invoice, credit note, payment and reversal dated in it, " +
            "of every budget year and scheme of the issuer of --scheme (docs/sie.md).")
        {
            from, to, year, output,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var budgetYear = parse.GetResult(year) is null ? (int?)null : parse.GetValue(year);
            var (first, last) = (Date(parse.GetValue(from), "--from"), Date(parse.GetValue(to), "--to"));
            if (first is null && last is null && budgetYear is null)
            {
                throw new CliException("export sie needs the period: --from and --to (yyyy-MM-dd, within one calendar year), or --year for a whole year.");
            }

            var period = SiePeriod.Create(first, last, budgetYear);
            var scheme = services.Get<CliSettings>().Scheme;
            var export = services.Get<SieExport>();
            var books = await export.BooksOfAsync(scheme, cancellationToken)
                ?? throw new CliException($"Scheme {scheme} has no approved budget, so no books to export (--scheme names the issuer whose books).");
            SieExportResult result;
            try
            {
                result = await export.ExportAsync(new SieSelection(books, period) { BudgetYear = budgetYear }, SwedishCalendar.Today(services.Get<TimeProvider>()), cancellationToken);
            }
            catch (SieConfigurationException e)
            {
                throw new CliException(e.Message);
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            var temporary = path + ".part";
            await File.WriteAllBytesAsync(temporary, result.Bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);

            var sie = result.File;
            var vouchers = sie.Vouchers;
            var debit = Money.Sum(vouchers.SelectMany(v => v.Rows).Where(r => r.Amount > Money.Zero).Select(r => r.Amount));
            var only = budgetYear is { } y ? $" (documents of budget year {y} only)" : "";
            Console.Out.WriteLine(
                $"Wrote {path}: SIE 4I, {SwedishFormat.Date(sie.Period.From)}–{SwedishFormat.Date(sie.Period.To)}, {sie.CompanyName}{only}: " +
                $"{Count(vouchers, VoucherKind.Invoice)} invoice, {Count(vouchers, VoucherKind.CreditNote)} credit note, {Count(vouchers, VoucherKind.Payment)} payment{Refunds(vouchers)} and {Count(vouchers, VoucherKind.Reversal)} reversal vouchers, " +
                $"{SwedishFormat.Amount(debit)} debit = credit.");
            return CliAction.Ok;
        });
        return command;
    }

    private static int Count(IReadOnlyList<Voucher> vouchers, VoucherKind kind) => vouchers.Count(v => v.Kind == kind);

    private static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : IsoDate.TryParse(text, out var date) ? date
        : throw new CliException($"{option} '{text}' is not a date in the form yyyy-MM-dd.");

    /// <summary>", N refund" when refunds were paid out in the period: the line stays as it was for a year without any.</summary>
    private static string Refunds(IReadOnlyList<Voucher> vouchers) =>
        Count(vouchers, VoucherKind.Refund) is var refunds and > 0 ? $", {refunds} refund" : "";
}
