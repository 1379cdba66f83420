using System.IO.Compression;
using System.Xml.Linq;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// The dependency versions the feed's assemblies were compiled against, where that is higher than their nuspec
/// asks. Worker.Grpc 2.52.0 asks for Google.Protobuf &gt;= 3.28.0 but references assembly 3.31.1.0; NuGet takes
/// the lowest version the registry serves that day (3.30.2 on one day, 3.31.1 on another), and a lower one builds
/// but aborts the worker at start ("Could not load file or assembly 'Google.Protobuf, Version=3.31.1.0'").
/// Asking for at least the compiled-against version makes the check independent of what happens to be served.
/// </summary>
internal static class FeedAssemblyFloors
{
    public static IReadOnlyDictionary<string, Version> Read(string feed)
    {
        var floors = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in Directory.EnumerateFiles(feed, "*.nupkg"))
        {
            using var zip = ZipFile.OpenRead(package);
            var dependencies = NuspecLowerBounds(zip);
            foreach (var entry in zip.Entries.Where(IsNet10Library))
            {
                foreach (var (name, version) in AssemblyReferences(entry))
                {
                    if (dependencies.TryGetValue(name, out var lowerBound) && version > lowerBound
                        && (!floors.TryGetValue(name, out var known) || version > known))
                    {
                        floors[name] = version;
                    }
                }
            }
        }

        return floors;
    }

    private static bool IsNet10Library(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        && (entry.FullName.StartsWith("lib/net10.0/", StringComparison.Ordinal)
            || entry.FullName.StartsWith("lib/net8.0/", StringComparison.Ordinal)
            || entry.FullName.StartsWith("lib/netstandard2.0/", StringComparison.Ordinal));

    private static Dictionary<string, Version> NuspecLowerBounds(ZipArchive zip)
    {
        var bounds = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        foreach (var dependency in XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency"))
        {
            var id = (string?)dependency.Attribute("id");
            var range = ((string?)dependency.Attribute("version") ?? "").Trim('[', '(', ' ');
            var lower = range.Split(',')[0].Split('-')[0];
            if (id is not null && Version.TryParse(lower, out var version))
            {
                bounds[id] = Normalise(version);
            }
        }

        return bounds;
    }

    private static IEnumerable<(string Name, Version Version)> AssemblyReferences(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return FunctionsPlatformCheck.AssemblyReferences.Read(buffer)?.References.Select(r => (r.Name, Normalise(r.Version))) ?? [];
    }

    /// <summary>Package versions have three parts; assembly versions four (x.y.z.0).</summary>
    private static Version Normalise(Version version) =>
        new(version.Major, version.Minor, Math.Max(version.Build, 0));
}
