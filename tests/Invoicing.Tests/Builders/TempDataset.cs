using System.Text;

namespace Invoicing.Tests.Builders;

/// <summary>
/// A copy of the bundled dataset in a fresh temporary folder, deleted on dispose. Tests break one thing in it
/// (<see cref="Replace"/>) and check that the loader names file, row and field.
/// </summary>
internal sealed class TempDataset : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private TempDataset(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>A temporary copy of <c>parties.csv</c>, <c>populations.csv</c> and <c>budget.json</c> of the bundled dataset.</summary>
    public static TempDataset CopyOfBundled() => CopyOf(RepositoryPaths.BundledDataset, "parties.csv", "populations.csv", "budget.json");

    /// <summary>A temporary copy of the bundled Stockholm dataset, its <c>agreements.csv</c> included.</summary>
    public static TempDataset CopyOfStockholm() => CopyOf(RepositoryPaths.StockholmDataset, "parties.csv", "populations.csv", "budget.json", "agreements.csv");

    /// <summary>A temporary copy of the EXEMPEL Finsam dataset, which uses every allocation key.</summary>
    public static TempDataset CopyOfFinsam() => CopyOf(RepositoryPaths.FinsamDataset, "parties.csv", "populations.csv", "budget.json");

    private static TempDataset CopyOf(string source, params string[] files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "invoicing-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in files)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(directory, file));
        }

        return new TempDataset(directory);
    }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Read(string file) => File.ReadAllText(PathOf(file), Utf8);

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text, Utf8);

    /// <summary>Replaces exactly one occurrence of <paramref name="oldText"/>; fails the test if there is not exactly one.</summary>
    public void Replace(string file, string oldText, string newText)
    {
        var text = Read(file);
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{oldText}' does not occur exactly once in {file}.");
        }

        Write(file, text[..first] + newText + text[(first + oldText.Length)..]);
    }

    /// <summary>The 1-based line number of the only line containing <paramref name="fragment"/>.</summary>
    public int LineNumberOf(string file, string fragment)
    {
        var lines = Read(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(fragment, StringComparison.Ordinal)).ToArray();
        return matches.Length == 1
            ? matches[0] + 1
            : throw new InvalidOperationException($"'{fragment}' is on {matches.Length} lines of {file}, not one.");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
