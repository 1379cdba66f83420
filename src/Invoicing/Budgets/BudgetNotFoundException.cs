namespace Invoicing.Budgets;

public sealed class BudgetNotFoundException(string message, string swedishMessage) : InvalidOperationException(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
