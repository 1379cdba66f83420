namespace Invoicing.Accounting;

/// <summary>
/// The accounts an SIE export books on (section <c>Invoicing:Sie</c>). They come from the issuing
/// municipality's own chart of accounts (Kommun-Bas in most municipalities); docs/sie.md has an example.
/// Nothing is assumed: an export without them stops with the setting that is missing.
/// </summary>
public sealed class SieOptions
{
    public const string Section = "Invoicing:Sie";

    /// <summary>The accounting system's name for the company (<c>#FNAMN</c>); the issuer's name when empty.</summary>
    public string? CompanyName { get; set; }

    /// <summary>
    /// The chart of accounts the account numbers follow (<c>#KPTYP</c>), one of the SIE 4B values <c>BAS95</c>, <c>BAS96</c>,
    /// <c>EUBAS97</c>, <c>NE2007</c>. Kommun-Bas is built on the EU-adapted BAS, hence the default.
    /// </summary>
    public string ChartType { get; set; } = SieChart.DefaultChartType;

    /// <summary>Receivables (debited by an invoice, credited by its payment), e.g. a <c>15xx</c> account.</summary>
    public SieAccountOptions? Receivables { get; set; }

    /// <summary>The income the contributions are booked as (credited by an invoice), a class 3 account.</summary>
    public SieAccountOptions? ContributionIncome { get; set; }

    /// <summary>Where payments arrive: the bank or bankgiro account (debited by a payment), e.g. <c>19xx</c>.</summary>
    public SieAccountOptions? Bank { get; set; }

    /// <summary>Money received beyond what an invoice asked: a liability until it is refunded, a class 2 account.</summary>
    public SieAccountOptions? RefundsOwed { get; set; }

    /// <summary>
    /// When set, receivable, income and refund rows carry the party as an object of this SIE dimension
    /// (<c>#DIM</c>/<c>#OBJEKT</c>; 20 and above are free for the user's own dimensions). Empty: no objects.
    /// </summary>
    public int? PartyDimension { get; set; }

    /// <summary>The dimension's name in <c>#DIM</c>.</summary>
    public string PartyDimensionName { get; set; } = "Motpart";
}

/// <summary>One account: its number in the chart of accounts and its name (written as <c>#KONTO</c>).</summary>
public sealed class SieAccountOptions
{
    public string? Number { get; set; }

    public string? Name { get; set; }
}
