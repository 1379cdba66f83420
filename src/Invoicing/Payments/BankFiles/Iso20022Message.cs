using System.Globalization;
using System.Text.RegularExpressions;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Which ISO 20022 message an XML document is, read from its namespace
/// (<c>urn:iso:std:iso:20022:tech:xsd:camt.054.001.08</c>): name <c>camt.054</c>, variant 1, version 8.
/// </summary>
internal sealed partial record Iso20022Message(string Name, int Variant, int Version)
{
    public static Iso20022Message? FromNamespace(string xmlNamespace)
    {
        var match = NamespacePattern().Match(xmlNamespace);
        return match.Success
            ? new Iso20022Message(
                match.Groups["name"].Value,
                int.Parse(match.Groups["variant"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}.{Variant:000}.{Version:00}");

    [GeneratedRegex(@"^urn:iso:std:iso:20022:tech:xsd:(?<name>[a-z]{4}\.[0-9]{3})\.(?<variant>[0-9]{3})\.(?<version>[0-9]{2})$")]
    private static partial Regex NamespacePattern();
}
