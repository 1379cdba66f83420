using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Cli.Output;

/// <summary>The budget and its allocation, as finance reads them: per pool, with sums.</summary>
internal static class AllocationPrinter
{
    public static void WriteBudget(Budget budget, TextWriter writer)
    {
        writer.WriteLine($"Budget {budget.Key}: {DisplayText.Escape(budget.SchemeName)}");
        writer.WriteLine(budget.Decision is { } decision
            ? $"Status: {budget.Status}, decided {SwedishFormat.Date(decision.DecidedOn)} ({DisplayText.Escape(decision.Reference)})"
            : $"Status: {budget.Status}");
        if (budget.Revision > 0)
        {
            writer.WriteLine($"Lines as revised: revision {budget.Revision} (decisions below)");
        }
        writer.WriteLine();
        var table = new TextTable(("Line", true), ("Kind", false), ("Text", false), ("Amount", true), ("Invoiced", false));
        foreach (var line in budget.Lines.Where(l => l is not CostLine))
        {
            table.Add(line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Kind(line), line.Text, SwedishFormat.Amount(line.Amount), line.IsInvoiced ? "yes" : "no");
        }

        table.AddSeparator();
        table.Add("", "", "Total income", SwedishFormat.Amount(budget.TotalIncome), "");
        table.Add("", "", "of which invoiced", SwedishFormat.Amount(budget.InvoicedIncome), "");
        table.AddSeparator();
        foreach (var line in budget.Lines.OfType<CostLine>())
        {
            table.Add(line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Kind(line), line.Text, SwedishFormat.Amount(line.Amount), "");
        }

        table.AddSeparator();
        table.Add("", "", "Total costs", SwedishFormat.Amount(budget.TotalCosts), "");
        table.WriteTo(writer);
    }

    /// <summary>Every revision, with its decision (a draft has none yet).</summary>
    public static void WriteRevisions(Budget budget, IReadOnlyList<BudgetRevision> revisions, TextWriter writer)
    {
        if (revisions.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"Revisions (runs invoice to revision {budget.Revision}):");
        var table = new TextTable(("Revision", true), ("Status", false), ("Decided", false), ("Reference", false), ("Recorded", false));
        foreach (var revision in revisions)
        {
            table.Add(revision.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), revision.IsApproved ? "Approved" : "Draft",
                revision.Decision is { } d ? SwedishFormat.Date(d.DecidedOn) : "", revision.Decision?.Reference ?? "",
                revision.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
        }

        table.WriteTo(writer);
    }

    public static void WriteAllocation(BudgetAllocation allocation, PartyCode? ownParty, TextWriter writer)
    {
        foreach (var pool in allocation.Pools)
        {
            writer.WriteLine();
            writer.WriteLine($"{DisplayText.Escape(pool.Line.Text)}: {SwedishFormat.Amount(pool.Line.Amount)} by population"
                + (pool.Line.Participants is PoolParticipants.WithAgreement ? $" among the parties with an agreement for {allocation.Budget.Year} ({pool.Line.Participants})" : ""));
            writer.WriteLine($"  key: population snapshot {pool.Snapshot.Id}, reference date {SwedishFormat.Date(pool.Snapshot.ReferenceDate)} ({DisplayText.Escape(pool.Snapshot.Source)}); largest remainder in units of {SwedishFormat.Amount(pool.Line.AllocationUnit)}");
            var table = new TextTable(("Code", false), ("Party", false), ("Population", true), ("Key", true), ("Amount", true));
            foreach (var share in pool.Shares)
            {
                table.Add(share.Party.Code.Value, share.Party.Name + (share.Party.Code == ownParty ? " (own share, not invoiced)" : ""),
                    SwedishFormat.Integer(share.Population), SwedishFormat.PerMille(share.KeyPerMille(pool.TotalPopulation)), SwedishFormat.Amount(share.Amount));
            }

            table.AddSeparator();
            table.Add("", "Sum", SwedishFormat.Integer(pool.TotalPopulation), SwedishFormat.PerMille(1000), SwedishFormat.Amount(pool.Total));
            table.WriteTo(writer);
        }

        if (allocation.FixedContributions.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Fixed contributions");
            var table = new TextTable(("Code", false), ("Party", false), ("Amount", true));
            foreach (var fixedLine in allocation.FixedContributions)
            {
                table.Add(fixedLine.Party.Code.Value, fixedLine.Party.Name + (fixedLine.Party.Code == ownParty ? " (own share, not invoiced)" : ""),
                    SwedishFormat.Amount(fixedLine.Line.Amount));
            }

            table.WriteTo(writer);
        }

        foreach (var warning in PopulationKeyWarnings.For(allocation))
        {
            writer.WriteLine();
            writer.WriteLine("warning: " + warning);
        }

        var plan = allocation.ToInvoicePlan(ownParty);
        writer.WriteLine();
        writer.WriteLine($"To invoice: {plan.Invoices.Count} invoices, {SwedishFormat.Amount(plan.Total)} in total.");
        foreach (var own in plan.OwnShares)
        {
            writer.WriteLine($"Own share, not invoiced: {own.Debtor.Code} {DisplayText.Escape(own.Debtor.Name)}, {SwedishFormat.Amount(own.Net)}.");
        }
    }

    private static string Kind(BudgetLine line) => line switch
    {
        PopulationPoolLine => "pool by population",
        FixedContributionLine => "fixed",
        RecordedIncomeLine => "recorded",
        CostLine => "cost",
        _ => line.GetType().Name,
    };
}
