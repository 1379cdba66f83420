using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Web;

/// <summary>
/// A scheme and budget year from the route, validated before anything is looked up: a malformed value is a
/// 400 that says what the value must look like, and never reaches a table key or a blob name. <c>..</c>,
/// slashes (also encoded) and every other character outside the scheme's and year's alphabets fail here.
/// </summary>
public readonly record struct YearRoute(SchemeId Scheme, int Year)
{
    public static bool TryParse(string? scheme, string? year, out YearRoute route, [NotNullWhen(false)] out string? problem)
    {
        route = default;
        if (!TryParseScheme(scheme, out var schemeId, out problem))
        {
            return false;
        }

        if (!TryParseYear(year, out var budgetYear, out problem))
        {
            return false;
        }

        route = new YearRoute(schemeId, budgetYear);
        return true;
    }

    /// <summary>A budget year: four digits from 2000 to 2999.</summary>
    public static bool TryParseYear(string? year, out int value, [NotNullWhen(false)] out string? problem)
    {
        value = 0;
        if (year is not { Length: 4 } || !year.All(char.IsAsciiDigit) || int.Parse(year, CultureInfo.InvariantCulture) is < 2000 or > 2999)
        {
            problem = $"Året '{Shorten(year)}' är inget budgetår: fyra siffror från 2000 till 2999.";
            return false;
        }

        value = int.Parse(year, CultureInfo.InvariantCulture);
        problem = null;
        return true;
    }

    public override string ToString() => $"{Scheme} {Year}";

    /// <summary>Echoes at most a little of what was sent, so a long or hostile value does not fill the answer.</summary>
    internal static string Shorten(string? value) => DocumentText.Quote(value ?? "", 50);

    /// <summary>A scheme id: 2-40 characters of a-z, 0-9 and '-'.</summary>
    public static bool TryParseScheme(string? value, out SchemeId scheme, [NotNullWhen(false)] out string? problem) =>
        TryParseId(value, id => new SchemeId(id), "Samverkan",
            "inget id för en samverkan: 2–40 tecken av a–z, 0–9 och '-', som börjar med en bokstav eller siffra (t.ex. region-mitt-pom)",
            out scheme, out problem);

    /// <summary>A party code from the route (the code's own rule; the problem says it in Swedish).</summary>
    public static bool TryParseParty(string? value, out PartyCode party, [NotNullWhen(false)] out string? problem) =>
        TryParseId(value, code => new PartyCode(code), "Partskoden",
            "ingen partskod: 2–32 tecken av A–Z, 0–9 och '-', som börjar med en bokstav eller siffra (t.ex. 1980 eller REGION-19)",
            out party, out problem);

    /// <summary>
    /// An id from the route, made by its own type (which refuses with a <see cref="FormatException"/>); the problem in
    /// Swedish names what is hidden in it (<see cref="IdText"/>) or else the id's rule.
    /// </summary>
    private static bool TryParseId<T>(string? value, Func<string, T> create, string named, string notOne, out T id, [NotNullWhen(false)] out string? problem)
        where T : struct
    {
        id = default;
        problem = null;
        try
        {
            id = create(value!);
            return true;
        }
        catch (FormatException)
        {
            problem = IdText.SwedishProblem(value) is { } hidden
                ? $"{named} '{Shorten(value)}' {hidden}"
                : $"'{Shorten(value)}' är {notOne}.";
            return false;
        }
    }
}
