using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// The ISO 20022 bank transaction codes (<c>BkTxCd/Domn/Fmly/SubFmlyCd</c>, ISO External Code List
/// <c>ExternalBankTransactionSubFamily1Code</c>) that say an entry returns or reverses an earlier transaction, as
/// <c>RvslInd</c> does. Any other code (<c>DMCT</c> domestic credit transfer, <c>ESCT</c>, …) says nothing of the kind.
/// </summary>
internal static class CamtBankTransactionCode
{
    private static readonly HashSet<string> Reversals = new(StringComparer.Ordinal)
    {
        "RRTN", // Reversal due to payment return / reimbursement of a credit transfer
        "RPCR", // Reversal due to payment cancellation request
        "ARET", // ACH return
        "AREV", // ACH reversal
    };

    /// <summary>True when <paramref name="parent"/>'s own <c>BkTxCd</c> names a return or reversal.</summary>
    public static bool IsReversal(CamtDocument camt, XElement parent) =>
        camt.Text(parent, "BkTxCd", "Domn", "Fmly", "SubFmlyCd") is { } code && Reversals.Contains(code);

    /// <summary>True when the element has a bank transaction code of its own (a transaction may state one beside its entry's).</summary>
    public static bool IsStated(CamtDocument camt, XElement parent) => camt.Find(parent, "BkTxCd") is not null;
}
