namespace Invoicing;

/// <summary>
/// A payment reference (OCR number) under Bankgirot's rules: 2 to 25 digits, the last one a
/// modulus-10 check digit over all the others. With "variable length with length digit" control the
/// second-to-last digit is the total length modulo 10, which lets the bank catch a dropped digit too.
/// </summary>
public readonly record struct OcrReference
{
    public const int MinLength = 2;
    public const int MaxLength = 25;

    public OcrReference(string value)
    {
        if (value is null || value.Length is < MinLength or > MaxLength || !Luhn.IsAllDigits(value))
        {
            throw new FormatException($"OCR reference '{value}' must be {MinLength} to {MaxLength} digits.");
        }

        if (!Luhn.IsValid(value))
        {
            throw new FormatException($"OCR reference '{value}' fails its modulus-10 check digit.");
        }

        Value = value;
    }

    public string Value { get; }

    /// <summary>True when the second-to-last digit equals the total length modulo 10.</summary>
    public bool HasValidLengthDigit => Value.Length >= 3 && Value[^2] - '0' == Value.Length % 10;

    /// <summary>
    /// Builds a reference from its base digits: appends the length digit (when asked) and the check digit.
    /// </summary>
    public static OcrReference Create(string baseDigits, bool withLengthDigit = true)
    {
        if (!Luhn.IsAllDigits(baseDigits))
        {
            throw new FormatException($"OCR base '{baseDigits}' must be digits only.");
        }

        var body = baseDigits;
        if (withLengthDigit)
        {
            body += ((baseDigits.Length + 2) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new OcrReference(body + Luhn.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string? text, out OcrReference reference)
    {
        reference = default;
        var digits = text?.Replace(" ", "", StringComparison.Ordinal);
        if (digits is null || digits.Length is < MinLength or > MaxLength || !Luhn.IsValid(digits))
        {
            return false;
        }

        reference = new OcrReference(digits);
        return true;
    }

    public override string ToString() => Value ?? "";
}
