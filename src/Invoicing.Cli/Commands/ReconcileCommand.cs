using System.CommandLine;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Cli.Output;
using Invoicing.Planning;
using Invoicing.Reconciliation;

namespace Invoicing.Cli.Commands;

internal static class ReconcileCommand
{
    public const int Differs = 4;

    public static Command Create()
    {
        var year = CliOptions.Year();
        var reference = new Option<string>("--reference") { Description = "CSV with a header: a 'code' or 'name' column and an 'amount' column (kronor); ',' or ';'.", Required = true };
        var command = new Command("reconcile", "Compare the computed allocation with a reference table (e.g. last year's spreadsheet). Exit code 4 when they differ.")
        {
            year, reference, CliOptions.Json,
        };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var table = ReferenceTable.Read(parse.GetValue(reference)!);
            var budget = await services.Get<BudgetStore>().GetAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            var plan = (await services.Get<InvoicePlanner>().AllocateAsync(budget, cancellationToken)).ToInvoicePlan();
            var report = Reconciler.Compare(plan, table);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(ToJson(budget, report));
            }
            else
            {
                Write(budget, report, Console.Out);
            }

            return report.Agrees ? CliAction.Ok : Differs;
        });
        return command;
    }

    private static void Write(Budget budget, ReconciliationReport report, TextWriter writer)
    {
        writer.WriteLine($"Reconciling budget {budget.Key} with {DisplayText.Escape(report.Source)}: {report.Lines.Count} parties matched.");
        var differences = report.Differences.ToArray();
        if (differences.Length == 0)
        {
            writer.WriteLine("No differences: every matched party's computed amount equals the reference.");
        }
        else
        {
            var table = new TextTable(("Code", false), ("Party", false), ("Computed", true), ("Reference", true), ("Difference", true));
            foreach (var line in differences)
            {
                table.Add(line.Party.Value, line.Name, SwedishFormat.Amount(line.Computed), SwedishFormat.Amount(line.Reference!.Value), SwedishFormat.Amount(line.Difference));
            }

            table.WriteTo(writer);
            writer.WriteLine($"{differences.Length} differences; they sum to {SwedishFormat.Amount(Money.Sum(differences.Select(d => d.Difference)))}.");
        }

        foreach (var row in report.UnmatchedReferenceRows)
        {
            writer.WriteLine($"Reference row {row.LineNumber} ({DisplayText.Escape(row.Label)}, {SwedishFormat.Amount(row.Amount)}) matches no invoiced party.");
        }

        foreach (var line in report.NotInReference)
        {
            writer.WriteLine($"Not in the reference: {line.Party} {DisplayText.Escape(line.Name)}, computed {SwedishFormat.Amount(line.Computed)}.");
        }
    }

    private static object ToJson(Budget budget, ReconciliationReport report) => new
    {
        scheme = budget.Scheme.Value,
        year = budget.Year,
        reference = report.Source,
        agrees = report.Agrees,
        differences = report.Differences.Select(Line),
        matched = report.Lines.Select(Line),
        unmatchedReferenceRows = report.UnmatchedReferenceRows.Select(r => new { row = r.LineNumber, code = r.Code, name = r.Name, amount = r.Amount.ToKronorDecimal() }),
        notInReference = report.NotInReference.Select(l => new { party = l.Party.Value, name = l.Name, computed = l.Computed.ToKronorDecimal() }),
    };

    private static object Line(ReconciliationLine line) => new
    {
        party = line.Party.Value,
        name = line.Name,
        computed = line.Computed.ToKronorDecimal(),
        reference = line.Reference?.ToKronorDecimal(),
        difference = line.Difference.ToKronorDecimal(),
    };
}
