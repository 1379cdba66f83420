using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Invoicing.Web.Tests;

/// <summary>The year's invoices, totals, one invoice in full, its PDF, and the allocation, on the bundled 2026 data.</summary>
[Collection(WebCollection.Name)]
public sealed class InvoiceEndpointTests(WebFixture fixture)
{
    [Fact]
    public async Task The_list_shows_every_invoice_of_the_year_in_number_order_with_its_standing()
    {
        var list = await (await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices")).JsonAsync();

        var invoices = list.EnumerateArray().ToArray();
        Assert.Equal(30, invoices.Length);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"2026{i:00000}"), invoices.Select(i => i.GetProperty("number").GetString()));
        var vasteras = invoices.Single(i => i.GetProperty("number").GetString() == "202600014");
        Assert.Equal("1980", vasteras.GetProperty("debtorCode").GetString());
        Assert.Equal("43035.00", vasteras.GetProperty("amount").GetRawText());
        Assert.Equal("0.00", vasteras.GetProperty("amountPaid").GetRawText());
        Assert.Equal("43035.00", vasteras.GetProperty("amountDue").GetRawText());
        Assert.Equal("20260001415", vasteras.GetProperty("ocr").GetString());
        Assert.Equal("Unpaid", vasteras.GetProperty("status").GetString());
        Assert.Equal("förfallen", vasteras.GetProperty("displayStatus").GetString());
        Assert.True(vasteras.GetProperty("overdue").GetBoolean());
        Assert.Equal(("2026-01-20", "2026-02-19"), (vasteras.GetProperty("issueDate").GetString(), vasteras.GetProperty("dueDate").GetString()));
    }

    [Fact]
    public async Task The_list_filters_by_status_and_overdue_case_insensitively()
    {
        var client = fixture.Shared.Reader();

        var unpaid = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?status=unpaid")).JsonAsync();
        var paid = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?status=Paid")).JsonAsync();
        var overdue = await (await client.GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices?overdue=true")).JsonAsync();

        Assert.Equal((30, 0, 30), (unpaid.GetArrayLength(), paid.GetArrayLength(), overdue.GetArrayLength()));
    }

    [Fact]
    public async Task A_reminder_is_listed_with_the_address_of_its_pdf_and_downloaded_as_it_was_sent()
    {
        await using var world = await fixture.NewWorldAsync();
        await world.Get<Reminders.ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);
        var client = world.Reader();

        var detail = await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();
        var reminder = Assert.Single(detail.GetProperty("reminders").EnumerateArray().ToArray());
        var pdf = reminder.GetProperty("pdf").GetString()!;
        using var response = await client.GetAsync(pdf);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("/api/invoices/region-mitt-pom/2026/202600014/reminders/1/pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("paminnelse-202600014-1.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var blob = await world.Get<Invoices.InvoiceArchive>().ReadSha256Async(Storage.StorageNames.RemindersContainer, "region-mitt-pom/2026/202600014-1.pdf", CancellationToken.None);
        Assert.Equal(blob, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var document = PdfDocument.Open(bytes);
        Assert.Contains("Att betala", document.GetPage(1).Text, StringComparison.Ordinal);
        await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014/reminders/2/pdf")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/invoices/region-mitt-pom/2026/202600014/reminders/x/pdf")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_summary_totals_what_was_invoiced_paid_outstanding_and_overdue()
    {
        var total = (await fixture.Shared.InvoicesAsync()).Sum(i => i.Total.Ore) / 100m;

        var summary = await (await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/summary")).JsonAsync();

        Assert.Equal(30, summary.GetProperty("count").GetInt32());
        Assert.Equal(total, summary.GetProperty("invoiced").GetDecimal());
        Assert.Equal(0m, summary.GetProperty("paid").GetDecimal());
        Assert.Equal(total, summary.GetProperty("outstanding").GetDecimal());
        Assert.Equal(total, summary.GetProperty("overdue").GetDecimal());
        Assert.Equal(30, summary.GetProperty("overdueCount").GetInt32());
        Assert.Equal(375_000m, total);
    }

    [Fact]
    public async Task An_invoice_shows_its_lines_summing_to_its_amount_and_its_empty_payment_and_reminder_history()
    {
        var invoice = await (await fixture.Shared.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014")).JsonAsync();

        var lines = invoice.GetProperty("lines").EnumerateArray().ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("description").GetString())));
        Assert.Equal(invoice.GetProperty("amount").GetDecimal(), lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(0, invoice.GetProperty("payments").GetArrayLength());
        Assert.Equal(0, invoice.GetProperty("reminders").GetArrayLength());
        Assert.Equal("202600014", invoice.GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_pdf_downloads_as_an_attachment_named_after_the_invoice_and_is_the_recorded_document()
    {
        var recorded = (await fixture.Shared.InvoicesAsync()).Single(i => i.Number.ToString() == "202600014");

        using var response = await fixture.Shared.Reader().GetAsync("/api/invoices/region-mitt-pom/2026/202600014/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("faktura-202600014.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment; filename=faktura-202600014.pdf; filename*=UTF-8''faktura-202600014.pdf", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(recorded.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        using var document = PdfDocument.Open(pdf);
        Assert.Contains("202600014", string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_allocation_shows_each_pool_split_exactly_with_its_population_keys_and_the_fixed_contributions()
    {
        var allocation = await (await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/allocation")).JsonAsync();

        var pools = allocation.GetProperty("pools").EnumerateArray().ToArray();
        Assert.Equal(3, pools.Length);
        Assert.All(pools, pool =>
        {
            var shares = pool.GetProperty("shares").EnumerateArray().ToArray();
            Assert.Equal(75_000m, pool.GetProperty("amount").GetDecimal());
            Assert.Equal(75_000m, shares.Sum(s => s.GetProperty("amount").GetDecimal()));
            Assert.Equal(pool.GetProperty("totalPopulation").GetInt64(), shares.Sum(s => s.GetProperty("population").GetInt64()));
            Assert.InRange(shares.Sum(s => s.GetProperty("keyPercent").GetDecimal()), 99.5m, 100.5m);
            Assert.False(string.IsNullOrWhiteSpace(pool.GetProperty("source").GetString()));
            Assert.Equal("population", pool.GetProperty("key").GetString());
        });
        Assert.Equal(28, pools.Sum(p => p.GetProperty("shares").GetArrayLength()));
        Assert.Equal(["REGION-03", "REGION-19"], allocation.GetProperty("fixed").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Approved", allocation.GetProperty("budgetStatus").GetString());
    }

    [Fact]
    public async Task A_budget_that_is_not_yet_invoiced_lists_no_invoices_rather_than_404()
    {
        await using var world = await fixture.NewWorldAsync(issue: false);
        var dataset = Dataset.DatasetLoader.Load(Testing.TestPaths.BundledDataset);
        await world.Get<Dataset.DatasetSeeder>().SeedAsync(dataset, CancellationToken.None);

        var list = await (await world.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices")).JsonAsync();
        var allocation = await (await world.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/allocation")).JsonAsync();

        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal("Draft", allocation.GetProperty("budgetStatus").GetString());
        Assert.Equal(JsonValueKind.Array, allocation.GetProperty("pools").ValueKind);
        Assert.Equal(2026.ToString(CultureInfo.InvariantCulture), allocation.GetProperty("year").GetRawText());
    }
}
