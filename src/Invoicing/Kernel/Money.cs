using System.Globalization;

namespace Invoicing;

/// <summary>
/// An amount of Swedish kronor held as whole öre. Every amount in the product is one of these:
/// integral, so sums are exact and nothing is lost to binary fractions.
/// </summary>
public readonly record struct Money(long Ore) : IComparable<Money>
{
    public const long OrePerKrona = 100;

    public static Money Zero => default;

    public static Money FromKronor(long kronor) => new(checked(kronor * OrePerKrona));

    /// <summary>Whole kronor, when the amount has no öre part.</summary>
    public bool IsWholeKronor => Ore % OrePerKrona == 0;

    /// <summary>
    /// The amount as kronor for machine output (JSON numbers): exact, since öre has two decimals, and always with
    /// a scale of two, so System.Text.Json writes <c>43035.00</c> — the one money shape of the CLI and the API.
    /// </summary>
    public decimal ToKronorDecimal() => Ore * 0.01m;

    public static Money operator +(Money left, Money right) => new(checked(left.Ore + right.Ore));

    public static Money operator -(Money left, Money right) => new(checked(left.Ore - right.Ore));

    public static Money operator -(Money value) => new(checked(-value.Ore));

    public static bool operator <(Money left, Money right) => left.Ore < right.Ore;

    public static bool operator >(Money left, Money right) => left.Ore > right.Ore;

    public static bool operator <=(Money left, Money right) => left.Ore <= right.Ore;

    public static bool operator >=(Money left, Money right) => left.Ore >= right.Ore;

    public int CompareTo(Money other) => Ore.CompareTo(other.Ore);

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (sum, next) => sum + next);

    /// <summary>Invariant machine form with a dot and two decimals, e.g. <c>43035.00</c>.</summary>
    public string ToInvariantString() =>
        (Ore < 0 ? "-" : "") + (Math.Abs(Ore) / OrePerKrona).ToString(CultureInfo.InvariantCulture) + "." +
        (Math.Abs(Ore) % OrePerKrona).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Swedish display form, see <see cref="SwedishFormat.Amount"/>.</summary>
    public override string ToString() => SwedishFormat.Amount(this);

    /// <summary>
    /// Reads an amount in kronor as people and spreadsheets write it: <c>43 035</c>, <c>43035,00</c>,
    /// <c>43035.5</c>, <c>-1 000 kr</c>. At most two decimals; anything else is refused rather than rounded.
    /// </summary>
    public static bool TryParseKronor(string? text, out Money money)
    {
        money = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.EndsWith("kr", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2].TrimEnd();
        }

        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '\u2212'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }

        s = s.Replace(" ", "", StringComparison.Ordinal)
             .Replace("\u00A0", "", StringComparison.Ordinal)
             .Replace("\u202F", "", StringComparison.Ordinal);
        var separator = s.IndexOfAny([',', '.']);
        var wholePart = separator < 0 ? s : s[..separator];
        var fraction = separator < 0 ? "" : s[(separator + 1)..];
        if (wholePart.Length == 0 || fraction.Length > 2 || !wholePart.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!long.TryParse(wholePart, NumberStyles.None, CultureInfo.InvariantCulture, out var kronor) || kronor > long.MaxValue / OrePerKrona - 1)
        {
            return false;
        }

        var ore = kronor * OrePerKrona + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        money = new Money(negative ? -ore : ore);
        return true;
    }
}
