using Azure.Core;
using Azure.Identity;
using Invoicing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>
/// Who the app is in Azure: its user-assigned managed identity, named by one app setting,
/// <c>Invoicing__Identity__ClientId</c>, which the Bicep sets. The credential is a <see cref="ManagedIdentityCredential"/>
/// for exactly that identity, never a <c>DefaultAzureCredential</c> that would try environment variables, a
/// workload identity or a developer's login first: in Azure there is one right answer and it is asked directly.
/// Storage and telemetry use the same credential. Locally (Azurite, no telemetry) no identity is needed.
/// </summary>
internal sealed class AppIdentity
{
    public const string Section = "Invoicing:Identity";

    private AppIdentity(string? clientId) =>
        Credential = string.IsNullOrWhiteSpace(clientId)
            ? null
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId.Trim()));

    /// <summary>The managed identity's credential, or null where no client id is configured.</summary>
    public TokenCredential? Credential { get; }

    public static AppIdentity From(IConfiguration configuration) => new(configuration[$"{Section}:ClientId"]);

    /// <summary>
    /// Registers the credential for the library's storage clients, and refuses to start an app whose storage is
    /// reached by URI (so by identity) without a client id: it would otherwise fail at its first timer.
    /// </summary>
    public void Register(IServiceCollection services)
    {
        if (Credential is not null)
        {
            services.AddSingleton(Credential);
        }

        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageNeedsIdentity(Credential is not null));
    }

    private sealed class StorageNeedsIdentity(bool configured) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            !options.UsesCredential || configured
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{Section}:ClientId is missing: the app reaches {StorageOptions.Section}'s service URIs as its user-assigned managed identity, whose client id this setting names.");
    }
}
