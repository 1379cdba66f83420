namespace Invoicing.Budgets;

/// <summary>An operation asked for a move the budget's status does not allow.</summary>
public sealed class BudgetStateException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
