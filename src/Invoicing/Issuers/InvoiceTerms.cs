namespace Invoicing.Issuers;

/// <summary>Payment terms and VAT treatment printed on, and applied to, every invoice.</summary>
public sealed record InvoiceTerms(int PaymentTermsDays, int VatRatePercent, string VatText)
{
    /// <summary>VAT on a net amount, rounded half away from zero to whole öre.</summary>
    public Money VatOn(Money net) =>
        new((long)Math.Round(net.Ore * VatRatePercent / 100m, MidpointRounding.AwayFromZero));
}
