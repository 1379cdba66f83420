using System.Text;
using System.Text.Json.Nodes;
using Invoicing.Populations.Scb;

namespace Invoicing.Tests.Populations;

/// <summary>SCB's JSON-stat2 answers read by index position, with their provenance; every kind of wrong answer refused.</summary>
public sealed class JsonStat2ReaderTests
{
    [Fact]
    public void Tab5557_gives_the_published_total_of_each_of_the_290_municipalities_with_its_provenance()
    {
        var read = JsonStat2Reader.Read(ScbResponses.Tab5557, ScbResponses.Tab5557File, null, null);

        Assert.Equal((ScbTable.Tab5557, 2025, new DateOnly(2025, 12, 31)), (read.Table, read.Year, read.ReferenceDate));
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 7, 0, 0, TimeSpan.Zero), read.Updated);
        Assert.Equal(290, read.ByMunicipality.Count);
        Assert.Equal((161_240L, 249_726L, 104_108L, 999_239L), (read.ByMunicipality["1980"], read.ByMunicipality["0380"], read.ByMunicipality["2180"], read.ByMunicipality["0180"]));
        Assert.Equal(10_605_520L, read.ByMunicipality.Values.Sum());
        Assert.StartsWith("POST https://statistikdatabasen.scb.se/api/v2/tables/TAB5557/data?lang=sv&outputFormat=json-stat2 {\"selection\":[{\"variableCode\":\"Alder\",\"valueCodes\":[\"TotSA\"]}", read.Request, StringComparison.Ordinal);
        Assert.Equal("SCB TAB5557 Folkmängd 31 december 2025 (000007ME), uppdaterad 2026-02-24", read.SourceText);
    }

    [Fact]
    public void Tab638_sums_the_eight_cells_of_sex_and_civil_status_it_has_no_total_for()
    {
        var read = JsonStat2Reader.Read(ScbResponses.Tab638, ScbResponses.Tab638File, null, 2005);
        var split = JsonStat2Reader.Read(ScbResponses.Tab638, ScbResponses.Tab638File, null, 2002);

        Assert.Equal((ScbTable.Tab638, new DateOnly(2005, 12, 31)), (read.Table, read.ReferenceDate));
        Assert.Equal(183_308L, read.ByMunicipality["0380"]);
        Assert.Equal((179_673L, 12_586L), (split.ByMunicipality["0380"], split.ByMunicipality["0330"]));
    }

    [Fact]
    public void A_raw_scb_body_without_a_wrapper_is_read_with_the_request_the_caller_made()
    {
        var body = Encoding.UTF8.GetBytes(JsonNode.Parse(ScbResponses.Tab5557)!["response"]!.ToJsonString());

        var read = JsonStat2Reader.Read(body, "answer.json", "POST http://scb/tables/TAB5557/data {…}", null);

        Assert.Equal(("POST http://scb/tables/TAB5557/data {…}", 161_240L), (read.Request, read.ByMunicipality["1980"]));
    }

    [Fact]
    public void An_index_given_as_an_array_of_codes_is_read_by_position()
    {
        var bytes = ScbResponses.Tab5557With(r =>
        {
            var index = r["dimension"]!["Region"]!["category"]!["index"]!.AsObject();
            var codes = index.OrderBy(p => (int)p.Value!).Select(p => JsonValue.Create(p.Key)).ToArray<JsonNode?>();
            r["dimension"]!["Region"]!["category"]!["index"] = new JsonArray(codes);
        });

        Assert.Equal(161_240L, JsonStat2Reader.Read(bytes, "f.json", null, null).ByMunicipality["1980"]);
    }

    public static TheoryData<string, Func<byte[]>, string> Refusals => new()
    {
        { "another table", () => ScbResponses.Tab5557With(r => r["extension"]!["px"]!["tableid"] = "TAB1267"), "f.json: table 'TAB1267' is not SCB's population per municipality (TAB638 up to 2024, TAB5557 from 2025)." },
        { "another content", () => ScbResponses.Tab5557With(r => Rename(r, "ContentsCode", "000007ME", "000001NW")), "f.json: content code 000001NW is not TAB5557's population (000007ME)." },
        { "a county", () => ScbResponses.Tab5557With(r => Rename(r, "Region", "0114", "03")), "f.json: region 03 (Upplands Väsby) is not a municipality; import municipalities only." },
        { "a fraction", () => ScbResponses.Tab5557With(r => r["value"]![216] = 161240.5), "f.json: the value for region 1980 (Västerås), Alder=TotSA, Civilstand=SC, ContentsCode=000007ME, Kon=TotSa, Tid=2025 is 161240.5; a population must be a whole number of 0 or more." },
        { "a negative", () => ScbResponses.Tab5557With(r => r["value"]![216] = -1), "f.json: the value for region 1980 (Västerås), Alder=TotSA, Civilstand=SC, ContentsCode=000007ME, Kon=TotSa, Tid=2025 is -1; a population must be a whole number of 0 or more." },
        { "a null", () => ScbResponses.Tab5557With(r => r["value"]![216] = null), "f.json: the value for region 1980 (Västerås), Alder=TotSA, Civilstand=SC, ContentsCode=000007ME, Kon=TotSa, Tid=2025 is null; a population must be a whole number of 0 or more." },
        { "values cut off", () => ScbResponses.Tab5557With(r => r["value"]!.AsArray().RemoveAt(289)), "f.json: holds 289 values but its dimensions make 290: the response is cut off or not SCB's; nothing was recorded." },
        { "parts, not totals", () => ScbResponses.Tab5557With(r => Rename(r, "Kon", "TotSa", "1")), "f.json: dimension Kon has no total cell TotSa. From 2025 SCB adds noise to every cell, so parts are never summed: request Kon=TotSa." },
        { "several years", () => ScbResponses.Tab638, "f.json: holds the years 2000, 2001, 2002, 2003, 2004, 2005; say which one to import with --year." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_wrong_answer_is_refused_with_one_clear_line(string what, Func<byte[]> bytes, string message)
    {
        var e = Assert.Throws<ScbDataException>(() => JsonStat2Reader.Read(bytes(), "f.json", null, null));

        Assert.True(message == e.Message, $"{what}: {e.Message}");
    }

    [Fact]
    public void A_response_cut_off_mid_json_is_refused()
    {
        var bytes = ScbResponses.Tab5557[..20_000];

        var e = Assert.Throws<ScbDataException>(() => JsonStat2Reader.Read(bytes, "f.json", null, null));

        Assert.StartsWith("f.json: not complete JSON (line ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("a cut-off response is refused, nothing was recorded.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab638_figures_for_2025_are_refused_as_the_wrong_table()
    {
        var e = Assert.Throws<ScbDataException>(() => JsonStat2Reader.Read(ScbResponses.Tab638, "f.json", null, 2026));

        Assert.Equal("f.json: has no figures for 2026 (it holds 2000, 2001, 2002, 2003, 2004, 2005).", e.Message);
    }

    private static void Rename(JsonObject response, string dimension, string from, string to)
    {
        var category = response["dimension"]![dimension]!["category"]!.AsObject();
        foreach (var part in new[] { "index", "label" })
        {
            if (category[part] is JsonObject map && map[from] is { } value)
            {
                map.Remove(from);
                map[to] = value.DeepClone();
            }
        }
    }
}
