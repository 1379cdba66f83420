using System.Diagnostics;

namespace Invoicing.Testing;

/// <summary>Keeps a PDF and a PNG of each of its pages under <c>TestResults/{folder}/</c> (pdftoppm), for a person to look at.</summary>
public static class PdfImages
{
    /// <returns>The PNG files written, in page order.</returns>
    public static IReadOnlyList<string> Keep(byte[] pdf, string folder, string name)
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "TestResults", folder);
        Directory.CreateDirectory(directory);
        foreach (var old in Directory.GetFiles(directory, name + "-*.png"))
        {
            File.Delete(old);
        }

        var file = Path.Combine(directory, name + ".pdf");
        File.WriteAllBytes(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", file, Path.Combine(directory, name)]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pdftoppm did not start (scripts/ensure-poppler.sh installs it).");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed: {error}");
        }

        return Directory.GetFiles(directory, name + "-*.png").Order(StringComparer.Ordinal).ToArray();
    }
}
