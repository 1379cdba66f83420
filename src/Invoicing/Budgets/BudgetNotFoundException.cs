namespace Invoicing.Budgets;

public sealed class BudgetNotFoundException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public BudgetNotFoundException(string message) : this(message, message)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;
}
