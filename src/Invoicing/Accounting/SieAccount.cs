using System.Text.RegularExpressions;

namespace Invoicing.Accounting;

/// <summary>An account of the chart of accounts: a number of digits (SIE requires numeric accounts) and its name.</summary>
public sealed partial record SieAccount(string Number, string Name)
{
    public string Number { get; } = AccountPattern().IsMatch(Number ?? "")
        ? Number!
        : throw new FormatException($"Account number '{Number}' must be 1-10 digits.");

    public string Name { get; } = string.IsNullOrWhiteSpace(Name) ? throw new FormatException($"Account {Number} has no name.") : Name.Trim();

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex AccountPattern();
}
