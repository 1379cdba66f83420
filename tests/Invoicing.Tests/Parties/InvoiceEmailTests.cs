using Invoicing.Mail;
using Invoicing.Parties;

namespace Invoicing.Tests.Parties;

/// <summary>An invoice address is exactly one plain address: nothing that could add a header or a recipient.</summary>
public sealed class InvoiceEmailTests
{
    [Theory]
    [InlineData("a@b.se\rBcc: x@y.se")]
    [InlineData("a@b.se\nBcc: x@y.se")]
    [InlineData("a@b.se\tx@y.se")]
    [InlineData("a@b.se, x@y.se")]
    [InlineData("a@b.se;x@y.se")]
    [InlineData("Kalle <a@b.se>")]
    [InlineData("a@b")]
    [InlineData("@b.se")]
    [InlineData("a@@b.se")]
    public void An_address_with_a_control_character_a_list_or_a_display_name_is_refused(string address)
    {
        Assert.Throws<FormatException>(() => InvoiceEmail.Parse(address));
        Assert.Throws<FormatException>(() => new Party(new PartyCode("1980"), PartyKind.Municipality, "Västerås stad", null, null, [], address, null));
    }

    [Fact]
    public void A_plain_address_is_kept_trimmed()
    {
        Assert.Equal("faktura@vasteras.se", InvoiceEmail.Parse(" faktura@vasteras.se "));
    }

    [Fact]
    public void The_outbox_refuses_a_recipient_with_a_control_character_whatever_built_the_message()
    {
        Assert.Throws<ArgumentException>(() => new OutboxMessage("invoice-1", "invoice", "a@b.se\rBcc: x@y.se", "Faktura", "Hej", []));
    }
}
