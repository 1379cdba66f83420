using System.Diagnostics.CodeAnalysis;
using Invoicing.Invoices;

namespace Invoicing.Web;

/// <summary>One invoice from the route (<c>{scheme}/{year}/{number}</c>), validated like <see cref="YearRoute"/>.</summary>
public static class InvoiceRoute
{
    public static bool TryParse(string? scheme, string? year, string? number, out InvoiceKey key, [NotNullWhen(false)] out string? problem)
    {
        key = default;
        if (!YearRoute.TryParse(scheme, year, out var route, out problem))
        {
            return false;
        }

        if (!InvoiceNumber.TryParse(number, out var invoiceNumber))
        {
            problem = $"'{YearRoute.Shorten(number)}' är inget fakturanummer: nio siffror, året och ett femsiffrigt löpnummer (t.ex. 202600014).";
            return false;
        }

        key = new InvoiceKey(route.Scheme, route.Year, invoiceNumber);
        return true;
    }
}
