using System.Text.Json.Nodes;

namespace Invoicing.Tests.Populations;

/// <summary>The saved SCB answers (TestData/scb-pxweb, CC0) and altered copies for the refusals.</summary>
internal static class ScbResponses
{
    public const string Tab5557File = "TAB5557_sv_ac392dca4f25fab2.json";
    public const string Tab638File = "TAB638_sv_2444c12de92d7e39.json";

    public static byte[] Tab5557 => Read(Tab5557File);

    public static byte[] Tab638 => Read(Tab638File);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "scb-pxweb", name));

    /// <summary>The TAB5557 answer with its SCB body changed by <paramref name="change"/>.</summary>
    public static byte[] Tab5557With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Tab5557)!.AsObject();
        change(root["response"]!.AsObject());
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
