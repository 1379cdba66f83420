using System.Text;
using Invoicing.EInvoices;
using Invoicing.Testing.Peppol;
using Xunit.Abstractions;

namespace Invoicing.Tests.EInvoices;

/// <summary>
/// Every generated e-invoice passes Peppol BIS Billing 3.0 as the official artefacts check it (UBL 2.1 XSD, CEN
/// EN 16931 and Peppol schematrons of release 2026.5): the demo's invoices (those with a shared line carrying their
/// share's specification as a CSV attachment), credit notes, a void's credit note, a revision's credit note with its
/// specification and edge cases, in one Java process. A deliberately broken document in the same batch proves the validator does fail.
/// </summary>
public sealed class PeppolConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_generated_invoice_and_credit_note_passes_the_XSD_and_both_schematrons_without_a_fatal_assert()
    {
        var documents = GeneratedDocuments.AllAsUbl(out var ineligible).ToDictionary(d => d.Name, d => d.Xml, StringComparer.Ordinal);
        var broken = Encoding.UTF8.GetString(documents["demo-202600001.xml"]);
        var withoutReference = System.Text.RegularExpressions.Regex.Replace(broken, @"\s*<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", "");
        var batch = new Dictionary<string, byte[]>(documents) { ["broken-no-buyer-reference.xml"] = Encoding.UTF8.GetBytes(withoutReference) };

        if (Environment.GetEnvironmentVariable("PEPPOL_SAMPLES_DIR") is { Length: > 0 } samples)
        {
            // For a person to read or to check with another validator; the test itself needs no files.
            Directory.CreateDirectory(samples);
            foreach (var (name, xml) in batch)
            {
                await File.WriteAllBytesAsync(Path.Combine(samples, name), xml);
            }
        }

        var report = await PeppolValidator.ValidateAsync(batch);

        var brokenFindings = report.Findings.Where(f => f.Document == "broken-no-buyer-reference.xml").ToArray();
        Assert.Contains(brokenFindings, f => f.IsFatal && f.RuleId == "PEPPOL-EN16931-R003");
        var generated = report with { DocumentCount = documents.Count, Findings = report.Findings.Except(brokenFindings).ToArray() };
        output.WriteLine(generated.Summary());
        output.WriteLine($"Demo invoices without an e-invoice (by design): {ineligible}.");
        foreach (var warning in generated.Warnings)
        {
            output.WriteLine(warning.ToString());
        }

        Assert.Equal(29 + GeneratedDocuments.EdgeCases().Count + 2, documents.Count);
        Assert.Contains("<CreditNote", Encoding.UTF8.GetString(documents["void-credit-note.xml"]), StringComparison.Ordinal);

        // The specifications are in the batch: every demo invoice with a shared line, and a revision's credit note.
        var specified = documents.Where(d => UblAttachments.Read(d.Value).Any(a => a.MimeCode == "text/csv")).Select(d => d.Key).ToArray();
        output.WriteLine($"Documents carrying the share's specification (text/csv): {specified.Length}.");
        Assert.Contains("revision-credit-note-with-specification.xml", specified);
        Assert.Equal(GeneratedDocuments.DemoInvoices().Count(d => EInvoiceEligibility.WhyNot(d) is null && d.Attachments.Count > 0), specified.Length - 1);
        Assert.True(specified.Length > 20, $"only {specified.Length} documents carry a specification");
        generated.AssertNoFatal();
    }
}
