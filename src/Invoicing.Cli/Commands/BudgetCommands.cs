using System.CommandLine;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Cli.Output;
using Invoicing.Dataset;
using Invoicing.Planning;

namespace Invoicing.Cli.Commands;

internal static class BudgetCommands
{
    public static Command Create()
    {
        var command = new Command("budget", "Show, approve and revise budgets.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Prepare());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Revise());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command Show()
    {
        var year = CliOptions.Year();
        var command = new Command("show", "The budget's lines, every revision with its decision, and how its pools are allocated.") { year, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var budget = await services.Get<BudgetStore>().GetAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            var planner = services.Get<InvoicePlanner>();
            var allocation = await planner.AllocateCurrentAsync(budget, cancellationToken);
            // A revised budget is shown with the lines of the revision runs invoice to.
            var shown = budget.Revision == 0 ? budget : budget with { Lines = allocation.Budget.Lines };
            var ownParty = planner.OwnParty(allocation.Budget.Scheme);
            var previous = await services.Get<BudgetStore>().FindAsync(budget.Scheme, budget.Year - 1, cancellationToken) is { } before
                ? YearComparison.Compare(planner.Plan(await planner.AllocateCurrentAsync(before, cancellationToken)), planner.Plan(allocation))
                : null;
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(BudgetShowOutput.From(shown, allocation, ownParty, previous));
                return CliAction.Ok;
            }

            AllocationPrinter.WriteBudget(shown, Console.Out);
            AllocationPrinter.WriteRevisions(budget, await services.Get<BudgetStore>().ListRevisionsAsync(budget.Scheme, budget.Year, cancellationToken), Console.Out);
            AllocationPrinter.WriteAllocation(allocation, ownParty, Console.Out);
            if (previous is not null)
            {
                AllocationPrinter.WriteComparison(previous, Console.Out);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Prepare()
    {
        var year = CliOptions.Year();
        var from = new Option<int>("--from") { Description = "The year whose budget the new one starts from, e.g. 2026.", Required = true };
        var population = new Option<string?>("--population") { Description = "Population snapshot every population line of the new year is split by, e.g. scb-2025 (population import). Default: each line keeps its own." };
        var command = new Command("prepare", "Record a draft budget for a new year from a year's budget: the same lines and parties, amounts as that year unless a line's amounts name the new year's.") { year, from, population };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            if (parse.GetValue(from) is var fromYear && (fromYear < 2000 || fromYear >= parse.GetValue(year)))
            {
                throw new CliException($"--from {fromYear} is not a year before --year {parse.GetValue(year)}.");
            }

            var settings = services.Get<CliSettings>();
            var scheme = settings.Scheme;
            var draft = await services.Get<BudgetPreparation>().PrepareAsync(scheme, parse.GetValue(year), parse.GetValue(from), parse.GetValue(population), cancellationToken);
            var snapshots = draft.Lines.OfType<SharedLine>().Select(l => l.PopulationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            Console.Out.WriteLine($"Prepared draft budget {draft.Key} from {parse.GetValue(from)}: {draft.Lines.Count} lines, {SwedishFormat.Amount(draft.TotalIncome)} income, {SwedishFormat.Amount(draft.TotalCosts)} costs" +
                (snapshots.Length > 0 ? $", population {string.Join(", ", snapshots)}" : "") +
                $". Compare it with budget show{settings.SchemeOption} --year {draft.Year}; approve it with budget approve{settings.SchemeOption} --year {draft.Year} --decided-on DATE --reference REF.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Approve()
    {
        var year = CliOptions.Year();
        var decidedOn = new Option<string>("--decided-on") { Description = "Date of the budget meeting's decision, yyyy-MM-dd.", Required = true };
        var reference = new Option<string>("--reference") { Description = "The decision's reference (minutes, paragraph).", Required = true };
        var command = new Command("approve", "Record the budget meeting's approval of a draft budget, or of its pending revision; the next run invoices it.") { year, decidedOn, reference };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            if (!IsoDate.TryParse(parse.GetValue(decidedOn), out var date))
            {
                throw new CliException($"--decided-on '{parse.GetValue(decidedOn)}' is not a date in the form yyyy-MM-dd.");
            }

            var decision = new BudgetDecision(date, parse.GetValue(reference) ?? "");
            var scheme = services.Get<CliSettings>().Scheme;
            var budget = await services.Get<BudgetStore>().GetAsync(scheme, parse.GetValue(year), cancellationToken);
            if (budget.Status == BudgetStatus.Approved)
            {
                var revision = await services.Get<BudgetRevisions>().ApproveAsync(scheme, budget.Year, decision, cancellationToken);
                Console.Out.WriteLine($"Revision {revision.Number} of budget {budget.Key} approved, decided {SwedishFormat.Date(date)} ({DisplayText.Escape(decision.Reference)}). The next run issues its credit notes and invoices.");
                return CliAction.Ok;
            }

            var approved = await services.Get<BudgetApproval>().ApproveAsync(scheme, budget.Year, decision, cancellationToken);
            Console.Out.WriteLine($"Budget {approved.Key} approved, decided {SwedishFormat.Date(date)} ({DisplayText.Escape(decision.Reference)}). The next run invoices it.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Revise()
    {
        var year = CliOptions.Year();
        var data = new Option<string>("--data") { Description = "Dataset folder with the changed budget, parties and populations.", Required = true };
        var command = new Command("revise", "Record a draft revision of an approved budget from a changed dataset; review it with budget diff, then approve it.") { year, data };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var settings = services.Get<CliSettings>();
            var scheme = settings.Scheme;
            var revision = await services.Get<BudgetRevisions>().ReviseAsync(scheme, parse.GetValue(year), DatasetFiles.Read(parse.GetValue(data)!), cancellationToken);
            Console.Out.WriteLine($"Recorded draft revision {revision.Number} of budget {scheme} {revision.Year}. " +
                $"See what it changes with: budget diff{settings.SchemeOption} --year {revision.Year}; approve it with: budget approve{settings.SchemeOption} --year {revision.Year} --decided-on DATE --reference REF.");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var year = CliOptions.Year();
        var command = new Command("diff", "Per party: invoiced so far, the pending revision's share, the difference and the document it will cause.") { year, CliOptions.Json };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var (revision, changes) = await services.Get<BudgetRevisions>().DiffAsync(services.Get<CliSettings>().Scheme, parse.GetValue(year), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliJson.Write(changes.Select(RevisionDiffOutput.From));
            }
            else
            {
                RevisionDiffOutput.WriteTable(revision, changes, Console.Out);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Report()
    {
        var year = CliOptions.Year();
        var revisionOption = new Option<int?>("--revision") { Description = "The appendix of budget revision N (draft or approved), with the change per party." };
        var output = new Option<string>("--out") { Description = "The PDF to write, e.g. bilaga1-2026.pdf.", Required = true };
        var command = new Command("report", "The budget meeting's appendix (BILAGA 1) as an A4 PDF in Swedish: income, costs, each pool's split with its population source, fixed contributions; for a revision also the change per party.") { year, revisionOption, output };
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var scheme = services.Get<CliSettings>().Scheme;
            var budget = await services.Get<BudgetStore>().GetAsync(scheme, parse.GetValue(year), cancellationToken);
            var today = Invoicing.SwedishCalendar.Today(services.Get<TimeProvider>());
            Documents.BudgetReport.BudgetReportDocument document;
            if (parse.GetValue(revisionOption) is { } number)
            {
                var changes = await services.Get<BudgetRevisions>().ChangesAsync(scheme, budget.Year, number, cancellationToken);
                document = Documents.BudgetReport.BudgetReportDocument.ForRevision(changes, today);
            }
            else
            {
                var planner = services.Get<InvoicePlanner>();
                var allocation = await planner.AllocateAsync(budget, cancellationToken);
                document = Documents.BudgetReport.BudgetReportDocument.From(allocation, today);
                if (await services.Get<BudgetStore>().FindAsync(scheme, budget.Year - 1, cancellationToken) is { } before)
                {
                    document = document with { PreviousYear = YearComparison.Compare(planner.Plan(await planner.AllocateCurrentAsync(before, cancellationToken)), planner.Plan(allocation)) };
                }
            }

            var pdf = services.Get<Documents.BudgetReport.BudgetReportRenderer>().Render(document);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            await File.WriteAllBytesAsync(path + ".part", pdf, cancellationToken);
            File.Move(path + ".part", path, overwrite: true);
            var which = document.Revision is { } revision ? $"budget {budget.Key} revision {revision}" : $"budget {budget.Key}";
            var changed = document.Revision is null ? "" : $", {document.Changes.Count(c => c.Document is not null)} parties changed";
            Console.Out.WriteLine($"Wrote {path}: appendix of {which} ({(document.IsDraft ? "UTKAST" : "beslutad " + SwedishFormat.Date(document.PreparedOn))}), {document.Pools.Count} pools, {SwedishFormat.Amount(document.TotalIncome)} income, {SwedishFormat.Amount(document.TotalCosts)} costs{changed}.");
            foreach (var warning in document.Warnings)
            {
                Console.Out.WriteLine("warning: " + warning);
            }

            return CliAction.Ok;
        });
        return command;
    }
}
