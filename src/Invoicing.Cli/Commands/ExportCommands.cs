using System.CommandLine;
using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Cli.Commands;

internal static class ExportCommands
{
    public static Command Create()
    {
        var command = new Command("export", "Files for other systems.");
        command.Subcommands.Add(Sie());
        return command;
    }

    private static Command Sie()
    {
        var year = CliOptions.Year();
        var from = new Option<string?>("--from") { Description = "First date of the period, yyyy-MM-dd (default: 1 January of the year)." };
        var to = new Option<string?>("--to") { Description = "Last date of the period, yyyy-MM-dd (default: 31 December of the year)." };
        var output = new Option<string>("--out") { Description = "The SIE file to write (e.g. fakturor-2026.se).", Required = true };
        var command = new Command("sie", "The year's invoices, credit notes, payments and reversals as SIE 4 vouchers for the accounting system (docs/sie.md).") { year, from, to, output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var scheme = services.Get<CliSettings>().Scheme;
            var budgetYear = parse.GetValue(year);
            await services.Get<BudgetStore>().GetAsync(scheme, budgetYear, cancellationToken);
            SieExportResult result;
            try
            {
                result = await services.Get<SieExport>().ExportAsync(
                    scheme, budgetYear, Date(parse.GetValue(from), "--from"), Date(parse.GetValue(to), "--to"),
                    SwedishCalendar.Today(services.Get<TimeProvider>()), cancellationToken);
            }
            catch (Exception e) when (e is SieConfigurationException or ArgumentException)
            {
                throw new CliException(e.Message);
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            var temporary = path + ".part";
            await File.WriteAllBytesAsync(temporary, result.Bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);

            var vouchers = result.File.Vouchers;
            var debit = Money.Sum(vouchers.SelectMany(v => v.Rows).Where(r => r.Amount > Money.Zero).Select(r => r.Amount));
            Console.Out.WriteLine(
                $"Wrote {path}: SIE 4E, {SwedishFormat.Date(result.From)}–{SwedishFormat.Date(result.To)}, " +
                $"{Count(vouchers, VoucherKind.Invoice)} invoice, {Count(vouchers, VoucherKind.CreditNote)} credit note, {Count(vouchers, VoucherKind.Payment)} payment{Refunds(vouchers)} and {Count(vouchers, VoucherKind.Reversal)} reversal vouchers, " +
                $"{SwedishFormat.Amount(debit)} debit = credit.");
            if (result.OutsidePeriod > 0)
            {
                Console.Out.WriteLine($"{result.OutsidePeriod} documents of budget year {budgetYear} are dated outside the period and were left out.");
            }

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
