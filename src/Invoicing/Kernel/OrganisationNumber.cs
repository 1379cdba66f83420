namespace Invoicing;

/// <summary>
/// A Swedish organisation number (organisationsnummer): ten digits written <c>NNNNNN-NNNN</c>, the last a
/// modulus-10 check digit. Municipalities, regions and agencies all start with 2 (public legal persons).
/// </summary>
public readonly record struct OrganisationNumber
{
    public OrganisationNumber(string value)
    {
        var digits = value?.Replace("-", "", StringComparison.Ordinal).Trim();
        if (digits is null || digits.Length != 10 || !Luhn.IsAllDigits(digits))
        {
            throw new FormatException($"Organisation number '{value}' must be ten digits (NNNNNN-NNNN).");
        }

        if (!Luhn.IsValid(digits))
        {
            throw new FormatException($"Organisation number '{value}' fails its modulus-10 check digit.");
        }

        Digits = digits;
    }

    public string Digits { get; }

    /// <summary>The Swedish VAT registration number for this organisation: <c>SE</c> + digits + <c>01</c>.</summary>
    public string ToVatNumber() => "SE" + Digits + "01";

    public override string ToString() => Digits is null ? "" : Digits[..6] + "-" + Digits[6..];
}
