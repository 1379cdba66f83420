using Invoicing.Testing;

namespace Invoicing.Tests.Builders;

/// <summary>The bundled data files the unit tests read (the repository root comes from <see cref="TestPaths"/>).</summary>
internal static class RepositoryPaths
{
    public static string RepositoryRoot => TestPaths.RepositoryRoot;

    /// <summary><c>data/region-mitt-2026</c>: parties, population snapshots, budget and BILAGA 1.</summary>
    public static string BundledDataset => Path.Combine(RepositoryRoot, "data", "region-mitt-2026");

    /// <summary><c>data/stockholm-2026</c>: Stockholm's offer, its pool among the municipalities with an agreement.</summary>
    public static string StockholmDataset => Path.Combine(RepositoryRoot, "data", "stockholm-2026");

    /// <summary>The EXEMPEL Finsam-style dataset using every allocation key (docs/allocation.md).</summary>
    public static string FinsamDataset => Path.Combine(RepositoryRoot, "data", "finsam-exempel-2026");

    /// <summary><c>data/reference/municipality_county.csv</c>: every municipality with its county.</summary>
    public static string MunicipalityCounty => Path.Combine(RepositoryRoot, "data", "reference", "municipality_county.csv");

    /// <summary><c>data/region-mitt-2026/bilaga1-reference.csv</c>: the amounts of the budget document's BILAGA 1.</summary>
    public static string Bilaga1Reference => Path.Combine(BundledDataset, "bilaga1-reference.csv");
}
