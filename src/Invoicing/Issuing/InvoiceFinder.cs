using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;

namespace Invoicing.Issuing;

/// <summary>
/// Finds an issued invoice from what a payer or a person has in hand: its number, or its OCR reference. The
/// number's year and an issuer's series name the partition where its reservation (and so its scheme) is. Each
/// issuer has its own series, so with two issuers one number can name two invoices: the scheme, or the account
/// the money was paid to, says whose.
/// </summary>
public sealed class InvoiceFinder(InvoiceNumberSeries series, InvoiceStore invoices, IssuerDirectory issuers)
{
    /// <summary>The document (invoice or credit note) with this number in <paramref name="scheme"/>'s issuer's series, or in any issuer's when null.</summary>
    /// <exception cref="InvalidPaymentException">The number is in more than one issuer's series and no scheme was named.</exception>
    public async Task<IssuedDocument?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken, SchemeId? scheme = null)
    {
        var candidates = scheme is { } named ? [issuers.For(named)] : issuers.All();
        var found = new List<IssuedDocument>();
        foreach (var issuer in candidates)
        {
            if (await FindAsync(number, issuer.Id, cancellationToken) is { } invoice)
            {
                found.Add(invoice);
            }
        }

        var schemes = string.Join(", ", found.Select(i => i.Key.Scheme));
        return found.Count <= 1 ? found.SingleOrDefault() : throw new InvalidPaymentException(
            $"Invoice number {number} is in more than one issuer's series ({schemes}); name the scheme (--scheme).",
            $"Fakturanummer {number} finns i fler än en utfärdares nummerserie ({schemes}); ange samverkan (--scheme).");
    }

    /// <summary>The invoice whose OCR reference this is in <paramref name="issuerId"/>'s series; null when it is none of that issuer's invoices (or a credit note's number).</summary>
    public async Task<Invoice?> FindAsync(OcrReference ocr, string issuerId, CancellationToken cancellationToken)
    {
        if (!TryNumber(ocr, out var number))
        {
            return null;
        }

        return await FindAsync(number, issuerId, cancellationToken) is Invoice invoice && IsPaidBy(invoice, ocr) ? invoice : null;
    }

    /// <summary>The invoice number an OCR reference of ours carries (11 digits, length digit right).</summary>
    private static bool TryNumber(OcrReference ocr, out InvoiceNumber number) => InvoiceNumber.TryFromOcrReference(ocr, out number);

    /// <summary>
    /// Only an invoice is paid by its OCR: a credit note asks for no payment and prints none, so money sent with its
    /// number is not found here (the callers take only an <see cref="Invoice"/>) and goes to the unmatched list.
    /// </summary>
    private static bool IsPaidBy(Invoice invoice, OcrReference ocr) => invoice.Ocr == ocr;

    /// <summary>
    /// <see cref="FindAsync(OcrReference, string, CancellationToken)"/> for many references at once, as a bank file
    /// needs: one query for each year's numbers and one for each scheme's invoices of a year, not two per reference.
    /// </summary>
    public async Task<IReadOnlyDictionary<OcrReference, Invoice>> FindAllAsync(IEnumerable<OcrReference> ocrs, string issuerId, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<InvoiceNumber, OcrReference>();
        foreach (var ocr in ocrs)
        {
            if (TryNumber(ocr, out var number))
            {
                wanted.TryAdd(number, ocr);
            }
        }

        var found = new Dictionary<OcrReference, Invoice>();
        foreach (var year in wanted.Keys.Select(n => n.Year).Distinct())
        {
            var schemes = (await series.ListAsync(issuerId, year, cancellationToken))
                .Where(r => wanted.ContainsKey(r.Number))
                .Select(r => r.Scheme)
                .Distinct();
            foreach (var scheme in schemes)
            {
                foreach (var invoice in (await invoices.ListAsync(scheme, year, cancellationToken)).OfType<Invoice>())
                {
                    if (wanted.TryGetValue(invoice.Number, out var ocr) && IsPaidBy(invoice, ocr))
                    {
                        found[ocr] = invoice;
                    }
                }
            }
        }

        return found;
    }

    private async Task<IssuedDocument?> FindAsync(InvoiceNumber number, string issuerId, CancellationToken cancellationToken)
    {
        var reservation = await series.FindAsync(issuerId, number, cancellationToken);
        return reservation is null ? null : await invoices.FindAsync(reservation.Scheme, number.Year, number, cancellationToken);
    }
}
