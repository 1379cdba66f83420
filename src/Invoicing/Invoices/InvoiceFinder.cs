using Invoicing.Issuers;
using Microsoft.Extensions.Options;

namespace Invoicing.Invoices;

/// <summary>
/// Finds an issued invoice from what a payer or a person has in hand: its number, or its OCR reference. The
/// number's year and the issuer's series name the partition where its reservation (and so its scheme) is.
/// </summary>
public sealed class InvoiceFinder(InvoiceNumberSeries series, InvoiceStore invoices, IOptions<IssuerOptions> issuerOptions)
{
    public async Task<Invoice?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken)
    {
        var issuerId = Issuer.FromOptions(issuerOptions.Value).Id;
        var reservation = await series.FindAsync(issuerId, number, cancellationToken);
        return reservation is null ? null : await invoices.FindAsync(reservation.Scheme, number.Year, number, cancellationToken);
    }

    /// <summary>The invoice whose OCR reference this is; null when it is none of this issuer's invoices (or a credit note's number).</summary>
    public async Task<Invoice?> FindAsync(OcrReference ocr, CancellationToken cancellationToken)
    {
        if (ocr.Value.Length != 11 || !ocr.HasValidLengthDigit || !InvoiceNumber.TryParse(ocr.Value[..9], out var number))
        {
            return null;
        }

        // A credit note asks for no payment and prints no OCR: money sent with its number goes to the unmatched list.
        var invoice = await FindAsync(number, cancellationToken);
        return invoice?.Ocr == ocr && !invoice.IsCreditNote ? invoice : null;
    }
}
