using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>
/// Gives every request the one role of <see cref="InvoicingWebOptions.DevelopmentRole"/>. Registered only for
/// <see cref="WebIdentityMode.DevelopmentIdentity"/>, which <c>serve</c> uses only when <c>--dev-role</c> is given.
/// </summary>
public sealed class DevelopmentIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<InvoicingWebOptions> web)
    : ProblemAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentIdentity";

    /// <summary>The name the development identity shows on the page.</summary>
    public const string IdentityName = "utvecklingsidentitet (endast lokalt)";

    protected override string ChallengeDetail => "Ingen utvecklingsidentitet är konfigurerad.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = web.Value.DevelopmentRole;
        if (role is not (InvoicingRoles.Reader or InvoicingRoles.Finance))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, IdentityName), new Claim(ClaimTypes.Role, role!)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
