using Invoicing.Allocation;
using Invoicing.Populations;

namespace Invoicing.Cli.Output;

/// <summary>A comparison of two snapshots as finance reads it, and as JSON.</summary>
internal static class PopulationComparisonOutput
{
    public static void Write(PopulationComparison comparison, TextWriter writer)
    {
        var (a, b) = (comparison.A, comparison.B);
        writer.WriteLine($"A: {a.Id} — {DisplayText.Escape(a.Source)}, {SwedishFormat.Date(a.ReferenceDate)}");
        writer.WriteLine($"B: {b.Id} — {DisplayText.Escape(b.Source)}, {SwedishFormat.Date(b.ReferenceDate)}");
        writer.WriteLine();
        // Only the parties A has matter to A's pools; those only in B are counted, not listed.
        var listed = comparison.Differences.Where(d => d.A is not null).ToArray();
        var onlyInB = comparison.Differences.Count(d => d.A is null);
        if (listed.Length == 0)
        {
            writer.WriteLine($"Every party of {a.Id} has the same figure in {b.Id}.");
        }
        else
        {
            var table = new TextTable(("Code", false), ("Name", false), ("A", true), ("B", true), ("B - A", true));
            foreach (var d in listed)
            {
                table.Add(d.Party.Value, d.Name ?? "", Figure(d.A), Figure(d.B), d.Change is { } c ? Signed(c) : "missing in B");
            }

            writer.WriteLine($"{listed.Length} of {a.Populations.Count} parties of {a.Id} have another figure in {b.Id}:");
            table.WriteTo(writer);
        }

        if (onlyInB > 0)
        {
            writer.WriteLine($"({onlyInB} parties are only in {b.Id}.)");
        }

        foreach (var pool in comparison.Pools)
        {
            writer.WriteLine();
            writer.WriteLine($"{pool.Budget} line {pool.Line}, {DisplayText.Escape(pool.Text)}: {SwedishFormat.Amount(pool.Amount)}");
            if (pool.Problem is not null)
            {
                writer.WriteLine($"  cannot be split by both: {DisplayText.Escape(pool.Problem)}");
                continue;
            }

            var table = new TextTable(("Code", false), ("Party", false), ("Key A", true), ("Amount A", true), ("Key B", true), ("Amount B", true), ("Change", true));
            foreach (var s in pool.Shares)
            {
                table.Add(s.Party.Value, s.Name, SwedishFormat.PerMille(s.KeyPerMilleA), SwedishFormat.Amount(s.AmountA), SwedishFormat.PerMille(s.KeyPerMilleB), SwedishFormat.Amount(s.AmountB), SignedAmount(s.Change));
            }

            table.WriteTo(writer);
        }
    }

    public static object Json(PopulationComparison comparison) => new
    {
        a = new { id = comparison.A.Id, source = comparison.A.Source, referenceDate = IsoDate.Format(comparison.A.ReferenceDate) },
        b = new { id = comparison.B.Id, source = comparison.B.Source, referenceDate = IsoDate.Format(comparison.B.ReferenceDate) },
        differences = comparison.Differences.Select(d => new { code = d.Party.Value, name = d.Name, a = d.A, b = d.B, change = d.Change }),
        pools = comparison.Pools.Select(p => new
        {
            budget = p.Budget,
            line = p.Line,
            text = p.Text,
            amount = p.Amount.ToKronorDecimal(),
            problem = p.Problem,
            shares = p.Shares.Select(s => new
            {
                code = s.Party.Value,
                name = s.Name,
                populationA = s.PopulationA,
                amountA = s.AmountA.ToKronorDecimal(),
                populationB = s.PopulationB,
                amountB = s.AmountB.ToKronorDecimal(),
                change = s.Change.ToKronorDecimal(),
            }),
        }),
    };

    private static string Figure(long? value) => value is { } v ? SwedishFormat.Integer(v) : "–";

    private static string Signed(long value) => (value > 0 ? "+" : "") + SwedishFormat.Integer(value);

    private static string SignedAmount(Money value) => (value > Money.Zero ? "+" : "") + SwedishFormat.Amount(value);
}
