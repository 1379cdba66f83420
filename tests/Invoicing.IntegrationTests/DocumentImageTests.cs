using System.Diagnostics;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Storage;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.IntegrationTests;

/// <summary>
/// Each kind of document as finance and the debtor see it: issued and reminded through the real run, its text
/// labelled for what the document is, and kept as a PNG (pdftoppm) under <c>TestResults/documents/</c> so a
/// person can look at it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DocumentImageTests(AzuriteFixture azurite)
{
    private const string SchemeName = "Regionkoordinatorer mot prostitution och människohandel, Region Mitt";

    [Fact]
    public async Task An_invoice_names_its_scheme_budget_decision_and_population_source_and_a_reminder_is_labelled_as_a_reminder()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        var vasteras = (await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Single(i => i.DebtorCode.Value == "1980");
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        await scenario.Get<PaymentLedger>().BookAsync(vasteras.Key, new PaymentBooking("manual:part", "manual", Money.FromKronor(3_035), new DateOnly(2026, 2, 18)), CancellationToken.None);
        await scenario.Get<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);

        var invoicePdf = await DownloadAsync(scenario, StorageNames.InvoicesContainer, vasteras.BlobName);
        var reminderPdf = await DownloadAsync(scenario, StorageNames.RemindersContainer, $"region-mitt-pom/2026/{vasteras.Number}-1.pdf");
        var invoice = Text(invoicePdf);
        var reminder = Text(reminderPdf);

        Assert.Contains("Fakturadatum", invoice, StringComparison.Ordinal);
        Assert.Contains("Betalningsvillkor", invoice, StringComparison.Ordinal);
        Assert.Contains($"Avser: {SchemeName}, år 2026", invoice, StringComparison.Ordinal);
        Assert.Contains("Enligt budgetbeslut 2025-12-15, Samverkansforum PoM 2025-12-15.", invoice, StringComparison.Ordinal);
        Assert.Contains("Befolkning enligt regionfakta.com 2025-09 (budget 2026 BILAGA 1), per 2025-09-30.", invoice, StringComparison.Ordinal);

        Assert.Contains("Påminnelse", reminder, StringComparison.Ordinal);
        Assert.Contains("Påminnelsedatum", reminder, StringComparison.Ordinal);
        Assert.Contains("Betala senast", reminder, StringComparison.Ordinal);
        Assert.Contains("Avser faktura", reminder, StringComparison.Ordinal);
        Assert.Contains(SchemeName, reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("Fakturadatum", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("Betalningsvillkor", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("Netto", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("Moms 0", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("region-mitt-pom år", reminder, StringComparison.Ordinal);

        await ToPngAsync(invoicePdf, "faktura");
        await ToPngAsync(reminderPdf, "paminnelse");
    }

    private static async Task<byte[]> DownloadAsync(InvoicingScenario scenario, string container, string blobName)
    {
        using var content = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(container, blobName, content, CancellationToken.None);
        return content.ToArray();
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Words joined by single spaces: a paragraph wrapped over lines still reads as one text.
        return string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
    }

    /// <summary>Renders page 1 at 100 dpi into TestResults/documents/{name}.png (scripts/ensure-poppler.sh installs pdftoppm).</summary>
    private static async Task ToPngAsync(byte[] pdf, string name)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "documents");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-png", "-r", "100", "-singlefile", pdfPath, Path.Combine(folder, name) })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftoppm is not installed: run scripts/ensure-poppler.sh (test.sh does).", e);
        }

        using (process)
        {
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {stderr}");
        }

        Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length > 10_000);
    }
}
