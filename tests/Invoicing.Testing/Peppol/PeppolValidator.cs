using System.Diagnostics;
using System.Text;

namespace Invoicing.Testing.Peppol;

/// <summary>
/// Validates UBL documents against Peppol BIS Billing 3.0 with the official artefacts in <c>artefacts/</c>:
/// the UBL 2.1 XSD, the CEN EN 16931 and the Peppol schematrons. One batch is one Java process
/// (<c>PeppolValidator.java</c> with Saxon-HE), since compiling the CEN stylesheet alone costs seconds.
/// Needs what <c>scripts/ensure-java-saxon.sh</c> installs.
/// </summary>
public static class PeppolValidator
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "Invoicing.Testing", "Peppol");

    public static string SaxonJar => Environment.GetEnvironmentVariable("SAXON_JAR") is { Length: > 0 } jar ? jar : "/usr/share/java/Saxon-HE.jar";

    /// <summary>Validates every document (name → bytes) in one Java process; the names must be unique file names.</summary>
    public static async Task<PeppolReport> ValidateAsync(IReadOnlyDictionary<string, byte[]> documents, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SaxonJar))
        {
            throw new InvalidOperationException($"Saxon-HE not found at {SaxonJar}: run scripts/ensure-java-saxon.sh (./test.sh does).");
        }

        var work = Directory.CreateTempSubdirectory("peppol-");
        try
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, bytes) in documents)
            {
                var path = Path.Combine(work.FullName, name);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
                paths[path] = name;
            }

            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            // C1 only: these are short runs, and the optimising JIT would cost more than it saves.
            foreach (var argument in (string[])["-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp", SaxonJar, Path.Combine(Folder, "PeppolValidator.java"), Path.Combine(Folder, "artefacts")])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var path in paths.Keys)
            {
                start.ArgumentList.Add(path);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (process.ExitCode != 0 || lines.Length == 0 || !lines[^1].StartsWith("#done\t", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The Peppol validator failed (exit {process.ExitCode}): {await errors}");
            }

            var findings = lines[..^1].Select(line => line.Split('\t')).Select(f => new PeppolFinding(paths[f[0]], f[1], f[2], f[3], f[4])).ToArray();
            return new PeppolReport(documents.Count, findings);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

/// <summary>One failed assert (or XSD error): the document, the rule set (XSD, CEN, PEPPOL), flag, rule id and text.</summary>
public sealed record PeppolFinding(string Document, string RuleSet, string Flag, string RuleId, string Text)
{
    public bool IsFatal => Flag == "fatal";

    public override string ToString() => $"{Document}: [{Flag}] {RuleId} ({RuleSet}) {Text}";
}

/// <summary>What one batch found.</summary>
public sealed record PeppolReport(int DocumentCount, IReadOnlyList<PeppolFinding> Findings)
{
    public IEnumerable<PeppolFinding> Fatal => Findings.Where(f => f.IsFatal);

    public IEnumerable<PeppolFinding> Warnings => Findings.Where(f => !f.IsFatal);

    /// <summary>Fails naming every fatal finding's document, rule id and text.</summary>
    public void AssertNoFatal()
    {
        var fatal = Fatal.ToArray();
        if (fatal.Length > 0)
        {
            throw new PeppolValidationException(
                $"{fatal.Length} fatal Peppol BIS 3.0 finding(s) in {DocumentCount} documents:\n" + string.Join('\n', fatal.Select(f => f.ToString())));
        }
    }

    /// <summary>One line for the test log: how many documents, and the warnings by rule id.</summary>
    public string Summary() =>
        $"{DocumentCount} documents validated (UBL 2.1 XSD, CEN EN 16931, Peppol BIS 3.0.21): {Fatal.Count()} fatal, {Warnings.Count()} warnings" +
        (Warnings.Any() ? " (" + string.Join(", ", Warnings.GroupBy(w => w.RuleId).Select(g => $"{g.Key} x{g.Count()}")) + ")" : "");
}
