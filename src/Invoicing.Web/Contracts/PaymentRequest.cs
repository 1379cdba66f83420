using System.Text.Json;

namespace Invoicing.Web.Contracts;

/// <summary>
/// A payment finance registers by hand. <c>amount</c> is kronor as a JSON number (<c>43035.00</c>) or as
/// people write it (<c>"43 035,00"</c>); <c>date</c> is <c>yyyy-MM-dd</c>. <c>reference</c> (e.g. the bank
/// statement line) tells two equal payments apart: the same invoice, amount, date and reference book once.
/// </summary>
public sealed record PaymentRequest(JsonElement Amount, string? Date, string? Note, string? Reference)
{
    public const int MaxTextLength = 200;

    /// <summary>The amount as text for <see cref="Money.TryParseKronor"/>; null when it is neither a number nor a string.</summary>
    public string? AmountText() => Amount.ValueKind switch
    {
        JsonValueKind.Number => Amount.GetRawText(),
        JsonValueKind.String => Amount.GetString(),
        _ => null,
    };
}
