namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// Every assembly the built app carries must be at least the version its users were compiled against; otherwise
/// the worker aborts at start with a FileNotFoundException before it ever talks to the host, and the stand-in can
/// only report a timeout. Assemblies not in the folder come from the shared framework and are not checked.
/// </summary>
internal static class AppAssemblyCheck
{
    public static IReadOnlyList<string> Problems(string appFolder)
    {
        var assemblies = new List<(string File, AssemblyReferences Assembly)>();
        foreach (var dll in Directory.EnumerateFiles(appFolder, "*.dll"))
        {
            using var stream = File.OpenRead(dll);
            if (AssemblyReferences.Read(stream) is { } assembly)
            {
                assemblies.Add((Path.GetFileName(dll), assembly));
            }
        }

        var shipped = assemblies.ToDictionary(a => a.Assembly.Name, a => a.Assembly.Version, StringComparer.OrdinalIgnoreCase);
        return [.. assemblies.SelectMany(a => a.Assembly.References
            .Where(reference => shipped.TryGetValue(reference.Name, out var version) && version < reference.Version)
            .Select(reference => $"{a.File} was compiled against {reference.Name} {reference.Version}, but the app carries {shipped[reference.Name]}"))];
    }
}
