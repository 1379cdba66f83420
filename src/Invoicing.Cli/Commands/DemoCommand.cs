using System.CommandLine;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Cli.Output;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Planning;

namespace Invoicing.Cli.Commands;

/// <summary>
/// The whole job on the bundled data: seed, approve as the budget meeting did, run, show, and copy the
/// PDFs out. A second demo creates nothing and says so.
/// </summary>
internal static class DemoCommand
{
    private static readonly DateOnly DecidedOn = new(2025, 12, 15);

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to copy the invoice PDFs.", DefaultValueFactory = _ => Path.Combine("out", "invoices") };
        var command = new Command("demo", "Seed the bundled Region Mitt 2026 data, approve it (decided 2025-12-15), run the annual invoicing and copy the PDFs out.") { output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var writer = Console.Out;
            var dataset = DatasetLoader.Load(SeedCommand.BundledDataset);
            var budget = dataset.Budget;
            await SeedCommand.SeedAsync(services, dataset, writer, cancellationToken);

            var stored = await services.Get<BudgetStore>().GetAsync(budget.Scheme, budget.Year, cancellationToken);
            if (stored.Status == BudgetStatus.Draft)
            {
                stored = await services.Get<BudgetApproval>().ApproveAsync(
                    budget.Scheme, budget.Year, new BudgetDecision(DecidedOn, "Samverkansforum PoM, budgetmöte 2025-12-15"), cancellationToken);
                await writer.WriteLineAsync($"Approved budget {stored.Key} as decided on {SwedishFormat.Date(DecidedOn)}.");
            }

            await writer.WriteLineAsync();
            var summary = await services.Get<AnnualInvoicingRun>().RunAsync(budget.Year, cancellationToken);
            if (summary.Budgets.Count == 0 && await services.Get<BudgetStore>().GetInvoicingCompletedAtAsync(budget.Scheme, budget.Year, cancellationToken) is { } completedAt)
            {
                await writer.WriteLineAsync(
                    $"Budget {budget.Key} was already fully invoiced ({completedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): nothing was created this time.");
            }
            else
            {
                RunCommand.Write(summary, writer);
            }

            await writer.WriteLineAsync();
            var planner = services.Get<InvoicePlanner>();
            AllocationPrinter.WriteAllocation(await planner.AllocateCurrentAsync(stored, cancellationToken), planner.OwnParty(stored.Scheme), writer);

            var invoices = await services.Get<InvoiceStore>().ListAsync(budget.Scheme, budget.Year, cancellationToken);
            await writer.WriteLineAsync();
            InvoiceOutput.WriteTable(DocumentChain.BalancesOf(invoices), writer);

            var directory = parse.GetValue(output)!;
            var archive = services.Get<InvoiceArchive>();
            foreach (var invoice in invoices)
            {
                await InvoiceFiles.SaveAsync(archive, invoice, directory, cancellationToken);
            }

            await writer.WriteLineAsync();
            await writer.WriteLineAsync($"Copied {invoices.Count} invoice PDFs to {Path.GetFullPath(directory)}.");
            return summary.Succeeded ? CliAction.Ok : RunCommand.PartlyFailed;
        });
        return command;
    }
}
