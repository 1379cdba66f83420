using System.Text.Json;

namespace Invoicing.Populations.Scb;

/// <summary>The POST body of a PxWebApi v2 data request: <c>{"selection":[{"variableCode":…,"valueCodes":[…]}…]}</c>, variables in code order.</summary>
public static class ScbRequest
{
    public static string Body(IReadOnlyDictionary<string, IReadOnlyList<string>> selection) =>
        JsonSerializer.Serialize(new
        {
            selection = selection.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new { variableCode = s.Key, valueCodes = s.Value }).ToArray(),
        }, Options);

    /// <summary>The selection for one year's population of these municipalities from the table SCB keeps it in.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> PopulationSelection(ScbTable table, int year, IReadOnlyList<string> regions)
    {
        var selection = new Dictionary<string, IReadOnlyList<string>>(table.Cells, StringComparer.Ordinal)
        {
            ["ContentsCode"] = [table.ContentCode],
            ["Region"] = regions,
            ["Tid"] = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };
        return selection;
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
