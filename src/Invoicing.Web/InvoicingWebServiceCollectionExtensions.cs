using System.Text.Encodings.Web;
using System.Text.Unicode;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Web;

/// <summary>Registration of finance's API for a host; the host also registers the product (<c>AddInvoicing</c>).</summary>
public static class InvoicingWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the API needs besides the product's services (<c>AddInvoicing</c>): ProblemDetails, JSON
    /// settings, the one authentication scheme of <paramref name="identity"/> and the <see cref="InvoicingPolicies"/>.
    /// Settings that cannot serve <paramref name="identity"/> stop the host at start-up.
    /// </summary>
    public static IServiceCollection AddInvoicingWeb(this IServiceCollection services, IConfiguration configuration, WebIdentityMode identity)
    {
        services.AddOptions<InvoicingWebOptions>().Bind(configuration.GetSection(InvoicingWebOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvoicingWebOptions>>(new InvoicingWebOptionsValidator(identity));
        services.AddSingleton<ApiKeyRing>();
        // Kept per process, each safe by its own rule (see the types): a year's documents while its version stands, PDFs by their hash.
        services.AddSingleton<YearDocuments>();
        services.AddSingleton<InvoicePdfs>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.InSwedish);

        // Swedish letters stay readable in the JSON; characters that matter to HTML are still escaped. A body naming a
        // field twice is refused (400), never read as whichever came last: what a person checked is what is booked.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.AllowDuplicateProperties = false;
        });

        // Exactly one scheme, the default: a host never accepts an identity from a source it was not set up for.
        switch (identity)
        {
            case WebIdentityMode.AppServiceAuthentication:
                services.AddAuthentication(ClientPrincipalAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, ClientPrincipalAuthenticationHandler>(ClientPrincipalAuthenticationHandler.SchemeName, null);
                break;
            case WebIdentityMode.ApiKeys:
                services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
                break;
            case WebIdentityMode.DevelopmentIdentity:
                services.AddAuthentication(DevelopmentIdentityHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, DevelopmentIdentityHandler>(DevelopmentIdentityHandler.SchemeName, null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(identity), identity, "Unknown identity mode.");
        }

        var reader = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(InvoicingRoles.Reader, InvoicingRoles.Finance).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(InvoicingPolicies.Reader, reader)
            .AddPolicy(InvoicingPolicies.Finance, policy => policy.RequireAuthenticatedUser().RequireRole(InvoicingRoles.Finance))
            .AddPolicy(InvoicingPolicies.SignedIn, policy => policy.RequireAuthenticatedUser().RequireRole(InvoicingRoles.Reader, InvoicingRoles.Finance, InvoicingRoles.Member))
            // A member is not a reader (the reader policy above does not name the role): it sees its own party's routes only.
            .AddPolicy(InvoicingPolicies.Member, policy => policy.RequireAuthenticatedUser().RequireRole(InvoicingRoles.Member)
                .RequireAssertion(context => InvoicingClaims.PartyOf(context.User) is not null))
            // Anything mapped later without a policy of its own is still not anonymous.
            .SetFallbackPolicy(reader);
        return services;
    }
}
