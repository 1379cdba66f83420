using System.Text.RegularExpressions;

namespace Invoicing.Tests.Payments;

/// <summary>What every refusal the pages show must be: its Swedish text set, not the English one, and in Swedish.</summary>
internal static partial class SwedishRefusals
{
    /// <summary>
    /// Asserts <paramref name="refusal"/> has a Swedish text of its own that names what the English one names (each
    /// of <paramref name="sameFacts"/> is in both) and has none of the English texts' words. Quoted values (what a
    /// file held), the facts themselves (a file name may be any word), element paths (ISO 20022 names such as
    /// <c>TtlCdtNtries/Sum</c>) and the XML reader's own description, which is the runtime's, are not judged.
    /// </summary>
    public static void AssertSwedish(Exception refusal, params string[] sameFacts)
    {
        var swedish = Assert.IsAssignableFrom<ISwedishMessage>(refusal).SwedishMessage;

        Assert.False(string.IsNullOrWhiteSpace(swedish), refusal.Message);
        Assert.NotEqual(refusal.Message, swedish);
        Assert.EndsWith(".", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', swedish);
        Assert.All(sameFacts, fact =>
        {
            Assert.Contains(fact, refusal.Message, StringComparison.Ordinal);
            Assert.Contains(fact, swedish, StringComparison.Ordinal);
        });

        var judged = sameFacts.Aggregate(swedish, (text, fact) => text.Replace(fact, "", StringComparison.Ordinal));
        judged = ElementPath().Replace(Quoted().Replace(judged, "''"), "");
        Assert.DoesNotMatch(EnglishWords(), judged);
    }

    /// <summary>Words every English refusal of payments and bank files uses and no Swedish one should.</summary>
    [GeneratedRegex(@"(?i)\b(is|not|the|and|but|of|on|to|line|record|records|file|amount|only|read|entry|entries|payment|payments|characters|kept|must|has|are|digits|columns|date|zero|empty|currency|neither|nor|after|before|without|transactions|states|sum|invoice|refund|booked|nothing|there|no|money)\b")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"\S*/\S*")]
    private static partial Regex ElementPath();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();
}
