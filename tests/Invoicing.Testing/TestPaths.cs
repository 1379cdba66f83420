namespace Invoicing.Testing;

/// <summary>Where the repository and its bundled data are, seen from a test's output folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string BundledDataset => Path.Combine(RepositoryRoot, "data", "region-mitt-2026");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invoicing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Invoicing.sln above {AppContext.BaseDirectory}.");
    }
}
