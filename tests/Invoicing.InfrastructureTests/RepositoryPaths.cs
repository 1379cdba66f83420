namespace Invoicing.InfrastructureTests;

/// <summary>Files of the repository, found from the test's output folder by walking up to Invoicing.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Infra => Path.Combine(Root, "infra");

    public static string Fixtures => Path.Combine(Root, "tests", "Invoicing.InfrastructureTests", "Fixtures");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The path relative to the repository root, with '/' separators, for test names and messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

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
