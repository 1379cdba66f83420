using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>Identifies a caller by the <c>X-Api-Key</c> header against <see cref="ApiKeyRing"/>; the key's role is the caller's, and a member key's party its party claim.</summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : ProblemAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override string ChallengeDetail => $"Skicka en API-nyckel i huvudet {HeaderName} (nycklarna konfigureras i {InvoicingWebOptions.Section}:ApiKeys).";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = values.Count == 1 ? keys.Find(values[0]!) : null;
        if (key is null)
        {
            LogRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role)], SchemeName);
        if (!string.IsNullOrEmpty(key.Party))
        {
            identity.AddClaim(new Claim(InvoicingClaims.Party, key.Party));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    [LoggerMessage(EventId = 4000, EventName = "ApiKeyRejected", Level = LogLevel.Warning, Message = "Rejected an unknown API key from {RemoteAddress}")]
    private static partial void LogRejected(ILogger logger, string remoteAddress);
}
