namespace Invoicing.Budgets;

/// <summary>An operation asked for a move the budget's status does not allow.</summary>
public sealed class BudgetStateException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public BudgetStateException(string message) : this(message, message)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;
}
