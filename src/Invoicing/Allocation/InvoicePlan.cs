using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>The invoices a budget produces, before numbers are given.</summary>
public sealed record InvoicePlan(Budget Budget, IReadOnlyList<PlannedInvoice> Invoices)
{
    /// <summary>The prefix of the current fingerprint form; a fingerprint without it was recorded by an older version.</summary>
    public const string FingerprintVersion = "v2:";

    /// <summary>The issuer's own share (computed like any other, not invoiced): empty or one party.</summary>
    public IReadOnlyList<PlannedInvoice> OwnShares { get; init; } = [];

    public Money Total => Money.Sum(Invoices.Select(i => i.Net));

    /// <summary>Every party's share, invoiced or the issuer's own, in plan order.</summary>
    public IEnumerable<PlannedInvoice> AllShares => Invoices.Concat(OwnShares).OrderBy(i => i.Debtor.Kind).ThenBy(i => i.Debtor.Code);

    /// <summary>
    /// <c>v2:</c> + SHA-256 (lower-case hex) of who pays what: party codes, budget line numbers, amounts and
    /// the population each pool share was computed from, for every share including the issuer's own. Never
    /// wording: editing a description or the document text changes no fingerprint. Recorded when the budget
    /// (or a revision) is approved and checked before every run, so an edit to a population table or a party
    /// after approval cannot silently change half of a year's invoices.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var share in AllShares)
        {
            foreach (var line in share.Lines)
            {
                text.Append(share.Debtor.Code.Value).Append('|')
                    .Append(line.BudgetLineNumber.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(line.Amount.Ore.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(line.Population?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n');
            }
        }

        return FingerprintVersion + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Whether this plan is the one approved (nothing was approved before the v2 fingerprint, so no other form is read).</summary>
    public bool Matches(string? approvedFingerprint) => string.Equals(approvedFingerprint, Fingerprint(), StringComparison.Ordinal);
}

/// <summary>One party's invoice-to-be.</summary>
public sealed record PlannedInvoice(Party Debtor, IReadOnlyList<PlannedInvoiceLine> Lines)
{
    /// <summary>
    /// How the party's share was computed, cut from the allocation the lines come from (the e-invoice's attachment);
    /// not part of the plan's fingerprint, which the lines already cover.
    /// </summary>
    public ShareSpecification? Specification { get; init; }

    public Money Net => Money.Sum(Lines.Select(l => l.Amount));
}

/// <summary>
/// A line of a planned invoice; <see cref="Description"/> shows the basis of the amount, <see cref="Population"/>
/// the figure a pool share was computed from (null for a fixed contribution).
/// </summary>
public sealed record PlannedInvoiceLine(int BudgetLineNumber, string Description, Money Amount, long? Population = null)
{
    /// <summary>
    /// For a pool share, where its population figures come from (source and reference date), printed on the
    /// invoice; wording, so not part of the plan's fingerprint.
    /// </summary>
    public string? PopulationBasis { get; init; }
}
