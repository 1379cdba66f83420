using System.Diagnostics.CodeAnalysis;

namespace Invoicing.Web;

/// <summary>
/// The <c>asOf</c> query of a report (aging, statement): the day it is made as of, today in Sweden when absent. Parsed
/// once here so every report answers a malformed day with the same 400.
/// </summary>
internal static class AsOfDay
{
    public static bool TryParse(string? asOf, TimeProvider time, out DateOnly day, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        day = SwedishCalendar.Today(time);
        if (string.IsNullOrEmpty(asOf) || IsoDate.TryParse(asOf, out day))
        {
            return true;
        }

        problem = $"asOf '{YearRoute.Shorten(asOf)}' är inget datum på formen yyyy-MM-dd.";
        return false;
    }
}
