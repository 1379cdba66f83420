namespace Invoicing.Parties;

/// <summary>
/// A party's electronic address in the Peppol network (EN 16931 BT-49 / BT-34): an ICD scheme and an
/// identifier. Swedish public bodies are reached by organisation number (scheme <c>0007</c>); a GLN
/// (scheme <c>0088</c>, 13 digits with the GS1 check digit) is allowed where the buyer registered one.
/// Written <c>0007:2120002080</c>; the dataset may write just <c>0007</c> for "our organisation number".
/// </summary>
public readonly record struct PeppolEndpoint
{
    public const string OrganisationNumberScheme = "0007";
    public const string GlnScheme = "0088";

    private PeppolEndpoint(string scheme, string identifier)
    {
        Scheme = scheme;
        Identifier = identifier;
    }

    /// <summary>The ICD code: <c>0007</c> or <c>0088</c>.</summary>
    public string Scheme { get; }

    /// <summary>Digits only: the ten digits of the organisation number, or the 13 of the GLN.</summary>
    public string Identifier { get; }

    public static PeppolEndpoint ForOrganisation(OrganisationNumber organisationNumber) =>
        new(OrganisationNumberScheme, organisationNumber.Digits);

    /// <summary>
    /// Reads <c>0007:NNNNNNNNNN</c>, <c>0088:NNNNNNNNNNNNN</c>, or <c>0007</c> alone (then the party's own
    /// organisation number, which must be known).
    /// </summary>
    public static PeppolEndpoint Parse(string text, OrganisationNumber? organisationNumber)
    {
        var value = text?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? value : value[..colon];
        var identifier = colon < 0 ? null : value[(colon + 1)..].Trim();
        switch (scheme)
        {
            case OrganisationNumberScheme when identifier is null:
                return organisationNumber is { } own
                    ? ForOrganisation(own)
                    : throw new FormatException("Peppol endpoint 0007 means the party's organisation number, and it has none (org_number).");
            case OrganisationNumberScheme:
                return ForOrganisation(new OrganisationNumber(identifier));
            case GlnScheme when identifier is { Length: 13 } gln && Luhn.IsAllDigits(gln):
                return IsValidGln(gln) ? new(GlnScheme, gln) : throw new FormatException($"GLN '{gln}' fails its GS1 check digit.");
            case GlnScheme:
                throw new FormatException($"Peppol endpoint '{value}': a GLN (0088) is 13 digits, e.g. 0088:7300010000001.");
            default:
                throw new FormatException($"Peppol endpoint '{value}' must be 0007 (organisation number) or 0088:GLN, e.g. 0007:2120002080.");
        }
    }

    /// <summary>GS1 mod-10: weights 3,1,3,1,… from the right, excluding the check digit.</summary>
    private static bool IsValidGln(string digits)
    {
        var sum = 0;
        for (var i = digits.Length - 2; i >= 0; i--)
        {
            var weight = (digits.Length - 2 - i) % 2 == 0 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10 == digits[^1] - '0';
    }

    public override string ToString() => Scheme is null ? "" : Scheme + ":" + Identifier;
}
