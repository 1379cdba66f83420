namespace Invoicing;

/// <summary>
/// A bankgiro number: 7 or 8 digits whose last digit is a modulus-10 check digit, written with a hyphen
/// before the last four digits (<c>5050-1055</c>).
/// </summary>
public readonly record struct Bankgiro
{
    public Bankgiro(string value)
    {
        var digits = value?.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits is null || digits.Length is < 7 or > 8 || !Luhn.IsAllDigits(digits))
        {
            throw new FormatException($"Bankgiro number '{value}' must be 7 or 8 digits.");
        }

        if (!Luhn.IsValid(digits))
        {
            throw new FormatException($"Bankgiro number '{value}' fails its modulus-10 check digit.");
        }

        Digits = digits;
    }

    public string Digits { get; }

    public override string ToString() => Digits is null ? "" : Digits[..^4] + "-" + Digits[^4..];
}
