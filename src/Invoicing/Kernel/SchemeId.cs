using System.Text.RegularExpressions;

namespace Invoicing;

/// <summary>
/// Identifies a funding scheme (a cooperation with its own budget each year), e.g. <c>region-mitt-pom</c>.
/// Lower-case letters, digits and hyphens, so it can stand in blob paths and table keys as it is.
/// </summary>
public readonly partial record struct SchemeId
{
    public SchemeId(string value)
    {
        if (value is null || !Pattern().IsMatch(IdText.Check(value, "Scheme id")))
        {
            throw new FormatException($"Scheme id '{DocumentText.Quote(value ?? "")}' must be 2-40 characters of a-z, 0-9 and '-', starting with a letter or digit.");
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value ?? "";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,39}\z")]
    private static partial Regex Pattern();
}
