using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Invoices;

namespace Invoicing.Cli.Commands;

internal static class InvoicesCommands
{
    public static Command Create()
    {
        var command = new Command("invoices", "List and download issued invoices.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Download());
        return command;
    }

    private static Command List()
    {
        var year = CliOptions.Year();
        var command = new Command("list", "A year's invoices with their payment status.") { year, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var invoices = await services.Get<InvoiceStore>().ListAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(invoices.Select(InvoiceOutput.From));
            }
            else
            {
                InvoiceOutput.WriteTable(invoices, Console.Out);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Download()
    {
        var year = CliOptions.Year();
        var number = new Argument<string?>("number") { Description = "Invoice number, e.g. 202600001.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every invoice of the year." };
        var output = new Option<string>("--out") { Description = "Folder to save the PDFs in.", Required = true };
        var command = new Command("download", "Save invoice PDFs (NUMBER or --all) to a folder, checked against their recorded SHA-256.") { number, year, all, output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var scheme = services.Get<CliSettings>().Scheme;
            var store = services.Get<InvoiceStore>();
            var wanted = parse.GetValue(number);
            if (wanted is null == !parse.GetValue(all))
            {
                throw new CliException("Name one invoice NUMBER or pass --all (not both).");
            }

            IReadOnlyList<Invoice> invoices;
            if (wanted is null)
            {
                invoices = await store.ListAsync(scheme, parse.GetValue(year), cancellationToken);
            }
            else
            {
                var parsed = InvoiceNumber.TryParse(wanted, out var n) ? n : throw new CliException($"'{wanted}' is not an invoice number (nine digits, e.g. 202600001).");
                invoices = [await store.FindAsync(scheme, parse.GetValue(year), parsed, cancellationToken)
                    ?? throw new CliException($"There is no invoice {wanted} for scheme {scheme}, year {parse.GetValue(year)}.")];
            }

            var archive = services.Get<InvoiceArchive>();
            foreach (var invoice in invoices)
            {
                Console.Out.WriteLine(await InvoiceFiles.SaveAsync(archive, invoice, parse.GetValue(output)!, cancellationToken));
            }

            Console.Error.WriteLine($"Saved {invoices.Count} invoice PDFs to {Path.GetFullPath(parse.GetValue(output)!)}.");
            return CliAction.Ok;
        });
        return command;
    }
}
