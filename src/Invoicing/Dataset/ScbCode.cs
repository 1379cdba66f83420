using Invoicing.Parties;

namespace Invoicing.Dataset;

/// <summary>
/// SCB's codes as the dataset's files must carry them, with the mistake spreadsheets make named: a municipality is
/// its four-digit code (<c>0305</c> Håbo), whose first two digits are its county's two (<c>03</c> Uppsala län). A
/// spreadsheet that took the column for numbers drops the leading zero (<c>305</c>, <c>3</c>), and a code of that
/// form would otherwise be a new, second party: Håbo invoiced twice while every other share in Uppsala shrinks.
/// </summary>
internal static class ScbCode
{
    /// <summary>A party code; one of digits only is a municipality code and must have SCB's four digits.</summary>
    public static PartyCode PartyCode(string text)
    {
        if (text.Length is > 0 and < 4 && text.All(char.IsAsciiDigit))
        {
            throw new FormatException(
                $"not SCB's four-digit municipality code; a spreadsheet may have dropped its leading zero ({text.PadLeft(4, '0')}?). Store the column as text.");
        }

        if (text.Length > 4 && text.All(char.IsAsciiDigit))
        {
            throw new FormatException("not SCB's four-digit municipality code.");
        }

        return new PartyCode(text);
    }

    /// <summary>A county code: SCB's two digits.</summary>
    public static CountyCode County(string text) =>
        text.Length == 1 && char.IsAsciiDigit(text[0])
            ? throw new FormatException(
                $"not SCB's two-digit county code; a spreadsheet may have dropped its leading zero (0{text}?). Store the column as text.")
            : new CountyCode(text);

    /// <summary>A municipality's code is four digits that begin with its county's code.</summary>
    public static PartyCode CheckMunicipality(PartyCode code, CountyCode? county)
    {
        if (code.Value.Length != 4 || !code.Value.All(char.IsAsciiDigit))
        {
            throw new FormatException($"a municipality's code is SCB's four digits (0305 for Håbo), not '{code}'.");
        }

        if (county is { } given && !code.Value.StartsWith(given.Value, StringComparison.Ordinal))
        {
            throw new FormatException($"municipality {code} belongs to county {code.Value[..2]} by its code, but county_code says {given}.");
        }

        return code;
    }
}
