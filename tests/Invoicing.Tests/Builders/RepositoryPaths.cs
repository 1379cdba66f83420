namespace Invoicing.Tests.Builders;

/// <summary>Where the bundled data lives: found by walking up from the test binaries to the folder with Invoicing.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary><c>data/region-mitt-2026</c>: parties, population snapshots, budget and BILAGA 1.</summary>
    public static string BundledDataset => Path.Combine(RepositoryRoot, "data", "region-mitt-2026");

    /// <summary><c>data/reference/municipality_county.csv</c>: every municipality with its county.</summary>
    public static string MunicipalityCounty => Path.Combine(RepositoryRoot, "data", "reference", "municipality_county.csv");

    /// <summary><c>data/region-mitt-2026/bilaga1-reference.csv</c>: the amounts of the budget document's BILAGA 1.</summary>
    public static string Bilaga1Reference => Path.Combine(BundledDataset, "bilaga1-reference.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invoicing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Invoicing.sln.");
    }
}
