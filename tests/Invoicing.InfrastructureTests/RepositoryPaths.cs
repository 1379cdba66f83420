using Invoicing.Testing;

namespace Invoicing.InfrastructureTests;

/// <summary>Files of the repository the infrastructure tests read (the root comes from <see cref="TestPaths"/>).</summary>
internal static class RepositoryPaths
{
    public static string Root => TestPaths.RepositoryRoot;

    public static string Infra => Path.Combine(Root, "infra");

    public static string Fixtures => Path.Combine(Root, "tests", "Invoicing.InfrastructureTests", "Fixtures");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The path relative to the repository root, with '/' separators, for test names and messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
