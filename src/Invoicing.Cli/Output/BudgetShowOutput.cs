using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Cli.Output;

/// <summary>
/// <c>budget show --json</c> (docs/cli.md): the budget's lines, each shared line split among its participants, the fixed
/// contributions and what is invoiced. Money in kronor as JSON numbers with two decimals, like every other JSON output.
/// </summary>
internal sealed record BudgetShowOutput(
    string Scheme,
    int Year,
    string SchemeName,
    string Status,
    int Revision,
    DateOnly? DecidedOn,
    string? Reference,
    decimal TotalIncome,
    decimal InvoicedIncome,
    decimal TotalCosts,
    IReadOnlyList<BudgetShowOutput.Line> Lines,
    IReadOnlyList<BudgetShowOutput.Pool> Pools,
    IReadOnlyList<BudgetShowOutput.Fixed> FixedContributions,
    int Invoices,
    decimal ToInvoice,
    IReadOnlyList<string> Warnings,
    BudgetShowOutput.Comparison? PreviousYear)
{
    /// <summary>The budget as shown (a revised one with its current revision's lines) and its allocation.</summary>
    public static BudgetShowOutput From(Budget budget, BudgetAllocation allocation, PartyCode? ownParty, YearComparison? previous)
    {
        var plan = allocation.ToInvoicePlan(ownParty);
        return new(
            budget.Scheme.Value,
            budget.Year,
            budget.SchemeName,
            budget.Status.ToString(),
            budget.Revision,
            budget.Decision?.DecidedOn,
            budget.Decision?.Reference,
            budget.TotalIncome.ToKronorDecimal(),
            budget.InvoicedIncome.ToKronorDecimal(),
            budget.TotalCosts.ToKronorDecimal(),
            [.. budget.Lines.Select(Line.From)],
            [.. allocation.Pools.Select(pool => Pool.From(pool, ownParty))],
            [.. allocation.FixedContributions.Select(f => new Fixed(f.Line.Number, f.Line.Text, f.Party.Code.Value, f.Party.Name, f.Line.Amount.ToKronorDecimal(), f.Party.Code == ownParty))],
            plan.Invoices.Count,
            plan.Total.ToKronorDecimal(),
            PopulationKeyWarnings.For(allocation),
            previous is null ? null : new Comparison(
                previous.PreviousYear,
                previous.PreviousTotal.ToKronorDecimal(),
                previous.Total.ToKronorDecimal(),
                [.. previous.Parties.Select(p => new PartyChange(p.Party.Code.Value, p.Party.Name, p.Previous.ToKronorDecimal(), p.Current.ToKronorDecimal(), p.Change.ToKronorDecimal(), p.Party.Code == ownParty))]));
    }

    /// <summary>The year before's budget beside this one: each party's share in both (every line together) and the change.</summary>
    public sealed record Comparison(int Year, decimal PreviousTotal, decimal Total, IReadOnlyList<PartyChange> Parties);

    public sealed record PartyChange(string Code, string Name, decimal Previous, decimal Current, decimal Change, bool OwnShare);

    /// <summary>
    /// A budget line: <c>kind</c> as budget.json names it; <c>participants</c> and <c>populationSnapshot</c> on shared lines,
    /// <c>party</c> on a fixed contribution or a recorded income that names one.
    /// </summary>
    public sealed record Line(int Number, string Kind, string Text, decimal Amount, bool Invoiced, string? Participants, string? PopulationSnapshot, string? Party)
    {
        public static Line From(BudgetLine line) => new(
            line.Number,
            line switch
            {
                PopulationPoolLine => "PopulationPool",
                PerCapitaLine => "PerCapita",
                EqualSplitLine => "EqualSplit",
                FixedContributionLine => "FixedContribution",
                RecordedIncomeLine => "RecordedIncome",
                CostLine => "Cost",
                _ => line.GetType().Name,
            },
            line.Text,
            line.Amount.ToKronorDecimal(),
            line.IsInvoiced,
            (line as SharedLine)?.Participants.ToString(),
            (line as SharedLine)?.PopulationKey,
            line switch
            {
                FixedContributionLine f => f.Party.Value,
                RecordedIncomeLine { Party: { } party } => party.Value,
                _ => null,
            });
    }

    /// <summary>
    /// A shared line split: <c>key</c> is <c>population</c>, <c>perCapita</c> or <c>equalSplit</c> (as the API's allocation);
    /// <c>total</c> is the sum of the shares, which is the line's amount to the öre.
    /// </summary>
    public sealed record Pool(
        int Line,
        string Text,
        string Key,
        decimal Total,
        string? PopulationSnapshot,
        string? Source,
        DateOnly? ReferenceDate,
        long TotalPopulation,
        decimal? BaseFee,
        decimal? Cap,
        decimal? Floor,
        IReadOnlyList<Share> Shares)
    {
        public static Pool From(PoolAllocation pool, PartyCode? ownParty)
        {
            var terms = pool.Line as PopulationPoolLine;
            return new(
                pool.Line.Number,
                pool.Line.Text,
                pool.Line switch { PerCapitaLine => "perCapita", EqualSplitLine => "equalSplit", _ => "population" },
                pool.Total.ToKronorDecimal(),
                pool.Snapshot?.Id,
                pool.Snapshot?.Source,
                pool.Snapshot?.ReferenceDate,
                pool.TotalPopulation,
                terms?.BaseFee?.ToKronorDecimal(),
                terms?.Cap?.ToKronorDecimal(),
                terms?.Floor?.ToKronorDecimal(),
                [.. pool.Shares.Select(share => new Share(
                    share.Party.Code.Value,
                    share.Party.Name,
                    share.Population,
                    pool.ByPopulation ? share.KeyPerMille(pool.TotalPopulation) * 0.1m : null,
                    share.Rate?.ToKronorDecimal(),
                    share.Bound switch { PoolSplit.Bound.Cap => "cap", PoolSplit.Bound.Floor => "floor", _ => null },
                    share.Amount.ToKronorDecimal(),
                    share.Party.Code == ownParty))]);
        }
    }

    /// <summary>A participant's share; <c>bound</c> is <c>cap</c> or <c>floor</c> when one set it; <c>ownShare</c>: the issuer's, not invoiced.</summary>
    public sealed record Share(string Code, string Name, long Population, decimal? KeyPercent, decimal? Rate, string? Bound, decimal Amount, bool OwnShare);

    public sealed record Fixed(int Line, string Text, string Code, string Name, decimal Amount, bool OwnShare);
}
