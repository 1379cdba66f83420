using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Invoices;

/// <summary>
/// One payment record as a <see cref="PaymentPageEntity"/> keeps it: short names, since a page holds a hundred,
/// and the invoice number and the time of booking left to the page (its records were booked in one transaction).
/// Optional fields are left out when empty.
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

    /// <summary>The record's identity (<see cref="PaymentRecord.Key"/>); every stored record has it.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("same")]
    public string? SameAs { get; init; }

    [JsonPropertyName("fp")]
    public string? Fingerprint { get; init; }

    /// <summary>"1/3" for the first of three parts.</summary>
    [JsonPropertyName("part")]
    public string? Part { get; init; }

    /// <summary>The whole payment a part is of, in öre.</summary>
    [JsonPropertyName("whole")]
    public long? WholeOre { get; init; }

    /// <summary>True when paid before the invoice was issued; absent otherwise.</summary>
    [JsonPropertyName("adv")]
    public bool? PaidInAdvance { get; init; }

    /// <summary>The SHA-256 of the archived bank file it was booked from; absent for a manual payment.</summary>
    [JsonPropertyName("file")]
    public string? FileId { get; init; }

    /// <summary>The date in the books when its month was closed at booking (<see cref="PaymentRecord.AccountingDate"/>); absent when it is the payment's date.</summary>
    [JsonPropertyName("acct")]
    public string? AccountingDate { get; init; }

    public static PaymentLine From(PaymentRecord record) =>
        new(record.EntryReference, record.Source, record.Amount.Ore, IsoDate.Format(record.PaidOn),
            record.StatusBefore.ToString(), record.StatusAfter.ToString(), record.Flag.ToString(), record.Note, record.PayerName, record.Reverses)
        {
            Key = record.Key,
            SameAs = record.SameAs,
            Fingerprint = record.Fingerprint,
            Part = record.Split is { } split ? $"{split.Part}/{split.Parts}" : null,
            WholeOre = record.Split?.Whole.Ore,
            PaidInAdvance = record.PaidInAdvance ? true : null,
            FileId = record.FileId,
            AccountingDate = record.AccountingDate == record.PaidOn ? null : IsoDate.Format(record.AccountingDate),
        };

    public PaymentRecord ToRecord(InvoiceNumber invoice, DateTimeOffset bookedAt) =>
        new(invoice, EntryReference, Source, new Money(AmountOre), IsoDate.Parse(PaidOn), bookedAt,
            Enum.Parse<PaymentStatus>(StatusBefore), Enum.Parse<PaymentStatus>(StatusAfter), Enum.Parse<PaymentFlag>(Flag), Note, PayerName)
        {
            Key = Key ?? throw new InvalidDataException($"A payment record of invoice {invoice} has no key."),
            Reverses = Reverses,
            SameAs = SameAs,
            Fingerprint = Fingerprint,
            Split = ReadSplit(),
            PaidInAdvance = PaidInAdvance == true,
            FileId = FileId,
            AccountingDate = AccountingDate is { } date ? IsoDate.Parse(date) : IsoDate.Parse(PaidOn),
        };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IReadOnlyList<PaymentLine> ReadAll(string lines) => JsonSerializer.Deserialize<PaymentLine[]>(lines, Json) ?? [];

    private PaymentSplit? ReadSplit()
    {
        if (Part is null || WholeOre is null)
        {
            return null;
        }

        var slash = Part.IndexOf('/', StringComparison.Ordinal);
        return new PaymentSplit(
            int.Parse(Part.AsSpan(0, slash), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Part.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture),
            new Money(WholeOre.Value));
    }
}
