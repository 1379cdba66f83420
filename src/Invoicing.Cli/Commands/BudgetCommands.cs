using System.CommandLine;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Cli.Output;

namespace Invoicing.Cli.Commands;

internal static class BudgetCommands
{
    public static Command Create()
    {
        var command = new Command("budget", "Show and approve budgets.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command Show()
    {
        var year = CliOptions.Year();
        var command = new Command("show", "The budget's lines and how its pools are allocated.") { year };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var budget = await services.Get<BudgetStore>().GetAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            AllocationPrinter.WriteBudget(budget, Console.Out);
            AllocationPrinter.WriteAllocation(await services.Get<InvoicePlanner>().AllocateAsync(budget, cancellationToken), Console.Out);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Approve()
    {
        var year = CliOptions.Year();
        var decidedOn = new Option<string>("--decided-on") { Description = "Date of the budget meeting's decision, yyyy-MM-dd.", Required = true };
        var reference = new Option<string>("--reference") { Description = "The decision's reference (minutes, paragraph).", Required = true };
        var command = new Command("approve", "Record the budget meeting's approval; the next run invoices the budget.") { year, decidedOn, reference };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            if (!IsoDate.TryParse(parse.GetValue(decidedOn), out var date))
            {
                throw new CliException($"--decided-on '{parse.GetValue(decidedOn)}' is not a date in the form yyyy-MM-dd.");
            }

            var decision = new BudgetDecision(date, parse.GetValue(reference) ?? "");
            var approved = await services.Get<BudgetApproval>().ApproveAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), decision, cancellationToken);
            Console.Out.WriteLine($"Budget {approved.Key} approved, decided {SwedishFormat.Date(date)} ({decision.Reference}). The next run invoices it.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Report()
    {
        var year = CliOptions.Year();
        var output = new Option<string>("--out") { Description = "The PDF to write, e.g. bilaga1-2026.pdf.", Required = true };
        var command = new Command("report", "The budget meeting's appendix (BILAGA 1) as an A4 PDF in Swedish: income, costs, each pool's split with its population source, fixed contributions.") { year, output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var budget = await services.Get<BudgetStore>().GetAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            var allocation = await services.Get<InvoicePlanner>().AllocateAsync(budget, cancellationToken);
            var document = Documents.BudgetReport.BudgetReportDocument.From(allocation, Invoices.SwedishCalendar.Today(services.Get<TimeProvider>()));
            var pdf = services.Get<Documents.BudgetReport.BudgetReportRenderer>().Render(document);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            await File.WriteAllBytesAsync(path + ".part", pdf, cancellationToken);
            File.Move(path + ".part", path, overwrite: true);
            Console.Out.WriteLine($"Wrote {path}: appendix of budget {budget.Key} ({(document.IsDraft ? "UTKAST" : "beslutad " + SwedishFormat.Date(document.PreparedOn))}), {allocation.Pools.Count} pools, {SwedishFormat.Amount(document.TotalIncome)} income, {SwedishFormat.Amount(document.TotalCosts)} costs.");
            foreach (var warning in document.Warnings)
            {
                Console.Out.WriteLine("warning: " + warning);
            }

            return CliAction.Ok;
        });
        return command;
    }
}
