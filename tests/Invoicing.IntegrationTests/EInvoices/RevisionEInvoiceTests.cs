using System.Xml.Linq;
using Invoicing.Documents;
using Invoicing.IntegrationTests.Revisions;
using Invoicing.Invoices;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.Peppol;
using Xunit.Abstractions;

namespace Invoicing.IntegrationTests.EInvoices;

/// <summary>The documents a budget revision issues are e-invoices too, each naming the invoice it changes and the decision that made it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionEInvoiceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    [Fact]
    public async Task A_credit_note_is_a_ubl_CreditNote_381_and_a_supplement_a_380_Invoice_both_citing_the_original_and_the_revisions_decision_and_valid_peppol()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        await scenario.RunAsync();

        var documents = await scenario.DocumentsAsync();
        var changes = documents.Where(d => d.Revision == 1).ToArray();
        var container = scenario.Get<InvoicingStorage>().Container(StorageNames.EInvoicesContainer);
        var ubl = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            Assert.True(change.EInvoiceBlobName is not null, $"{change.Number} has no e-invoice: {change.EInvoiceMissingReason}");
            ubl[$"{change.Number}.xml"] = (await container.GetBlobClient(change.EInvoiceBlobName).DownloadContentAsync()).Value.Content.ToArray();
        }

        var credit = changes.Single(d => d.Kind == DocumentKind.CreditNote);
        var creditXml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ubl[$"{credit.Number}.xml"]));
        Assert.Equal("CreditNote", creditXml.Root!.Name.LocalName);
        Assert.Equal("381", creditXml.Root.Element(Cbc + "CreditNoteTypeCode")!.Value);
        AssertReferences(creditXml, credit.Corrects!);
        AssertCitesTheRevisionsDecision(creditXml, "CreditNoteLine", credit);
        Assert.Equal("15000.00", creditXml.Root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "PayableAmount")!.Value);

        var supplement = changes.First(d => d.Kind == DocumentKind.Invoice);
        var supplementXml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ubl[$"{supplement.Number}.xml"]));
        Assert.Equal("Invoice", supplementXml.Root!.Name.LocalName);
        Assert.Equal("380", supplementXml.Root.Element(Cbc + "InvoiceTypeCode")!.Value);
        AssertReferences(supplementXml, supplement.Corrects!);
        AssertCitesTheRevisionsDecision(supplementXml, "InvoiceLine", supplement);

        var report = await PeppolValidator.ValidateAsync(ubl);
        output.WriteLine(report.Summary());
        report.AssertNoFatal();
    }

    /// <summary>
    /// A Peppol receiver sees only the UBL: its note gives the PDF's "Anledning" (the revision and its decision) word for
    /// word, every line's note names the revision's decision (date and reference), and the budget's first decision
    /// (2025-12-15) appears nowhere.
    /// </summary>
    private static void AssertCitesTheRevisionsDecision(XDocument ubl, string lineName, IssuedDocument document)
    {
        var decision = RevisionScenario.Decision;
        Assert.Contains(". Anledning: " + document.Reason, ubl.Root!.Element(Cbc + "Note")!.Value, StringComparison.Ordinal);
        Assert.Contains($"beslut {decision.DecidedOn:yyyy-MM-dd} ({decision.Reference})", document.Reason, StringComparison.Ordinal);
        var notes = ubl.Root.Elements(Cac + lineName).Select(l => l.Element(Cbc + "Note")!.Value).ToArray();
        Assert.NotEmpty(notes);
        Assert.All(notes, note => Assert.EndsWith($". Beslut {decision.DecidedOn:yyyy-MM-dd}, {decision.Reference}", note, StringComparison.Ordinal));
        Assert.DoesNotContain("2025-12-15", ubl.ToString(), StringComparison.Ordinal);
    }

    private static void AssertReferences(XDocument ubl, DocumentReference original)
    {
        var reference = ubl.Root!.Element(Cac + "BillingReference")!.Element(Cac + "InvoiceDocumentReference")!;
        Assert.Equal(original.Number.ToString(), reference.Element(Cbc + "ID")!.Value);
        Assert.Equal(original.IssueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reference.Element(Cbc + "IssueDate")!.Value);
    }
}
