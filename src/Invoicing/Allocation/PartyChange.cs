using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// One party's line in a revision's diff: what its documents so far come to (invoices − credit notes), its share
/// in the revision, and the document that settles the difference (none when there is none, or for the issuer's
/// own share, which is never invoiced).
/// </summary>
public sealed record PartyChange(Party Party, Money InvoicedSoFar, Money NewShare, bool IsOwnShare, PlannedDocument? Document)
{
    /// <summary>What is to be invoiced after the revision: the share, or nothing for the issuer's own.</summary>
    public Money ToInvoice => IsOwnShare ? Money.Zero : NewShare;

    /// <summary>Positive: a (supplementary) invoice; negative: a credit note; zero: no document.</summary>
    public Money Difference => ToInvoice - InvoicedSoFar;
}
