using System.Globalization;

namespace Invoicing;

/// <summary>
/// The one display format for documents, pages and terminal output.
/// Digit groups are separated by U+00A0 (no-break space, as .NET's sv-SE does, so an amount never wraps);
/// the minus sign is the ASCII hyphen-minus (not sv-SE's U+2212) so that copied figures paste into any
/// spreadsheet; the decimal separator is a comma; dates are ISO 8601 (<c>2026-03-31</c>), the Swedish standard.
/// </summary>
public static class SwedishFormat
{
    public const char GroupSeparator = '\u00A0';

    private static readonly NumberFormatInfo Numbers = CreateNumberFormat();

    /// <summary><c>43 035,00 kr</c>.</summary>
    public static string Amount(Money money) => AmountCore(money) + GroupSeparator + "kr";

    /// <summary><c>43 035,00</c> without currency, for table columns.</summary>
    public static string AmountWithoutCurrency(Money money) => AmountCore(money);

    /// <summary><c>75 000 kr</c> for amounts in whole kronor (budget figures); falls back to öre when there are any.</summary>
    public static string WholeKronor(Money money) =>
        money.IsWholeKronor ? Integer(money.Ore / Money.OrePerKrona) + GroupSeparator + "kr" : Amount(money);

    /// <summary><c>161 236</c>.</summary>
    public static string Integer(long value) => value.ToString("#,0", Numbers);

    /// <summary>A share in tenths of a per cent, <c>57,4 %</c>.</summary>
    public static string PerMille(long perMille) =>
        (perMille < 0 ? "-" : "") + (Math.Abs(perMille) / 10).ToString(CultureInfo.InvariantCulture) + "," +
        (Math.Abs(perMille) % 10).ToString(CultureInfo.InvariantCulture) + GroupSeparator + "%";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AmountCore(Money money)
    {
        var whole = Math.Abs(money.Ore) / Money.OrePerKrona;
        var ore = Math.Abs(money.Ore) % Money.OrePerKrona;
        return (money.Ore < 0 ? "-" : "") + whole.ToString("#,0", Numbers) + "," + ore.ToString("00", CultureInfo.InvariantCulture);
    }

    private static NumberFormatInfo CreateNumberFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        format.NumberGroupSeparator = GroupSeparator.ToString();
        format.NumberDecimalSeparator = ",";
        format.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(format);
    }
}
