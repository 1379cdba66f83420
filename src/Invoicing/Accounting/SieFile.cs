using Invoicing.Parties;

namespace Invoicing.Accounting;

/// <summary>
/// What an SIE 4I file holds: whose books, the period its vouchers are dated in, the accounts and parties used, and
/// the vouchers. <see cref="GeneratedOn"/> comes from the caller's clock, so the same data and date give the same bytes.
/// </summary>
public sealed record SieFile(
    string CompanyName,
    OrganisationNumber OrganisationNumber,
    SiePeriod Period,
    DateOnly GeneratedOn,
    SieChart Chart,
    IReadOnlyDictionary<PartyCode, string> Parties,
    IReadOnlyList<Voucher> Vouchers)
{
    /// <summary>Every account a voucher uses, in account-number order (an SIE file declares exactly those).</summary>
    public IReadOnlyList<SieAccount> AccountsUsed =>
        Vouchers.SelectMany(v => v.Rows).Select(r => r.Account).DistinctBy(a => a.Number).OrderBy(a => a.Number, StringComparer.Ordinal).ToArray();
}
