using System.Diagnostics;
using System.Globalization;

namespace Invoicing.Testing;

/// <summary>
/// A PDF's text as poppler's <c>pdftotext -layout</c> reads it (pages separated by form feeds): a reader the product
/// did not write, so a test sees what another program sees. scripts/ensure-poppler.sh installs it.
/// </summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdftext-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return OfFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string OfFile(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { "-layout", path, "-" } };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (scripts/ensure-poppler.sh installs it).");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || error.Result.Length > 0)
        {
            throw new InvalidOperationException($"pdftotext {path}: exit {process.ExitCode.ToString(CultureInfo.InvariantCulture)} {error.Result}");
        }

        return output;
    }
}
