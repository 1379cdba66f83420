namespace Invoicing.EndToEndTests;

/// <summary>
/// Output that a walk-through in <c>docs/</c> quotes. A test asserts it here against the command's real output, and
/// <see cref="WalkthroughDocsTests"/> reads the test's source and checks that the same text is quoted in a code block
/// of a walk-through that names the test class. So a quoted line cannot drift from what the CLI prints without a
/// test failing, on whichever side it changed.
/// </summary>
internal static class Walkthrough
{
    /// <summary>
    /// Asserts that <paramref name="output"/> holds <paramref name="quoted"/>. Write <paramref name="quoted"/> as a
    /// plain string literal (WalkthroughDocsTests reads it from the source), free of today's date, with spaces where the
    /// CLI prints U+00A0 between digit groups: the docs have spaces, and both sides are compared with spaces.
    /// </summary>
    public static void Shows(string quoted, string output) =>
        Assert.Contains(Plain(quoted), Plain(output), StringComparison.Ordinal);

    /// <summary>The text with the no-break spaces Swedish amounts are printed with read as spaces.</summary>
    public static string Plain(string text) => text.Replace('\u00A0', ' ');
}
