using System.Collections.Frozen;

namespace Invoicing.Populations.Scb;

/// <summary>
/// Sweden's 290 municipality codes (SCB's, a copy of data/reference/municipality_county.csv beside this file, CC0, embedded): what
/// a region code must be to give a municipality's population. County codes (<c>03</c>) and the country
/// (<c>00</c>) are regions too in SCB's tables, but not municipalities.
/// </summary>
public static class Municipalities
{
    private const string Resource = "Invoicing.Populations.Scb.municipality_county.csv";

    /// <summary>Code → short name (<c>1980</c> → <c>Västerås</c>).</summary>
    public static FrozenDictionary<string, string> Names { get; } = Load();

    public static bool IsMunicipality(string code) => Names.ContainsKey(code);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Municipalities).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource '{Resource}' is not embedded.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length >= 3)
            {
                names[fields[0]] = fields[2];
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
