using System.Text.RegularExpressions;

namespace Invoicing.Accounting;

/// <summary>An account of the chart of accounts: a number of digits (SIE requires numeric accounts) and its name.</summary>
public sealed partial record SieAccount(string Number, string Name)
{
    public string Number { get; } = AccountPattern().IsMatch(Number ?? "")
        ? Number!
        : throw new FormatException($"Account number '{Number}' must be 1-10 digits.");

    public string Name { get; } = string.IsNullOrWhiteSpace(Name) ? throw new FormatException($"Account {Number} has no name.") : Name.Trim();

    /// <summary>What the constructor refuses <paramref name="number"/> and <paramref name="name"/> for, in Swedish; null when it accepts them.</summary>
    public static string? SwedishProblem(string? number, string? name) =>
        !AccountPattern().IsMatch(number ?? "") ? $"Kontonumret '{number}' måste vara 1-10 siffror."
        : string.IsNullOrWhiteSpace(name) ? $"Konto {number} saknar namn."
        : null;

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex AccountPattern();
}
