using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>
/// The signed-in user as App Service Authentication passes it on (<see cref="ClientPrincipal"/>). Registered
/// only for <see cref="WebIdentityMode.AppServiceAuthentication"/>: App Service removes the header from
/// incoming requests and sets it itself, so behind it the header can be believed, and nowhere else.
/// </summary>
public sealed partial class ClientPrincipalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : ProblemAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppServiceAuthentication";

    protected override string ChallengeDetail => "Logga in: App Service-autentiseringen (Entra ID) skickade ingen inloggad användare med den här begäran.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[ClientPrincipal.HeaderName];
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = ClientPrincipal.Parse(header[0]!, out var problem);
        if (principal is null)
        {
            LogUnreadable(Logger, problem!);
            return Task.FromResult(AuthenticateResult.Fail(problem!));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    [LoggerMessage(EventId = 4001, EventName = "ClientPrincipalUnreadable", Level = LogLevel.Warning, Message = "Ignored an unreadable client principal: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);
}
