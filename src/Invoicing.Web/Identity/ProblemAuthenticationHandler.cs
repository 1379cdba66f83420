using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>
/// An authentication handler whose 401 and 403 carry an RFC 7807 body saying what is missing. The body is
/// written here rather than by middleware so that a host without ASP.NET Core middleware (the Functions
/// worker, through <see cref="EndpointAccess"/>) answers exactly like <c>serve</c>.
/// </summary>
public abstract class ProblemAuthenticationHandler<TOptions>(IOptionsMonitor<TOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TOptions>(options, logger, encoder)
    where TOptions : AuthenticationSchemeOptions, new()
{
    /// <summary>What a caller without an identity should do, for the 401's <c>detail</c>.</summary>
    protected abstract string ChallengeDetail { get; }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Inloggning krävs.", ChallengeDetail);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Inte tillåtet.",
            $"Det här kräver rollen {InvoicingRoles.Finance} för att ändra något, eller {InvoicingRoles.Reader} för att titta; medlemsvägarna (api/member/) kräver {InvoicingRoles.Member} och en part. Din identitet har ingen av dem för den här begäran.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
