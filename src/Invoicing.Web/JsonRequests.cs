using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web;

/// <summary>Reading a small JSON body: the content type, the size limit and the JSON itself, each refused with its own problem.</summary>
internal static class JsonRequests
{
    /// <param name="what">What the body is, for the messages, in Swedish ("en stängning").</param>
    /// <param name="example">The body as it should be, shown when the content type is wrong.</param>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, string what, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Skicka JSON.", $"Skicka {what} som application/json: {example}."));
        }

        var tooLarge = ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "Begäran är för stor.", $"{char.ToUpperInvariant(what[0])}{what[1..]} får vara högst {maxBytes} byte JSON.");
        if (!RequestBodyLimit.TryApply(request, maxBytes))
        {
            return (null, tooLarge);
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest(NotJson(what, e)));
        }
        catch (RequestTooLargeException)
        {
            return (null, tooLarge);
        }
    }

    /// <summary>
    /// The parser's own message is English; where it stopped (JSON path, line, byte) is what helps, so that is
    /// what is kept.
    /// </summary>
    internal static string NotJson(string what, JsonException e) =>
        e.Path is { } path
            ? $"Innehållet är inte {what} i JSON: fel vid {path} (rad {e.LineNumber + 1}, tecken {e.BytePositionInLine + 1})."
            : "Innehållet är inte " + what + " i JSON.";
}
