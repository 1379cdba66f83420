using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>The finance page's files (<see cref="InvoicingPage"/>); <c>/</c> is the page itself.</summary>
public static class PageEndpoints
{
    public static Results<FileStreamHttpResult, ProblemHttpResult> Get(string? path)
    {
        if (InvoicingPage.Find(path) is not { } found)
        {
            return ApiProblems.NotFound($"Det finns inget på /{YearRoute.Shorten(path)}.");
        }

        return TypedResults.Stream(found.File.CreateReadStream(), found.ContentType, lastModified: found.File.LastModified);
    }
}
