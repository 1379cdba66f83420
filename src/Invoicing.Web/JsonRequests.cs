using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web;

/// <summary>Reading a small JSON body: the content type, the size limit and the JSON itself, each refused with its own problem.</summary>
internal static class JsonRequests
{
    /// <param name="what">What the body is, for the messages ("a closing").</param>
    /// <param name="example">The body as it should be, shown when the content type is wrong.</param>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, string what, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Skicka JSON.", $"Send {what} as application/json: {example}."));
        }

        var tooLarge = ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "Begäran är för stor.", $"{char.ToUpperInvariant(what[0])}{what[1..]} is at most {maxBytes} bytes of JSON.");
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
            return (null, ApiProblems.BadRequest($"The body is not {what} in JSON: {e.Message}"));
        }
        catch (RequestTooLargeException)
        {
            return (null, tooLarge);
        }
    }
}
