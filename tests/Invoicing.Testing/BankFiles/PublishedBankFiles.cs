namespace Invoicing.Testing.BankFiles;

/// <summary>
/// The bank files others wrote that the tests read (<c>tests/Invoicing.Tests/TestData/bank-files</c>, linked into
/// each test project's output; sources and licences in the README beside them).
/// </summary>
public static class PublishedBankFiles
{
    /// <summary>Bankgirot's published BgMax example, byte for byte.</summary>
    public const string BgMaxExample = "bgmax-bankgirot-example.txt";

    /// <summary>Bankgirot's example with its dates in 2026 and its references naming invoices of the bundled data.</summary>
    public const string BgMaxExample2026 = "bgmax-bankgirot-example-2026.txt";

    /// <summary>A camt.054.001.08 shaped like the ISO 20022 examples: payments, a supplier payment, a reversal, a charge, a pending credit.</summary>
    public const string Camt054Sample = "camt054-iso20022-sample.xml";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "bank-files", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The camt.054 sample as text, to derive another delivery from it (another day, another order).</summary>
    public static string Camt054SampleText() => File.ReadAllText(PathOf(Camt054Sample));
}
