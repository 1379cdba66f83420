using System.Net.Http.Headers;
using Invoicing.Testing.BankFiles;

namespace Invoicing.Web.Tests;

/// <summary>Bank files as the page uploads them: multipart/form-data, the file in the field <c>file</c>.</summary>
internal static class BankFileUploads
{
    /// <summary>A camt.054 paying each named invoice in full on 2026-03-01, plus one payment whose OCR names no invoice.</summary>
    public static async Task<MultipartFormDataContent> CamtAsync(WebWorld world, params string[] numbers)
    {
        var invoices = (await world.InvoicesAsync()).ToDictionary(i => i.Number.ToString());
        var camt = new Camt054Builder(8);
        foreach (var number in numbers)
        {
            var invoice = invoices[number];
            camt.Entry(new CamtEntry(invoice.Total.ToInvariantString(), AccountServicerReference: "WEB-" + number, BookingDate: "2026-03-01", Transactions: [new(Ocr: invoice.Ocr.Value)]));
        }

        camt.Entry(new CamtEntry("500.00", AccountServicerReference: "WEB-UNKNOWN", BookingDate: "2026-03-01", Transactions: [new(Ocr: "12345678903")]));
        return File("camt054.xml", camt.ToBytes());
    }

    public static MultipartFormDataContent File(string name, byte[] content, string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, field, name } };
    }
}
