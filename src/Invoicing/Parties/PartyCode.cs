using System.Text.RegularExpressions;

namespace Invoicing.Parties;

/// <summary>
/// Identifies a paying party. Municipalities use their official four-digit code (<c>1980</c> for Västerås);
/// other parties a short upper-case code (<c>REGION-03</c>). The alphabet is kept safe for Table Storage keys
/// and blob names.
/// </summary>
public readonly partial record struct PartyCode : IComparable<PartyCode>
{
    public PartyCode(string value)
    {
        if (value is null || !Pattern().IsMatch(IdText.Check(value, "Party code")))
        {
            throw new FormatException($"Party code '{DocumentText.Quote(value ?? "")}' must be 2-32 characters of A-Z, 0-9 and '-', starting with a letter or digit.");
        }

        Value = value;
    }

    public string Value { get; }

    public static bool operator <(PartyCode left, PartyCode right) => left.CompareTo(right) < 0;

    public static bool operator >(PartyCode left, PartyCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartyCode left, PartyCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartyCode left, PartyCode right) => left.CompareTo(right) >= 0;

    public int CompareTo(PartyCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{1,31}\z")]
    private static partial Regex Pattern();
}
