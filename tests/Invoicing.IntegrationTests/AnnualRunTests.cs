using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Invoicing.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualRunTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Approved_budget_is_invoiced_once_per_paying_party_with_pdf_and_unpaid_status()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();

        var summary = await scenario.RunAsync();

        Assert.True(summary.Succeeded);
        Assert.Equal(30, summary.Created);
        await scenario.AssertOneCompleteSetAsync();
        var invoices = await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(28, invoices.Count(i => i.DebtorCode.Value.All(char.IsAsciiDigit)));
        Assert.Equal(Money.FromKronor(375_000), Money.Sum(invoices.Select(i => i.Total)));
        Assert.All(invoices, i => Assert.Equal(new DateOnly(2026, 1, 20), i.IssueDate));
        Assert.All(invoices, i => Assert.Equal(new DateOnly(2026, 2, 19), i.DueDate));
    }

    [Fact]
    public async Task County_shares_sum_to_the_pool_on_the_issued_invoices()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();

        var invoices = await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        var perPool = invoices.SelectMany(i => i.Lines).GroupBy(l => l.BudgetLineNumber).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Amount)));
        Assert.Equal(Money.FromKronor(75_000), perPool[6]);
        Assert.Equal(Money.FromKronor(75_000), perPool[7]);
        Assert.Equal(Money.FromKronor(75_000), perPool[8]);
        var vasteras = invoices.Single(i => i.DebtorCode.Value == "1980");
        Assert.Equal(Money.FromKronor(43_035), vasteras.Total);
    }

    [Fact]
    public async Task Issued_pdf_shows_the_party_amount_ocr_and_due_date()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();

        var vasteras = (await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Single(i => i.DebtorCode.Value == "1980");
        var properties = await scenario.Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobClient(vasteras.BlobName).GetPropertiesAsync();
        Assert.Equal("application/pdf", properties.Value.ContentType);
        Assert.Equal($"region-mitt-pom/2026/{vasteras.Number}.pdf", vasteras.BlobName);

        using var content = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(vasteras.BlobName, content, CancellationToken.None);
        using var pdf = PdfDocument.Open(content.ToArray());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Västerås kommun", text, StringComparison.Ordinal);
        Assert.Contains("43\u00A0035,00\u00A0kr", text, StringComparison.Ordinal);
        Assert.Contains(vasteras.Ocr.Value, text, StringComparison.Ordinal);
        Assert.Contains("2026-02-19", text, StringComparison.Ordinal);
        Assert.Contains("161\u00A0236 av 280\u00A0999 invånare (57,4\u00A0%)", text, StringComparison.Ordinal);
        Assert.Contains("EXEMPEL", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_creates_nothing()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        scenario.Time.Advance(TimeSpan.FromDays(3));

        var second = await scenario.RunAsync();

        Assert.Empty(second.Budgets);
        Assert.Equal(0, second.Created);
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task A_run_that_finds_every_invoice_already_issued_creates_nothing_and_completes_the_budget()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        // As if the run had died just before it marked the budget complete.
        var table = scenario.Get<InvoicingStorage>().Table(StorageNames.Budgets);
        var header = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("region-mitt-pom", "2026")).Value;
        header["InvoicingCompletedAt"] = null;
        await table.UpdateEntityAsync(header, header.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        scenario.Time.Advance(TimeSpan.FromDays(40));

        var again = await scenario.RunAsync();

        Assert.Equal(0, again.Created);
        Assert.Equal(30, again.Existing);
        Assert.NotNull(await scenario.Get<BudgetStore>().GetInvoicingCompletedAtAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None));
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task Concurrent_runs_create_one_set_of_invoices()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        var instances = Enumerable.Range(0, 3).Select(_ => scenario.NewServices()).ToArray();

        var summaries = await Task.WhenAll(instances.Select(services => Task.Run(() => scenario.RunAsync(services))));

        Assert.All(summaries, s => Assert.True(s.Succeeded));
        Assert.Equal(30, summaries.Sum(s => s.Created));
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task A_draft_budget_is_not_invoiced()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.Get<Dataset.DatasetSeeder>().SeedAsync(InvoicingScenario.BundledDataset, CancellationToken.None);

        var summary = await scenario.RunAsync();

        Assert.Empty(summary.Budgets);
        Assert.Empty(await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None));
    }

    [Fact]
    public async Task Invoice_numbers_continue_the_series_across_budgets_of_the_same_issuer_and_year()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        var other = InvoicingScenario.BundledDataset;
        var stockholmLike = other with
        {
            Budget = new Budget(new SchemeId("second-scheme"), 2026, "Annan samverkan", [
                new FixedContributionLine(1, "Region Uppsala", Money.FromKronor(10_000), new Parties.PartyCode("REGION-03")),
            ]),
        };
        await scenario.SeedAndApproveAsync(stockholmLike);

        await scenario.RunAsync();

        var second = await scenario.Get<InvoiceStore>().ListInvoicesAsync(new SchemeId("second-scheme"), 2026, CancellationToken.None);
        Assert.Equal(31, Assert.Single(second).Number.Sequence);
    }
}
