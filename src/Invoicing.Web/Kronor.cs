namespace Invoicing.Web;

/// <summary>Amounts in JSON: kronor as numbers with exactly two decimals (<c>43035.00</c>), exact because öre are whole.</summary>
public static class Kronor
{
    /// <summary>Multiplying by 0.01m gives the decimal a scale of two, which System.Text.Json writes as two decimals.</summary>
    public static decimal From(Money money) => money.ToKronorDecimal();
}
