using Azure.Core;
using Azure.Identity;
using Invoicing.Composition;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions.Tests;

/// <summary>
/// What the worker validates before it takes its first invocation (the platform check shows the same refusal from the
/// real worker under the stand-in host): the registrations of Program.cs, checked the way the host's start checks them.
/// </summary>
public sealed class StartUpSettingsTests
{
    [Theory]
    [InlineData("Invoicing:Issuer:Bankgiro", "991-2345", "Invoicing:Issuer:Bankgiro: Bankgiro number '991-2345' fails its modulus-10 check digit.")]
    [InlineData("Invoicing:Issuer:OrganisationNumber", "", "Invoicing:Issuer:OrganisationNumber is missing.")]
    [InlineData("Invoicing:Schemes:0:Issuer:ContactEmail", "", "Invoicing:Schemes:0:Issuer:ContactEmail is missing.")]
    [InlineData("Invoicing:FinanceDigest:To", "ekonomi", "Invoicing:FinanceDigest:To 'ekonomi' must be one e-mail address or several separated by commas")]
    public void A_bad_issuer_setting_stops_the_start_with_one_line_naming_the_setting(string key, string value, string expected)
    {
        var settings = ValidSettings();
        settings[key] = value;

        var refusal = Refusal(settings);

        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
    }

    [Fact]
    public void Complete_settings_start()
    {
        Assert.Null(Refusal(ValidSettings()));
    }

    [Fact]
    public void Storage_reached_by_URI_without_the_identitys_client_id_stops_the_start()
    {
        var settings = ValidSettings();
        settings.Remove("Invoicing:Storage:ConnectionString");
        settings["Invoicing:Storage:TableServiceUri"] = "https://account.table.core.windows.net";
        settings["Invoicing:Storage:BlobServiceUri"] = "https://account.blob.core.windows.net";

        Assert.Equal(
            "Invoicing:Identity:ClientId is missing: the app reaches Invoicing:Storage's service URIs as its user-assigned managed identity, whose client id this setting names.",
            Refusal(settings));
    }

    [Fact]
    public void With_the_client_id_the_app_authenticates_as_exactly_that_managed_identity()
    {
        var settings = ValidSettings();
        settings["Invoicing:Identity:ClientId"] = "00000000-0000-0000-0000-000000000042";

        using var services = Services(settings);

        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void Storage_with_neither_a_connection_string_nor_both_URIs_stops_the_start()
    {
        var settings = ValidSettings();
        settings.Remove("Invoicing:Storage:ConnectionString");
        settings["Invoicing:Storage:TableServiceUri"] = "https://account.table.core.windows.net";
        settings["Invoicing:Identity:ClientId"] = "00000000-0000-0000-0000-000000000042";

        Assert.Equal(StorageOptions.Incomplete, Refusal(settings));
    }

    private static Dictionary<string, string?> ValidSettings()
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Storage:ConnectionString"] = StorageOptions.DevelopmentStorage;
        settings["Invoicing:Schemes:0:Scheme"] = "stockholm-pom";
        foreach (var (key, value) in TestServices.ExampleIssuer().Where(s => s.Key.StartsWith("Invoicing:Issuer:", StringComparison.Ordinal)))
        {
            settings[key.Replace("Invoicing:Issuer:", "Invoicing:Schemes:0:Issuer:", StringComparison.Ordinal)] = value;
        }

        settings["Invoicing:Schemes:0:Issuer:Id"] = "stockholms-stad";
        settings["Invoicing:Schemes:0:Issuer:OrganisationNumber"] = "212000-9002";
        settings["Invoicing:Schemes:0:Issuer:Bankgiro"] = "991-2353";
        return settings;
    }

    /// <summary>The app's registrations as Program.cs makes them (identity, then the library).</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        AppIdentity.From(configuration).Register(services);
        services.AddInvoicing(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the worker would print after "Invoicing refuses to start: ", or null when it starts.</summary>
    private static string? Refusal(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (Exception e) when (SettingsRefusal.Describe(e) is { } refusal)
        {
            return refusal;
        }
    }
}
