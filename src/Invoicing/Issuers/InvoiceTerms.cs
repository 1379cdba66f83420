namespace Invoicing.Issuers;

/// <summary>Payment terms and VAT treatment printed on, and applied to, every invoice.</summary>
public sealed record InvoiceTerms(int PaymentTermsDays, int VatRatePercent, string VatText)
{
    /// <summary>VAT on a net amount, rounded half away from zero to whole öre.</summary>
    public Money VatOn(Money net) =>
        new((long)Math.Round(net.Ore * VatRatePercent / 100m, MidpointRounding.AwayFromZero));

    /// <summary>
    /// The due date of an invoice issued on <paramref name="issuedOn"/>: the terms' days later, moved on to the next
    /// Swedish banking day when that is a weekend, a holiday or an eve the banks keep closed (never earlier: the
    /// payer keeps at least the days the terms promise).
    /// </summary>
    public DateOnly DueDate(DateOnly issuedOn) => SwedishBankingDays.OnOrAfter(issuedOn.AddDays(PaymentTermsDays));
}
