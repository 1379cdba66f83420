using Invoicing.Documents;

namespace Invoicing.EInvoices;

/// <summary>
/// Whether a document can be an e-invoice. Peppol BIS Billing 3.0 needs the buyer's reference (BT-10: the
/// buyer's accounts payable route by it, PEPPOL-EN16931-R003) and the buyer's electronic address (BT-49),
/// and this product writes contributions outside the scope of VAT only (category O). A document that fails
/// is still issued as a PDF; the reason is recorded and shown in the list and on the page.
/// </summary>
public static class EInvoiceEligibility
{
    // The English reasons are what an invoice row stores (and the CLI prints); the page shows them in Swedish.
    private const string NoBuyerReference = "the buyer has no buyer reference (Er referens)";
    private const string NoBuyerAddress = "the buyer has no organisation number or Peppol endpoint";
    private const string NotOutsideVat = "only contributions outside the scope of VAT (category O) are written as e-invoices";
    private const string CreditNoteWithoutInvoice = "a credit note must name the invoice it corrects";

    private static readonly Dictionary<string, string> Swedish = new(StringComparer.Ordinal)
    {
        [NoBuyerReference] = "köparen har ingen köparreferens (Er referens)",
        [NoBuyerAddress] = "köparen har inget organisationsnummer och ingen Peppol-adress",
        [NotOutsideVat] = "bara bidrag utanför momsens tillämpningsområde (kategori O) skrivs som e-fakturor",
        [CreditNoteWithoutInvoice] = "en kreditfaktura måste ange fakturan den rättar",
    };

    /// <summary>A stored reason in Swedish; null (no reason) is "utfärdad före e-fakturor", a reason of an older release as stored.</summary>
    public static string InSwedish(string? reason) =>
        reason is null ? "utfärdad före e-fakturor" : Swedish.GetValueOrDefault(reason, reason);

    /// <summary>Null when the document can be written as UBL; otherwise why not, in one sentence.</summary>
    public static string? WhyNot(InvoiceDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Buyer.BuyerReference))
        {
            return NoBuyerReference;
        }

        if (document.Buyer.Endpoint is null && string.IsNullOrWhiteSpace(document.Buyer.OrganisationNumber))
        {
            return NoBuyerAddress;
        }

        if (document.Seller.Terms.VatRatePercent != 0 || document.Vat != Money.Zero)
        {
            return NotOutsideVat;
        }

        if (document.Kind == DocumentKind.CreditNote && document.Corrects is null)
        {
            return CreditNoteWithoutInvoice;
        }

        return null;
    }
}
