using Invoicing.Parties;

namespace Invoicing.Tests.Parties;

public sealed class PartyTests
{
    [Theory]
    [InlineData("1980")]
    [InlineData("0114")]
    [InlineData("REGION-03")]
    [InlineData("LST-21")]
    [InlineData("JAMY")]
    public void Party_codes_are_upper_case_letters_digits_and_hyphens(string code)
    {
        Assert.Equal(code, new PartyCode(code).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("region-03")]
    [InlineData("-REGION")]
    [InlineData("REGION 03")]
    [InlineData("ÅRE")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Other_party_codes_are_refused(string code)
    {
        Assert.Throws<FormatException>(() => new PartyCode(code));
    }

    [Fact]
    public void Party_codes_order_ordinally()
    {
        Assert.True(new PartyCode("0380") < new PartyCode("1980"));
        Assert.True(new PartyCode("1980") < new PartyCode("JAMY"));
        Assert.True(new PartyCode("LST-03") > new PartyCode("JAMY"));
        Assert.True(new PartyCode("LST-03") <= new PartyCode("LST-03"));
        Assert.True(new PartyCode("LST-03") >= new PartyCode("LST-03"));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("19")]
    [InlineData("25")]
    public void County_codes_are_01_to_25(string code)
    {
        Assert.Equal(code, new CountyCode(code).Value);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("26")]
    [InlineData("3")]
    [InlineData("003")]
    [InlineData("AB")]
    public void Other_county_codes_are_refused(string code)
    {
        Assert.Throws<FormatException>(() => new CountyCode(code));
    }

    [Fact]
    public void Party_name_is_trimmed_and_required()
    {
        var party = new Party(new PartyCode("1980"), PartyKind.Municipality, "  Västerås kommun ", new CountyCode("19"), null, [], null, null);
        Assert.Equal("Västerås kommun", party.Name);

        var e = Assert.Throws<FormatException>(() => new Party(new PartyCode("1980"), PartyKind.Municipality, " ", null, null, [], null, null));
        Assert.Equal("Party 1980 has no name.", e.Message);
    }
}
