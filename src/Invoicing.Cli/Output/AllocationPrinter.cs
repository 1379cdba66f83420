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
            WritePool(pool, allocation.Budget.Year, ownParty, writer);
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

    /// <summary>Each party's share beside the year before's, with the change.</summary>
    public static void WriteComparison(YearComparison comparison, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"Compared with {comparison.PreviousYear} (each party's share, every line together)");
        var previous = comparison.PreviousYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var current = comparison.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new TextTable(("Code", false), ("Party", false), (previous, true), (current, true), ("Change", true));
        foreach (var party in comparison.Parties)
        {
            table.Add(party.Party.Code.Value, party.Party.Name, SwedishFormat.Amount(party.Previous), SwedishFormat.Amount(party.Current), SwedishFormat.Amount(party.Change));
        }

        table.AddSeparator();
        table.Add("", "Sum", SwedishFormat.Amount(comparison.PreviousTotal), SwedishFormat.Amount(comparison.Total), SwedishFormat.Amount(comparison.Total - comparison.PreviousTotal));
        table.WriteTo(writer);
    }

    /// <summary>A shared line: what its key is, then each participant's share with the figures it comes from.</summary>
    private static void WritePool(PoolAllocation pool, int year, PartyCode? ownParty, TextWriter writer)
    {
        var among = pool.Line.Participants is PoolParticipants.WithAgreement ? $" among the parties with an agreement for {year} ({pool.Line.Participants})" : "";
        var snapshot = pool.Snapshot is { } s ? $"population snapshot {s.Id}, reference date {SwedishFormat.Date(s.ReferenceDate)} ({DisplayText.Escape(s.Source)})" : "";
        string Name(PoolShare share) => share.Party.Name + (share.Party.Code == ownParty ? " (own share, not invoiced)" : "");
        TextTable table;
        switch (pool.Line)
        {
            case PerCapitaLine perCapita:
                writer.WriteLine($"{DisplayText.Escape(pool.Line.Text)}: {SwedishFormat.Amount(pool.Total)} per capita at {Rates(perCapita.Rates)} per inhabitant{among}");
                writer.WriteLine($"  key: {snapshot}; each share is rate × population rounded half up to whole kronor");
                table = new TextTable(("Code", false), ("Party", false), ("Population", true), ("Rate", true), ("Amount", true));
                foreach (var share in pool.Shares)
                {
                    table.Add(share.Party.Code.Value, Name(share), SwedishFormat.Integer(share.Population), SwedishFormat.Amount(share.Rate ?? Money.Zero), SwedishFormat.Amount(share.Amount));
                }

                table.AddSeparator();
                // Populations of different kinds overlap (a region's inhabitants are its municipalities'): summed only under one rate.
                table.Add("", "Sum", perCapita.Rates.All is null ? "" : SwedishFormat.Integer(pool.TotalPopulation), "", SwedishFormat.Amount(pool.Total));
                break;
            case EqualSplitLine:
                writer.WriteLine($"{DisplayText.Escape(pool.Line.Text)}: {SwedishFormat.Amount(pool.Line.Amount)} in equal shares among {pool.Shares.Count} parties{among}");
                writer.WriteLine("  key: equal whole-krona shares; the kronor left over one each in party-code order");
                table = new TextTable(("Code", false), ("Party", false), ("Amount", true));
                foreach (var share in pool.Shares)
                {
                    table.Add(share.Party.Code.Value, Name(share), SwedishFormat.Amount(share.Amount));
                }

                table.AddSeparator();
                table.Add("", "Sum", SwedishFormat.Amount(pool.Total));
                break;
            default:
                var line = (PopulationPoolLine)pool.Line;
                writer.WriteLine($"{DisplayText.Escape(pool.Line.Text)}: {SwedishFormat.Amount(pool.Line.Amount)} by population{among}");
                writer.WriteLine($"  key: {snapshot}; largest remainder in units of {SwedishFormat.Amount(line.AllocationUnit)}");
                if (line.HasTerms)
                {
                    writer.WriteLine("  terms: " + string.Join(", ", new[]
                    {
                        line.BaseFee is { } fee ? $"base fee {SwedishFormat.Amount(fee)} each, the rest by population" : null,
                        line.Cap is { } cap ? $"cap {SwedishFormat.Amount(cap)}" : null,
                        line.Floor is { } floor ? $"floor {SwedishFormat.Amount(floor)}" : null,
                    }.OfType<string>()) + (line.Cap is not null || line.Floor is not null ? " (a share beyond them pays the bound; the rest is split again among the others)" : ""));
                }

                table = line.HasTerms
                    ? new TextTable(("Code", false), ("Party", false), ("Population", true), ("Key", true), ("Base fee", true), ("Bound", false), ("Amount", true))
                    : new TextTable(("Code", false), ("Party", false), ("Population", true), ("Key", true), ("Amount", true));
                foreach (var share in pool.Shares)
                {
                    var cells = new List<string> { share.Party.Code.Value, Name(share), SwedishFormat.Integer(share.Population), SwedishFormat.PerMille(share.KeyPerMille(pool.TotalPopulation)) };
                    if (line.HasTerms)
                    {
                        cells.Add(share.BaseFee is { } fee ? SwedishFormat.Amount(fee) : "");
                        cells.Add(share.Bound switch { PoolSplit.Bound.Cap => "cap", PoolSplit.Bound.Floor => "floor", _ => "" });
                    }

                    cells.Add(SwedishFormat.Amount(share.Amount));
                    table.Add([.. cells]);
                }

                table.AddSeparator();
                table.Add(line.HasTerms
                    ? ["", "Sum", SwedishFormat.Integer(pool.TotalPopulation), SwedishFormat.PerMille(1000), "", "", SwedishFormat.Amount(pool.Total)]
                    : ["", "Sum", SwedishFormat.Integer(pool.TotalPopulation), SwedishFormat.PerMille(1000), SwedishFormat.Amount(pool.Total)]);
                break;
        }

        table.WriteTo(writer);
    }

    private static string Rates(PerCapitaRates rates) => rates.All is { } all
        ? SwedishFormat.Amount(all)
        : string.Join(", ", rates.ByKind.OrderBy(r => r.Key).Select(r => $"{SwedishFormat.Amount(r.Value)} ({r.Key})"));

    private static string Kind(BudgetLine line) => line switch
    {
        PopulationPoolLine { HasTerms: true } => "pool by population, terms",
        PopulationPoolLine => "pool by population",
        PerCapitaLine => "per capita",
        EqualSplitLine => "equal split",
        FixedContributionLine => "fixed",
        RecordedIncomeLine => "recorded",
        CostLine => "cost",
        _ => line.GetType().Name,
    };
}
