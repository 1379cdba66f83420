using System.Globalization;
using Invoicing;
using Invoicing.Testing.BankFiles;

/// <summary>
/// A synthetic BgMax file to the issuer's bankgiro: one deposit of <paramref name="payments"/> payments of 1 kr,
/// each on an invoice's OCR reference in turn and with its payer's name record, closed by its deposit and end records.
/// </summary>
internal static class BgMaxGenerator
{
    public static byte[] Generate(IReadOnlyList<OcrReference> references, int payments, DateOnly paymentDate)
    {
        var file = new BgMaxBuilder().Start().Opening("9912346");
        for (var i = 0; i < payments; i++)
        {
            file.Payment(references[i % references.Count].Value, 100, (i + 1).ToString("000000000000", CultureInfo.InvariantCulture))
                .Name($"Kommun {i % references.Count}");
        }

        return file.Deposit(paymentDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "00001").End().ToLatin1();
    }
}
