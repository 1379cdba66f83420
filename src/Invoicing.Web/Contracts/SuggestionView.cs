using Invoicing.Payments;

namespace Invoicing.Web.Contracts;

/// <summary>An invoice offered as an unmatched entry's match; booked only when a person confirms it.</summary>
public sealed record SuggestionView(string Scheme, int Year, string Number, string DebtorName)
{
    public static SuggestionView From(InvoiceSuggestion suggestion) =>
        new(suggestion.Invoice.Scheme.Value, suggestion.Invoice.Year, suggestion.Invoice.Number.ToString(), suggestion.DebtorName);
}
