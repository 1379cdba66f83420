using Invoicing.Documents;

namespace Invoicing.Tests.Documents;

/// <summary>
/// What one invoice PDF may cost (issue 12): at most 40 KB on disk and 256 KiB of allocations. Speed is measured by
/// ./benchmark.sh, not here: a timed test on a shared machine would only be noise.
/// </summary>
public sealed class InvoicePdfCostTests
{
    private static readonly InvoicePdfRenderer Renderer = new();

    [Fact]
    public void An_invoice_with_a_long_description_is_at_most_40_KB()
    {
        var document = new InvoiceDocumentBuilder()
            .AsExample()
            .WithBuyerReference("Ansvar 1234, verksamhet 5678, projekt 9012, Anna Andersson")
            .WithLines(
                new DocumentLine("Bidrag 2026 till den gemensamma regionala utvecklingsverksamheten, fördelat efter folkmängd enligt SCB: " +
                    "ÅÄÖ åäö éü – § 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ", Money.FromKronor(43_035)),
                new DocumentLine("Kort rad", Money.FromKronor(1_000)))
            .Build();

        Assert.InRange(Renderer.Render(document).Length, 1, 40_000);
    }

    [Fact]
    public void Rendering_an_invoice_allocates_at_most_256_KiB()
    {
        var document = new InvoiceDocumentBuilder().AsExample().Build();
        Renderer.Render(document);

        const int renders = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < renders; i++)
        {
            Renderer.Render(document);
        }

        var perRender = (GC.GetAllocatedBytesForCurrentThread() - before) / renders;
        Assert.InRange(perRender, 1, 256 * 1024);
    }
}
