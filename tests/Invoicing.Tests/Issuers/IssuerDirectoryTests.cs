using Invoicing.Budgets;
using Invoicing.Composition;
using Invoicing.Issuers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Tests.Issuers;

/// <summary>Each scheme's issuer: its own entry in <c>Invoicing:Schemes</c>, else <c>Invoicing:Issuer</c>, as app settings give them.</summary>
public sealed class IssuerDirectoryTests
{
    private static readonly SchemeId RegionMitt = new("region-mitt-pom");
    private static readonly SchemeId Stockholm = new("stockholm-pom");

    private static Dictionary<string, string?> DefaultIssuer() => new()
    {
        ["Invoicing:Issuer:Id"] = "vasteras-stad",
        ["Invoicing:Issuer:Name"] = "Västerås stad",
        ["Invoicing:Issuer:PartyCode"] = "1980",
        ["Invoicing:Issuer:AddressLines:0"] = "721 87 Västerås",
        ["Invoicing:Issuer:OrganisationNumber"] = "212000-0001",
        ["Invoicing:Issuer:Bankgiro"] = "991-2346",
        ["Invoicing:Issuer:ContactName"] = "Ekonomi",
        ["Invoicing:Issuer:ContactPhone"] = "021-00 00 00",
        ["Invoicing:Issuer:ContactEmail"] = "faktura@example.se",
    };

    private static Dictionary<string, string?> WithStockholm(Dictionary<string, string?> settings, string id = "stockholms-stad", string? bankgiro = "991-2353")
    {
        settings["Invoicing:Schemes:0:Scheme"] = "stockholm-pom";
        settings["Invoicing:Schemes:0:Issuer:Id"] = id;
        settings["Invoicing:Schemes:0:Issuer:Name"] = "Stockholms stad";
        settings["Invoicing:Schemes:0:Issuer:PartyCode"] = "0180";
        settings["Invoicing:Schemes:0:Issuer:AddressLines:0"] = "100 00 Stockholm";
        settings["Invoicing:Schemes:0:Issuer:OrganisationNumber"] = "212000-9002";
        settings["Invoicing:Schemes:0:Issuer:Bankgiro"] = bankgiro;
        settings["Invoicing:Schemes:0:Issuer:ContactName"] = "Ekonomienheten";
        settings["Invoicing:Schemes:0:Issuer:ContactPhone"] = "08-000 00 00";
        settings["Invoicing:Schemes:0:Issuer:ContactEmail"] = "faktura.stockholm@example.se";
        return settings;
    }

    private static IssuerDirectory Directory(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddInvoicing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IssuerDirectory>();

    [Fact]
    public void Without_scheme_entries_every_scheme_has_the_one_configured_issuer()
    {
        var directory = Directory(DefaultIssuer());

        Assert.Equal("vasteras-stad", directory.For(RegionMitt).Id);
        Assert.Equal("vasteras-stad", directory.For(Stockholm).Id);
        Assert.Equal("1980", directory.OwnParty(Stockholm)?.Value);
        Assert.Single(directory.All());
    }

    [Fact]
    public void A_scheme_with_its_own_issuer_has_its_name_bankgiro_own_party_and_number_series()
    {
        var directory = Directory(WithStockholm(DefaultIssuer()));

        var stockholm = directory.For(Stockholm);
        Assert.Equal(("stockholms-stad", "Stockholms stad", "991-2353"), (stockholm.Id, stockholm.Name, stockholm.Bankgiro.ToString()));
        Assert.Equal("0180", directory.OwnParty(Stockholm)?.Value);
        Assert.Equal("vasteras-stad", directory.For(RegionMitt).Id);
        Assert.Equal("1980", directory.OwnParty(RegionMitt)?.Value);
        Assert.Equal(["vasteras-stad", "stockholms-stad"], directory.All().Select(i => i.Id).ToArray());
    }

    [Fact]
    public void A_scheme_issuer_borrows_nothing_from_the_default_and_its_error_names_its_own_section()
    {
        var directory = Directory(WithStockholm(DefaultIssuer(), bankgiro: null));

        // The settings are validated before any issuer is read (ValidateOnStart in a host); the message names the section.
        var e = Assert.Throws<OptionsValidationException>(() => directory.For(Stockholm));

        Assert.Equal(["Invoicing:Schemes:0:Issuer:Bankgiro is missing."], e.Failures);
    }

    [Fact]
    public void Two_organisations_cannot_share_a_number_series()
    {
        var directory = Directory(WithStockholm(DefaultIssuer(), id: "vasteras-stad"));

        var e = Assert.Throws<OptionsValidationException>(() => directory.For(Stockholm));

        Assert.Contains("two issuers cannot share a number series", e.Failures.Single(), StringComparison.Ordinal);
    }
}
