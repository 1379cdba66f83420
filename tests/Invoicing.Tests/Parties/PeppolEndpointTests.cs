using Invoicing.Parties;

namespace Invoicing.Tests.Parties;

public sealed class PeppolEndpointTests
{
    private static readonly OrganisationNumber Vasteras = new("212000-2080");

    [Fact]
    public void Scheme_0007_alone_means_the_party_s_own_organisation_number()
    {
        Assert.Equal("0007:2120002080", PeppolEndpoint.Parse("0007", Vasteras).ToString());
    }

    [Fact]
    public void Scheme_0007_alone_without_an_organisation_number_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => PeppolEndpoint.Parse("0007", null));
        Assert.Contains("org_number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0007:2120002080", "0007:2120002080")]
    [InlineData("0007:212000-2080", "0007:2120002080")]
    [InlineData(" 0088:7300010000001 ", "0088:7300010000001")]
    public void Explicit_endpoints_are_read_as_digits(string text, string expected)
    {
        Assert.Equal(expected, PeppolEndpoint.Parse(text, null).ToString());
    }

    [Theory]
    [InlineData("0007:2120002081", "check digit")]
    [InlineData("0088:7300010000002", "GS1 check digit")]
    [InlineData("0088:730001000000", "13 digits")]
    [InlineData("9955:123", "must be 0007")]
    [InlineData("", "must be 0007")]
    public void Wrong_endpoints_are_refused_saying_why(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => PeppolEndpoint.Parse(text, Vasteras));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
