namespace Invoicing.Web.Identity;

/// <summary>Where a host takes its callers' identity from; each host picks exactly one.</summary>
public enum WebIdentityMode
{
    /// <summary>
    /// Azure: App Service Authentication (Entra ID) sits in front and passes the signed-in user as the
    /// <c>X-MS-CLIENT-PRINCIPAL</c> header. Only safe behind it: App Service strips that header from callers.
    /// </summary>
    AppServiceAuthentication,

    /// <summary>Keys from <c>Invoicing:Web:ApiKeys</c>, sent as the <c>X-Api-Key</c> header.</summary>
    ApiKeys,

    /// <summary>
    /// Every request has the one role in <c>Invoicing:Web:DevelopmentRole</c>: for a developer's own machine,
    /// on loopback, and only when asked for explicitly (<c>serve --dev-role</c>).
    /// </summary>
    DevelopmentIdentity,
}
