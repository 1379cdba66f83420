using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web;

/// <summary>
/// The API's error answers: RFC 7807 bodies as <c>application/problem+json</c> (which <c>BadRequest&lt;ProblemDetails&gt;</c>
/// would send as plain JSON), whose <c>detail</c> says what was wrong and what to send instead.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        Status(StatusCodes.Status400BadRequest, "The request is not valid.", detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Status(StatusCodes.Status404NotFound, "Not found.", detail);

    /// <summary>Any other status (403, 409, 413, 415).</summary>
    public static ProblemHttpResult Status(int statusCode, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: title);
}
