namespace Invoicing.Issuers;

/// <summary>
/// The issuer's details as configured (section <c>Invoicing:Issuer</c>). Validated into an <see cref="Issuer"/>
/// before anything is issued; see <see cref="Issuer.FromOptions"/>.
/// </summary>
public sealed class IssuerOptions
{
    public const string Section = "Invoicing:Issuer";

    /// <summary>Names the issuer's invoice number series; letters, digits and '-'.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>
    /// Optional: the party code of the issuer itself in the scheme's data (e.g. <c>1980</c> for Västerås stad).
    /// Its share is shown as its own and not invoiced.
    /// </summary>
    public string? PartyCode { get; set; }

    public List<string> AddressLines { get; set; } = [];

    public string? OrganisationNumber { get; set; }

    /// <summary>Optional; derived from the organisation number (SE…01) when empty.</summary>
    public string? VatNumber { get; set; }

    public string? Bankgiro { get; set; }

    /// <summary>
    /// Other accounts of ours that bank files may name as the credited account (IBAN, plusgiro, the bank's own
    /// account id); the bankgiro is always one. A file addressed to any other account is refused.
    /// </summary>
    public List<string> ReceivingAccounts { get; set; } = [];

    /// <summary>
    /// True when the bankgiro (and the other receiving accounts) also carry the organisation's other receivables — a
    /// municipality's one bankgiro — so its bank files hold mostly payments that are not for this cooperation. Then an
    /// entry whose references are valid OCR numbers of another form than our invoices' is counted as not ours: kept in
    /// the archived file, neither booked nor put on the unmatched list. False (the default): the account is the
    /// cooperation's own, and every entry that matches no invoice waits on the unmatched list.
    /// </summary>
    public bool SharedAccount { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>VAT rate in per cent; 0 (the default) for contributions that are not taxable supplies.</summary>
    public int VatRatePercent { get; set; }

    /// <summary>The text explaining the VAT treatment, printed on every invoice.</summary>
    public string? VatText { get; set; }

    /// <summary>True for the bundled example details: every document then carries a visible EXEMPEL marking.</summary>
    public bool IsExample { get; set; }
}
