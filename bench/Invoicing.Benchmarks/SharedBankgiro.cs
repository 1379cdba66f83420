using Invoicing;

/// <summary>
/// A municipality's shared bankgiro: most of its file's payments are for the municipality's other receivables, each
/// with a valid OCR number of that receivable's own series (8, 14 or 16 digits with length and check digit), never of
/// the 11-digit form of our invoice numbers' OCR references.
/// </summary>
internal static class SharedBankgiro
{
    /// <summary>The issuer's account is shared (environment variable of the CLI's process).</summary>
    public static readonly IReadOnlyDictionary<string, string> Setting = new Dictionary<string, string> { ["Invoicing__Issuer__SharedAccount"] = "true" };

    /// <summary>
    /// <paramref name="entries"/> references in file order: every <paramref name="everyNth"/>th one of our invoices'
    /// (in turn), the others another receivable's.
    /// </summary>
    public static IReadOnlyList<OcrReference> References(IReadOnlyList<OcrReference> ours, int entries, int everyNth)
    {
        var references = new OcrReference[entries];
        for (var i = 0; i < entries; i++)
        {
            references[i] = i % everyNth == 0
                ? ours[i / everyNth % ours.Count]
                : OcrReference.Create((i % 3) switch
                {
                    0 => (700_000 + i % 300_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture),
                    1 => (31_000_000_000 + i).ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture),
                    _ => (5_500_000_000_000 + i).ToString("00000000000000", System.Globalization.CultureInfo.InvariantCulture),
                });
        }

        return references;
    }

    /// <summary>The CLI report's totals line (the line that names the file's format).</summary>
    public static string Totals(string output) =>
        output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("(Camt054):", StringComparison.Ordinal)) ?? output.Trim().Split('\n')[^1].Trim();
}
