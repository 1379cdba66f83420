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
        // What is the same for every member of a pool (its total population, a sum over the members, and where the
        // figures come from) is worked out once per pool, and every party's cut from one index: done per member, each
        // would read the whole pool again, and a pool of 3 100 members would cost members squared.
        var lines = Pools
            .SelectMany(pool =>
            {
                var totalPopulation = pool.TotalPopulation;
                var basis = pool.Snapshot is { } snapshot ? $"Befolkning enligt {snapshot.Source}, per {SwedishFormat.Date(snapshot.ReferenceDate)}." : null;
                return pool.Shares.Select(share => (share.Party, Line: new PlannedInvoiceLine(
                    pool.Line.Number,
                    PoolShareText(pool, totalPopulation, share),
                    share.Amount,
                    pool.Snapshot is null ? null : share.Population)
                {
                    PopulationBasis = basis,
                }));
            })
            .Concat(FixedContributions.Select(fixedLine => (fixedLine.Party, Line: new PlannedInvoiceLine(
                fixedLine.Line.Number,
                $"Bidrag {Budget.Year}, {fixedLine.Line.Text}",
                fixedLine.Line.Amount))));

        var specifications = ShareSpecification.Index(this);
        var invoices = lines
            .GroupBy(l => l.Party.Code)
            .Select(g => new PlannedInvoice(g.First().Party, g.Select(l => l.Line).OrderBy(l => l.BudgetLineNumber).ToArray())
            {
                Specification = specifications.GetValueOrDefault(g.Key),
            })
            .Where(invoice => invoice.Net > Money.Zero)
            .OrderBy(invoice => invoice.Debtor.Kind)
            .ThenBy(invoice => invoice.Debtor.Code)
            .ToArray();
        return new InvoicePlan(Budget, invoices.Where(i => i.Debtor.Code != ownParty).ToArray())
        {
            OwnShares = invoices.Where(i => i.Debtor.Code == ownParty).ToArray(),
        };
    }

    /// <summary>The budget with each per-capita line's amount set to the sum of its shares (what the line asks for).</summary>
    public Budget WithPerCapitaTotals() => Budget with
    {
        Lines = Budget.Lines
            .Select(line => line is PerCapitaLine perCapita ? perCapita with { Amount = Pools.Single(p => p.Line.Number == line.Number).Total } : line)
            .ToArray(),
    };

    /// <summary>The basis of a share as the invoice line states it, per key.</summary>
    private string PoolShareText(PoolAllocation pool, long totalPopulation, PoolShare share)
    {
        var what = $"Bidrag {Budget.Year}, {pool.Line.Text}: ";
        var population = $"{SwedishFormat.Integer(share.Population)} av {SwedishFormat.Integer(totalPopulation)} invånare " +
            $"({SwedishFormat.PerMille(share.KeyPerMille(totalPopulation))})";
        var of = $" av {SwedishFormat.WholeKronor(pool.Line.Amount)}";
        return (pool.Line, share) switch
        {
            (PerCapitaLine, { Rate: { } rate }) => what + $"{SwedishFormat.Integer(share.Population)} invånare × {SwedishFormat.Amount(rate)}",
            (EqualSplitLine, _) => what + $"lika andel, en av {pool.Shares.Count} parter," + of,
            (PopulationPoolLine { Cap: { } cap }, { Bound: PoolSplit.Bound.Cap }) => what + $"takbelopp {SwedishFormat.WholeKronor(cap)} ({population})" + of,
            (PopulationPoolLine { Floor: { } floor }, { Bound: PoolSplit.Bound.Floor }) => what + $"golvbelopp {SwedishFormat.WholeKronor(floor)} ({population})" + of,
            (PopulationPoolLine, { BaseFee: { } fee }) => what + $"grundavgift {SwedishFormat.WholeKronor(fee)} och efter folkmängd {population}" + of,
            _ => what + population + of,
        };
    }
}

/// <summary>A fixed contribution line with its (known) party.</summary>
public sealed record FixedContribution(FixedContributionLine Line, Party Party);
