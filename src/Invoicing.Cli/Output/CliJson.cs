using System.Text.Encodings.Web;
using System.Text.Json;

namespace Invoicing.Cli.Output;

/// <summary>The one JSON shape of CLI output: camelCase, indented, Swedish letters unescaped, invariant numbers.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
