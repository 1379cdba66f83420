using System.Text.RegularExpressions;
using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>
/// Invoices a payer names in free text ("faktura nr 202600145", "OCR 20260001415"): a nine-digit invoice number or an
/// eleven-digit OCR number standing alone. Only a suggestion for a person; nothing is booked from it by itself.
/// </summary>
internal static partial class InvoiceMentions
{
    /// <summary>The OCR reference of every invoice number or valid OCR number in <paramref name="texts"/>, in order.</summary>
    public static IEnumerable<OcrReference> In(IEnumerable<string> texts) =>
        texts.SelectMany(text => Numbers().Matches(text).Select(match => match.Value))
            .Select(Mention)
            .OfType<OcrReference>()
            .Distinct();

    /// <summary>
    /// True when <paramref name="texts"/> hold a nine-digit invoice number or an eleven-digit OCR number of our
    /// invoices' form, standing alone, whether or not any invoice has it: what could name one of our invoices.
    /// </summary>
    public static bool AnyOfOurForm(IEnumerable<string> texts) =>
        texts.Any(text => Numbers().Matches(text).Any(match => match.Length == 9
            ? InvoiceNumber.TryParse(match.Value, out _)
            : OcrReference.TryParse(match.Value, out var ocr) && InvoiceNumber.TryFromOcrReference(ocr, out _)));

    private static OcrReference? Mention(string digits) =>
        digits.Length == 9 && InvoiceNumber.TryParse(digits, out var number) ? number.ToOcrReference()
        : OcrReference.TryParse(digits, out var ocr) ? ocr
        : null;

    [GeneratedRegex(@"(?<![0-9])([0-9]{9}|[0-9]{11})(?![0-9])")]
    private static partial Regex Numbers();
}
