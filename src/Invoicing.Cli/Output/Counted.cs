namespace Invoicing.Cli.Output;

/// <summary>The noun that agrees with a count ("1 row", "2 rows"): decided here once rather than in each message.</summary>
internal static class Counted
{
    public static string Noun(long count, string one, string many) => count == 1 ? one : many;

    /// <summary>The count and its noun: "1 population snapshot", "3 population snapshots".</summary>
    public static string Of(long count, string one, string many) => $"{count} {Noun(count, one, many)}";
}
