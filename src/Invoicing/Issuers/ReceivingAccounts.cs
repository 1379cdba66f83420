namespace Invoicing.Issuers;

/// <summary>
/// The issuer's own accounts that payments arrive on: its bankgiro and any IBAN, plusgiro or other account id
/// configured in <c>Invoicing:Issuer:ReceivingAccounts</c>. A bank file addressed to any other account is about
/// someone else's money, whatever OCR numbers it carries, and is refused whole.
/// </summary>
public sealed class ReceivingAccounts
{
    private readonly HashSet<string> _accounts;

    public ReceivingAccounts(Bankgiro bankgiro, IEnumerable<string> others)
    {
        Bankgiro = bankgiro;
        Others = others.Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();
        _accounts = new HashSet<string>(Others.Select(Normalise), StringComparer.Ordinal) { Normalise(bankgiro.Digits) };
    }

    public Bankgiro Bankgiro { get; }

    /// <summary>The configured IBANs, plusgiro numbers or other account ids, as configured.</summary>
    public IReadOnlyList<string> Others { get; }

    /// <summary>
    /// True when <paramref name="account"/> (as a bank file names it) is one of ours. Spaces, hyphens, case and
    /// the leading zeros a BgMax file pads a bankgiro number with do not count.
    /// </summary>
    public bool Contains(string? account) => account is not null && _accounts.Contains(Normalise(account));

    /// <summary>The accounts for an error message: <c>bankgiro 991-2346, SE45 5000 …</c>.</summary>
    public string Describe() => string.Join(", ", new[] { $"bankgiro {Bankgiro}" }.Concat(Others));

    private static string Normalise(string account)
    {
        var compact = new string(account.Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        return compact.All(char.IsAsciiDigit) ? compact.TrimStart('0') : compact;
    }
}
