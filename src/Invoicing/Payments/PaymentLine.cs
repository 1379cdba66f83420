using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>
/// One payment record as a <see cref="PaymentPageEntity"/> keeps it: short names, since a page holds a hundred,
/// and the invoice number and the time of booking left to the page (its records were booked in one transaction).
/// </summary>
internal sealed record PaymentLine(
    [property: JsonPropertyName("ref")] string EntryReference,
    [property: JsonPropertyName("src")] string Source,
    [property: JsonPropertyName("ore")] long AmountOre,
    [property: JsonPropertyName("on")] string PaidOn,
    [property: JsonPropertyName("from")] string StatusBefore,
    [property: JsonPropertyName("to")] string StatusAfter,
    [property: JsonPropertyName("flag")] string Flag,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("payer")] string? PayerName,
    [property: JsonPropertyName("rev")] string? Reverses)
{
    // The default encoder escapes every character outside ASCII, so a page's length in characters bounds its size
    // in storage whatever the payer names hold.
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static PaymentLine From(PaymentRecord record) =>
        new(record.EntryReference, record.Source, record.Amount.Ore, IsoDate.Format(record.PaidOn),
            record.StatusBefore.ToString(), record.StatusAfter.ToString(), record.Flag.ToString(), record.Note, record.PayerName, record.Reverses);

    public PaymentRecord ToRecord(InvoiceNumber invoice, DateTimeOffset bookedAt) =>
        new(invoice, EntryReference, Source, new Money(AmountOre), IsoDate.Parse(PaidOn), bookedAt,
            Enum.Parse<PaymentStatus>(StatusBefore), Enum.Parse<PaymentStatus>(StatusAfter), Enum.Parse<PaymentFlag>(Flag), Note, PayerName) { Reverses = Reverses };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IReadOnlyList<PaymentLine> ReadAll(string lines) => JsonSerializer.Deserialize<PaymentLine[]>(lines, Json) ?? [];
}
