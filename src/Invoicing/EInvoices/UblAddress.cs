using System.Text.RegularExpressions;

namespace Invoicing.EInvoices;

/// <summary>
/// A Swedish address as the party and issuer tables hold it (free lines, the last "NNN NN Ort") split into
/// the UBL postal address fields: street (BT-35/50), additional street (BT-36/51), one more line (BT-162/163),
/// postal code (BT-38/53) and city (BT-37/52). Lines beyond three are joined into the third.
/// </summary>
internal sealed partial record UblAddress(string? Street, string? AdditionalStreet, string? Line, string? PostalZone, string? City)
{
    public static UblAddress From(IReadOnlyList<string> addressLines)
    {
        var lines = addressLines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        string? postalZone = null;
        string? city = null;
        if (lines.Count > 0 && PostalLine().Match(lines[^1]) is { Success: true } match)
        {
            postalZone = match.Groups["zone"].Value;
            city = match.Groups["city"].Value;
            lines.RemoveAt(lines.Count - 1);
        }

        return new UblAddress(
            lines.ElementAtOrDefault(0),
            lines.ElementAtOrDefault(1),
            lines.Count > 2 ? string.Join(", ", lines.Skip(2)) : null,
            postalZone,
            city);
    }

    [GeneratedRegex(@"^(?<zone>\d{3} ?\d{2})\s+(?<city>\S.*)$")]
    private static partial Regex PostalLine();
}
