using Invoicing.Issuers;

namespace Invoicing.Tests.Issuers;

public sealed class IssuerTests
{
    private static IssuerOptions ValidOptions() => new()
    {
        Id = "region-mitt",
        Name = " Gävle kommun, Region Mitt-samordningen ",
        AddressLines = ["Drottninggatan 22", " 801 84 Gävle "],
        OrganisationNumber = "202100-6693",
        Bankgiro = "991-2346",
        ContactName = "Anna Andersson",
        ContactPhone = "026-17 80 00",
        ContactEmail = "ekonomi@example.se",
    };

    [Fact]
    public void Valid_options_give_an_issuer_with_trimmed_details()
    {
        var issuer = Issuer.FromOptions(ValidOptions());

        Assert.Equal("region-mitt", issuer.Id);
        Assert.Equal("Gävle kommun, Region Mitt-samordningen", issuer.Name);
        Assert.Equal(["Drottninggatan 22", "801 84 Gävle"], issuer.AddressLines);
        Assert.Equal("202100-6693", issuer.OrganisationNumber.ToString());
        Assert.Equal("991-2346", issuer.Bankgiro.ToString());
        Assert.Equal(30, issuer.Terms.PaymentTermsDays);
        Assert.Equal(0, issuer.Terms.VatRatePercent);
        Assert.False(issuer.IsExample);
    }

    [Fact]
    public void Bank_files_must_be_addressed_to_the_bankgiro_or_a_configured_receiving_account()
    {
        var options = ValidOptions();
        options.ReceivingAccounts = ["SE45 5000 0000 0583 9825 7466"];
        var accounts = Issuer.FromOptions(options).ReceivingAccounts;

        Assert.True(accounts.Contains(Issuer.FromOptions(options).Bankgiro.Digits));
        Assert.True(accounts.Contains("000" + Issuer.FromOptions(options).Bankgiro.Digits));
        Assert.True(accounts.Contains("se4550000000058398257466"));
        Assert.False(accounts.Contains("SE3550000000054910000003"));
        Assert.False(accounts.Contains(null));
    }

    [Fact]
    public void An_empty_receiving_account_is_a_configuration_error()
    {
        var options = ValidOptions();
        options.ReceivingAccounts = [" "];

        var error = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.Contains("Invoicing:Issuer:ReceivingAccounts has an empty entry.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VAT_number_is_derived_from_the_organisation_number_when_not_given()
    {
        Assert.Equal("SE202100669301", Issuer.FromOptions(ValidOptions()).VatNumber);
    }

    [Fact]
    public void Given_VAT_number_is_kept()
    {
        var options = ValidOptions();
        options.VatNumber = " SE202100669301 ";
        Assert.Equal("SE202100669301", Issuer.FromOptions(options).VatNumber);
    }

    [Fact]
    public void Without_VAT_text_the_default_no_VAT_text_is_printed()
    {
        var terms = Issuer.FromOptions(ValidOptions()).Terms;

        Assert.Equal(Issuer.DefaultVatText, terms.VatText);
        Assert.Contains("mervärdesskattelagen (2023:200)", terms.VatText, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_VAT_text_and_rate_are_used()
    {
        var options = ValidOptions();
        options.VatRatePercent = 25;
        options.VatText = " Moms 25 % ";
        options.PaymentTermsDays = 20;
        options.IsExample = true;

        var issuer = Issuer.FromOptions(options);

        Assert.Equal(new InvoiceTerms(20, 25, "Moms 25 %"), issuer.Terms);
        Assert.True(issuer.IsExample);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_name_is_refused_naming_the_field(string? name)
    {
        var options = ValidOptions();
        options.Name = name;

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.Equal("Invoicing:Issuer:Name is missing.", Assert.Single(e.Problems));
        Assert.Contains("Invoicing:Issuer:Name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bankgiro_with_a_wrong_check_digit_is_refused_naming_the_field()
    {
        var options = ValidOptions();
        options.Bankgiro = "991-2345";

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Invoicing:Issuer:Bankgiro:", problem, StringComparison.Ordinal);
        Assert.Contains("check digit", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("202100-6694")]
    [InlineData("2021-6693")]
    public void Bad_organisation_number_is_refused_naming_the_field(string number)
    {
        var options = ValidOptions();
        options.OrganisationNumber = number;

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:OrganisationNumber:", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-25)]
    [InlineData(100)]
    public void VAT_rate_that_is_not_a_Swedish_rate_is_refused_naming_the_field(int rate)
    {
        var options = ValidOptions();
        options.VatRatePercent = rate;
        options.VatText = "Moms";

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:VatRatePercent", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void VAT_rate_other_than_zero_needs_a_VAT_text()
    {
        var options = ValidOptions();
        options.VatRatePercent = 25;

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:VatText", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Payment_terms_must_be_0_to_365_days(int days)
    {
        var options = ValidOptions();
        options.PaymentTermsDays = days;

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:PaymentTermsDays", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Address_needs_a_line_and_no_empty_lines()
    {
        var options = ValidOptions();
        options.AddressLines = ["Drottninggatan 22", " "];

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:AddressLines", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("region mitt")]
    [InlineData("-region")]
    public void Issuer_id_must_be_letters_digits_and_hyphens(string id)
    {
        var options = ValidOptions();
        options.Id = id;

        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(options));

        Assert.StartsWith("Invoicing:Issuer:Id", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_or_wrong_field_is_named_at_once()
    {
        var e = Assert.Throws<IssuerConfigurationException>(() => Issuer.FromOptions(new IssuerOptions { Bankgiro = "991-2345", VatRatePercent = 7 }));

        Assert.Equal(
            [
                "Invoicing:Issuer:Id is missing.",
                "Invoicing:Issuer:Name is missing.",
                "Invoicing:Issuer:OrganisationNumber is missing.",
                "Invoicing:Issuer:Bankgiro: Bankgiro number '991-2345' fails its modulus-10 check digit.",
                "Invoicing:Issuer:ContactName is missing.",
                "Invoicing:Issuer:ContactPhone is missing.",
                "Invoicing:Issuer:ContactEmail is missing.",
                "Invoicing:Issuer:AddressLines must have at least one line and no empty lines.",
                "Invoicing:Issuer:VatRatePercent is 7; Swedish rates are 0, 6, 12 or 25.",
                "Invoicing:Issuer:VatText must say how VAT is charged when VatRatePercent is not 0.",
            ],
            e.Problems);
        Assert.All(e.Problems, p => Assert.Contains(p, e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10_000, 25, 2_500)]
    [InlineData(2, 25, 1)]
    [InlineData(-2, 25, -1)]
    [InlineData(1_001, 6, 60)]
    [InlineData(4_303_500, 0, 0)]
    public void VAT_is_rounded_half_away_from_zero_to_whole_ore(long netOre, int rate, long expectedOre)
    {
        Assert.Equal(new Money(expectedOre), new InvoiceTerms(30, rate, "Moms").VatOn(new Money(netOre)));
    }
}
