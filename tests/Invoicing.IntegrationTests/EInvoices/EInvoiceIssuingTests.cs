using Invoicing.EInvoices;
using Invoicing.Invoices;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.Peppol;
using Xunit.Abstractions;

namespace Invoicing.IntegrationTests.EInvoices;

/// <summary>E-invoices are produced in the issuing steps, stored next to the PDF and handed to the operator once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EInvoiceIssuingTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_invoice_with_a_buyer_reference_gets_its_ubl_next_to_the_pdf_and_the_others_say_why_not()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();

        await scenario.RunAsync();

        var invoices = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(29, invoices.Count(i => i.EInvoiceBlobName is not null));
        var vasteras = invoices.Single(i => i.DebtorCode.Value == "1980");
        Assert.Equal($"region-mitt-pom/2026/{vasteras.Number}.xml", vasteras.EInvoiceBlobName);
        var properties = await scenario.Get<InvoicingStorage>().Container(StorageNames.EInvoicesContainer).GetBlobClient(vasteras.EInvoiceBlobName).GetPropertiesAsync();
        Assert.Equal("application/xml", properties.Value.ContentType);
        var region = invoices.Single(i => i.DebtorCode.Value == "REGION-19");
        Assert.Null(region.EInvoiceBlobName);
        Assert.Equal("the buyer has no buyer reference (Er referens)", region.EInvoiceMissingReason);
        await scenario.AssertOneCompleteSetAsync();

        // The PDF, the other rendering of the same document, shows the buyer's reference and org number too.
        using var pdf = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(vasteras.BlobName, pdf, CancellationToken.None);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.ToArray());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("Er referens", text, StringComparison.Ordinal);
        Assert.Contains("EXEMPEL-1980", text, StringComparison.Ordinal);
        Assert.Contains("Org.nr 212000-2080", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_hand_off_is_written_once_and_keeps_the_status_the_operator_set_across_runs()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await Task.WhenAll(scenario.RunAsync(), scenario.RunAsync(scenario.NewServices()));
        var outbox = scenario.Get<EInvoiceOutbox>();
        var vasteras = (await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Single(i => i.DebtorCode.Value == "1980");

        var pending = await outbox.FindAsync(vasteras.EInvoiceBlobName!, CancellationToken.None);
        await outbox.SetStatusAsync(vasteras.EInvoiceBlobName!, EInvoiceDeliveryStatus.Delivered, "AS4 message 42 åäö", CancellationToken.None);
        var party = (await scenario.Get<Parties.PartyStore>().GetAllAsync(CancellationToken.None)).Values.Single(p => p.Code.Value == "1980");
        var handedOffAgain = await outbox.HandOffAsync(vasteras, party, CancellationToken.None);
        var after = await outbox.FindAsync(vasteras.EInvoiceBlobName!, CancellationToken.None);

        Assert.True(handedOffAgain);
        Assert.Equal(EInvoiceDeliveryStatus.Pending, pending!.Status);
        Assert.Equal("0007:2120002080", pending.Endpoint);
        Assert.Equal(EInvoiceDeliveryStatus.Delivered, after!.Status);
        Assert.Equal("AS4 message 42 ???", after.Detail);
        Assert.Null(await outbox.FindAsync("region-mitt-pom/2026/202600030.xml", CancellationToken.None));
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task The_stored_e_invoices_of_the_annual_run_pass_peppol_bis_3_validation()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        var storage = scenario.Get<InvoicingStorage>();
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var invoice in await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None))
        {
            if (invoice.EInvoiceBlobName is { } name)
            {
                documents[$"{invoice.Number}.xml"] = (await storage.Container(StorageNames.EInvoicesContainer).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
            }
        }

        var report = await PeppolValidator.ValidateAsync(documents);

        output.WriteLine(report.Summary());
        Assert.Equal(29, report.DocumentCount);
        report.AssertNoFatal();
    }
}
