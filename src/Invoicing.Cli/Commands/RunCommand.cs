using System.CommandLine;
using Invoicing.Invoices;
using Invoicing.Issuing;

namespace Invoicing.Cli.Commands;

internal static class RunCommand
{
    public const int PartlyFailed = 3;

    public static Command Create()
    {
        var year = CliOptions.Year(required: false);
        var command = new Command("run", "The annual run the timer does: issue every approved budget's invoices (idempotent).") { year };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var summary = await services.Get<AnnualInvoicingRun>().RunAsync(parse.GetResult(year) is null ? null : parse.GetValue(year), cancellationToken);
            Write(summary, Console.Out);
            return summary.Succeeded ? CliAction.Ok : PartlyFailed;
        });
        return command;
    }

    public static void Write(AnnualRunSummary summary, TextWriter writer)
    {
        if (summary.Budgets.Count == 0)
        {
            writer.WriteLine("No approved budget is waiting to be invoiced; nothing was created.");
            return;
        }

        foreach (var budget in summary.Budgets)
        {
            if (budget.Error is not null)
            {
                writer.WriteLine($"Budget {budget.Scheme} {budget.Year}: NOT invoiced. {DisplayText.Escape(budget.Error)}");
                continue;
            }

            writer.WriteLine(budget.Revision == 0
                ? $"Budget {budget.Scheme} {budget.Year}: {budget.Planned} invoices; {budget.Created} created, {budget.Existing} already existed, {budget.Failed} failed."
                : $"Budget {budget.Scheme} {budget.Year}, revision {budget.Revision}: {budget.Planned} documents (credit notes and invoices); {budget.Created} created, {budget.Existing} already existed, {budget.Failed} failed.");
            foreach (var failure in budget.Failures)
            {
                writer.WriteLine($"  failed: {DisplayText.Escape(failure)}");
            }
        }

        writer.WriteLine(summary.Created == 0 && summary.Failed == 0 && summary.Budgets.All(b => b.Error is null)
            ? "Nothing new was created: every invoice already existed."
            : $"Created {summary.Created}, already existing {summary.Existing}, failed {summary.Failed}.");
    }
}
