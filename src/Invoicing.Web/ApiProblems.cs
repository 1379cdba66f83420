using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Invoicing.Web;

/// <summary>
/// The API's error answers: RFC 7807 bodies as <c>application/problem+json</c> (which <c>BadRequest&lt;ProblemDetails&gt;</c>
/// would send as plain JSON), in Swedish, since the pages show them: the <c>title</c> names the kind of refusal, the
/// <c>detail</c> says what was wrong and what to send instead.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        Status(StatusCodes.Status400BadRequest, "Begäran är inte giltig.", detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Status(StatusCodes.Status404NotFound, "Hittades inte.", detail);

    /// <summary>Any other status (403, 409, 413, 415).</summary>
    public static ProblemHttpResult Status(int statusCode, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: title);

    /// <summary>A refusal the ledger raised, told in its Swedish words (the English ones are the terminal's).</summary>
    public static ProblemHttpResult BadRequest(ISwedishMessage refusal) => BadRequest(refusal.SwedishMessage);

    public static ProblemHttpResult NotFound(ISwedishMessage refusal) => NotFound(refusal.SwedishMessage);

    public static ProblemHttpResult Status(int statusCode, string title, ISwedishMessage refusal) =>
        Status(statusCode, title, refusal.SwedishMessage);

    /// <summary>
    /// A problem the framework wrote itself (an unknown route, a wrong method, a server fault) gets its title in
    /// English, the status's reason phrase: it is put in Swedish; a title the API chose is kept.
    /// </summary>
    internal static void InSwedish(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is null
            || problem.Title == ReasonPhrases.GetReasonPhrase(status)
            || problem.Title == "An error occurred while processing your request.")
        {
            problem.Title = SwedishTitle(status);
        }
    }

    private static string SwedishTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Begäran är inte giltig.",
        StatusCodes.Status401Unauthorized => "Inloggning krävs.",
        StatusCodes.Status403Forbidden => "Inte tillåtet.",
        StatusCodes.Status404NotFound => "Hittades inte.",
        StatusCodes.Status405MethodNotAllowed => "Metoden är inte tillåten här.",
        StatusCodes.Status409Conflict => "Det går inte i det här läget.",
        StatusCodes.Status413PayloadTooLarge => "Begäran är för stor.",
        StatusCodes.Status415UnsupportedMediaType => "Fel innehållstyp.",
        >= 500 => "Ett fel uppstod i servern.",
        _ => "Begäran kunde inte utföras.",
    };
}
