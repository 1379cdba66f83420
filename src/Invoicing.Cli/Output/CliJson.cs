using System.Text.Encodings.Web;
using System.Text.Json;

namespace Invoicing.Cli.Output;

/// <summary>
/// The one JSON shape of CLI output: camelCase, indented, Swedish letters unescaped, invariant numbers. A character
/// <see cref="DisplayText"/> hides and the relaxed encoder leaves raw (a direction override, a line separator) is
/// written as its <c>\uXXXX</c> escape — the same JSON value, which cannot turn the terminal's text around.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(Shown(JsonSerializer.Serialize(value, Options)));

    /// <summary>
    /// Escapes within the lines of indented JSON: the writer already escapes every control character inside a
    /// string, so what is left to escape can only be inside a string, where <c>\uXXXX</c> means the same character.
    /// </summary>
    internal static string Shown(string json) =>
        string.Join('\n', json.Split('\n').Select(line => line.EndsWith('\r') ? DisplayText.Escape(line[..^1]) + "\r" : DisplayText.Escape(line)));
}
