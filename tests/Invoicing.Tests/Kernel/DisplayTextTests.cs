using CsCheck;
using Invoicing.Parties;

namespace Invoicing.Tests.Kernel;

public sealed class DisplayTextTests
{
    /// <summary>Every character the rule names: C0, DEL, C1, the separators, and the bidirectional controls.</summary>
    private static readonly char[] Hidden =
    [
        .. Enumerable.Range(0, 0x20).Select(i => (char)i), '\u007F', .. Enumerable.Range(0x80, 0x20).Select(i => (char)i),
        '\u2028', '\u2029', '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
    ];

    private static readonly Gen<string> AnyText = Gen.Char.Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> HostileText =
        Gen.OneOf(Gen.Char, OneOf(Hidden), Gen.Char['a', 'ö']).Array[0, 40].Select(chars => new string(chars));

    [Fact]
    public void Escaped_text_never_holds_a_control_separator_or_direction_character_nor_half_a_surrogate_pair()
    {
        Gen.OneOf(AnyText, HostileText).Sample(text =>
        {
            var shown = DisplayText.Escape(text);
            return DisplayText.IndexOfHidden(shown) < 0 && !shown.Any(c => Hidden.Contains(c));
        });
    }

    [Fact]
    public void Printable_text_is_shown_unchanged()
    {
        Gen.OneOf(Gen.Char[' ', '~'], OneOf(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', '\u00A0', '–', '€', '\\']))
            .Array[0, 60].Select(chars => new string(chars))
            .Sample(text => DisplayText.Escape(text) == text);
        Assert.Equal("Västerås stad 😀 43 035,00 kr", DisplayText.Escape("Västerås stad 😀 43 035,00 kr"));
    }

    [Fact]
    public void Escaping_keeps_every_printable_character_in_order_and_only_adds_escapes()
    {
        HostileText.Sample(text =>
            DisplayText.Escape(text) == string.Concat(text.Select((c, i) => DisplayText.IndexOfHidden(c.ToString()) >= 0 || IsLoneSurrogate(text, i) ? $"\\u{(int)c:X4}" : c.ToString())));
    }

    [Theory]
    [InlineData("Håbo\n  99 999,00 kr booked", "Håbo\\u000A  99 999,00 kr booked")]
    [InlineData("a\r\nb\tc\u001B[2Jd", "a\\u000D\\u000Ab\\u0009c\\u001B[2Jd")]
    [InlineData("Enköping \u202Ekommun\u202C", "Enköping \\u202Ekommun\\u202C")]
    [InlineData("x\u2066y\u2069\u200F\u061C\u2028\u2029\u0085", "x\\u2066y\\u2069\\u200F\\u061C\\u2028\\u2029\\u0085")]
    public void A_line_break_escape_or_direction_override_is_shown_as_its_code(string text, string shown)
    {
        Assert.Equal(shown, DisplayText.Escape(text));
    }

    [Fact]
    public void Half_a_surrogate_pair_is_shown_as_its_code_and_a_whole_pair_as_it_is()
    {
        Assert.Equal("\\uD800x\\uDC00😀", DisplayText.Escape("\uD800x\uDC00😀"));
    }

    [Fact]
    public void A_document_text_with_a_direction_override_is_refused_like_a_control_character()
    {
        var refused = Assert.Throws<FormatException>(() => DocumentText.Check("Håbo \u202Ekommun", 100));

        Assert.Equal("contains a direction or separator character (U+202E) at position 6.", refused.Message);
    }

    [Theory]
    [InlineData("region-mitt-pom\n")]
    [InlineData("region-mitt-pom ")]
    [InlineData(" region-mitt-pom")]
    [InlineData("region-mitt-pom\r\n")]
    [InlineData("region\u202E-mitt")]
    public void A_scheme_id_with_a_space_or_line_break_at_an_edge_or_a_hidden_character_is_refused_in_one_line_not_trimmed(string value)
    {
        var refused = Assert.Throws<FormatException>(() => new SchemeId(value));

        Assert.StartsWith("Scheme id '", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\u202E', refused.Message);
    }

    [Fact]
    public void A_party_code_or_invoice_number_with_a_trailing_line_break_is_refused_not_trimmed()
    {
        Assert.Equal(
            "Party code '1980\\u000A' has a space or line break at its start or end; an id is taken as given, never trimmed.",
            Assert.Throws<FormatException>(() => new PartyCode("1980\n")).Message);
        Assert.Equal(
            "Invoice number '202600014 ' must be nine digits: the year and a five-digit sequence, e.g. 202600017. It has a space or line break at its start or end; an id is taken as given, never trimmed.",
            Assert.Throws<FormatException>(() => InvoiceNumber.Parse("202600014 ")).Message);
        Assert.False(InvoiceNumber.TryParse("202600014\n", out _));
        Assert.Equal("region-mitt-pom", new SchemeId("region-mitt-pom").Value);
    }

    private static Gen<char> OneOf(char[] chars) => Gen.Int[0, chars.Length - 1].Select(i => chars[i]);

    private static bool IsLoneSurrogate(string text, int i) =>
        (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
}
