using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>What an approved budget asks of each party: the pools split, and the fixed contributions.</summary>
public sealed record BudgetAllocation(Budget Budget, IReadOnlyList<PoolAllocation> Pools, IReadOnlyList<FixedContribution> FixedContributions)
{
    /// <summary>
    /// One invoice per paying party, carrying that party's lines in budget order. The share of
    /// <paramref name="ownParty"/> (the issuer itself) is planned like every other but kept apart: it is
    /// shown as "own share, not invoiced".
    /// </summary>
    public InvoicePlan ToInvoicePlan(PartyCode? ownParty = null)
    {
        var lines = Pools
            .SelectMany(pool => pool.Shares.Select(share => (share.Party, Line: new PlannedInvoiceLine(
                pool.Line.Number,
                PoolShareText(pool, share),
                share.Amount,
                share.Population) { PopulationBasis = $"Befolkning enligt {pool.Snapshot.Source}, per {SwedishFormat.Date(pool.Snapshot.ReferenceDate)}." })))
            .Concat(FixedContributions.Select(fixedLine => (fixedLine.Party, Line: new PlannedInvoiceLine(
                fixedLine.Line.Number,
                $"Bidrag {Budget.Year}, {fixedLine.Line.Text}",
                fixedLine.Line.Amount))));

        var invoices = lines
            .GroupBy(l => l.Party.Code)
            .Select(g => new PlannedInvoice(g.First().Party, g.Select(l => l.Line).OrderBy(l => l.BudgetLineNumber).ToArray()))
            .Where(invoice => invoice.Net > Money.Zero)
            .OrderBy(invoice => invoice.Debtor.Kind)
            .ThenBy(invoice => invoice.Debtor.Code)
            .ToArray();
        return new InvoicePlan(Budget, invoices.Where(i => i.Debtor.Code != ownParty).ToArray())
        {
            OwnShares = invoices.Where(i => i.Debtor.Code == ownParty).ToArray(),
        };
    }

    private string PoolShareText(PoolAllocation pool, PoolShare share) =>
        $"Bidrag {Budget.Year}, {pool.Line.Text}: {SwedishFormat.Integer(share.Population)} av " +
        $"{SwedishFormat.Integer(pool.TotalPopulation)} invånare ({SwedishFormat.PerMille(share.KeyPerMille(pool.TotalPopulation))}) " +
        $"av {SwedishFormat.WholeKronor(pool.Line.Amount)}";
}

/// <summary>A fixed contribution line with its (known) party.</summary>
public sealed record FixedContribution(FixedContributionLine Line, Party Party);
