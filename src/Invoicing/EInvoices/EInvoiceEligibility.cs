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
    /// <summary>Null when the document can be written as UBL; otherwise why not, in one sentence.</summary>
    public static string? WhyNot(InvoiceDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Buyer.BuyerReference))
        {
            return "the buyer has no buyer reference (Er referens)";
        }

        if (document.Buyer.Endpoint is null && string.IsNullOrWhiteSpace(document.Buyer.OrganisationNumber))
        {
            return "the buyer has no organisation number or Peppol endpoint";
        }

        if (document.Seller.Terms.VatRatePercent != 0 || document.Vat != Money.Zero)
        {
            return "only contributions outside the scope of VAT (category O) are written as e-invoices";
        }

        if (document.Kind == DocumentKind.CreditNote && document.Corrects is null)
        {
            return "a credit note must name the invoice it corrects";
        }

        return null;
    }
}
