using Azure.Core;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Storage;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>
/// The annual run issues its documents in batches (numbers for a batch in one transaction, PDFs written several at
/// a time, the batch's invoices recorded in one transaction). A process that dies inside a batch leaves numbers
/// taken and some PDFs written but nothing recorded; the next run finishes the same documents under the same
/// numbers, and a batch that another run partly recorded meanwhile is recorded one by one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchedIssuingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_run_that_dies_with_half_a_batchs_pdfs_written_is_finished_by_the_next_under_the_same_numbers()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        using var process = new CancellationTokenSource();
        scenario.Faults.Arm(
            r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + scenario.Prefix + "-invoices/", StringComparison.Ordinal),
            FaultTiming.AfterResponse,
            skip: 14,
            beforeThrow: process.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.RunAsync(cancellationToken: process.Token));

        // All 30 numbers of the one batch are taken, at least 15 PDFs written, and not one invoice recorded.
        var reserved = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30), reserved.Select(r => r.Number.Sequence));
        Assert.InRange(await CountPdfsAsync(scenario), 15, 30);
        Assert.Empty(await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None));

        var next = await scenario.RunAsync();

        Assert.True(next.Succeeded);
        Assert.Equal(30, next.Created);
        await scenario.AssertOneCompleteSetAsync();
        var issued = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.All(issued, i => Assert.Equal(reserved.Single(r => r.Number == i.Number).Debtor, i.DebtorCode));
    }

    [Fact]
    public async Task A_run_that_dies_after_taking_a_batchs_numbers_leaves_no_gap_and_the_next_issues_under_them()
    {
        var settings = FaultRecoveryTests.SmallBatches();
        await using var scenario = new InvoicingScenario(azurite, settings);
        await scenario.SeedAndApproveAsync();
        using var process = new CancellationTokenSource();
        // The third batch's numbers are taken (the transaction happens), then the process dies.
        scenario.Faults.Arm(r => StorageRequests.IsTransactionOn(r, scenario.Prefix + "InvoiceNumbers"), FaultTiming.AfterResponse, skip: 2, beforeThrow: process.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.RunAsync(cancellationToken: process.Token));
        var reserved = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 12), reserved.Select(r => r.Number.Sequence));
        Assert.Equal(8, (await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Count);

        var next = await scenario.RunAsync();

        Assert.True(next.Succeeded);
        Assert.Equal((22, 8), (next.Created, next.Existing));
        await scenario.AssertOneCompleteSetAsync();
        var issued = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.All(reserved, r => Assert.Equal(r.Debtor, issued.Single(i => i.Number == r.Number).DebtorCode));
    }

    [Fact]
    public async Task A_batch_another_run_recorded_meanwhile_is_recorded_one_by_one_and_counted_once()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        var other = scenario.NewServices();
        AnnualRunSummary? otherRun = null;
        // Just before this run sends the transaction recording its batch, another run issues the whole budget: the
        // transaction then conflicts (409), and this run records its invoices one by one, finding each recorded.
        var hook = new BeforeFirstMatch(r => StorageRequests.IsTransactionOn(r, scenario.Prefix + "Invoices"), async () => otherRun = await scenario.RunAsync(other));
        await using var services = TestServices.Create(azurite.ConnectionString, scenario.Prefix, scenario.Time, hook);

        var run = await scenario.RunAsync(services);

        Assert.Equal(30, otherRun?.Created);
        Assert.True(run.Succeeded);
        Assert.Equal((0, 30), (run.Created, run.Existing));
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task Documents_rendered_ahead_of_a_failed_look_up_are_not_written_and_the_next_run_issues_them()
    {
        await using var scenario = new InvoicingScenario(azurite, FaultRecoveryTests.SmallBatches());
        await scenario.SeedAndApproveAsync();
        // A query of the invoice table fails in the middle of the run: the batch whose look-up it is has its
        // numbers and has rendered its first documents, but must neither write nor record any of them.
        scenario.Faults.Arm(
            r => r.Method == RequestMethod.Get && r.Uri.Path.Contains("/" + scenario.Prefix + "Invoices(", StringComparison.Ordinal),
            FaultTiming.AfterResponse,
            skip: 4);

        var first = await scenario.RunAsync();

        Assert.True(scenario.Faults.Fired);
        Assert.Equal((26, 4), (first.Created, first.Failed));
        var reserved = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        var recorded = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30), reserved.Select(r => r.Number.Sequence));
        Assert.Equal(recorded.Select(i => i.BlobName).Order(StringComparer.Ordinal), await PdfNamesAsync(scenario));

        var next = await scenario.RunAsync();

        Assert.True(next.Succeeded);
        Assert.Equal((4, 26), (next.Created, next.Existing));
        await scenario.AssertOneCompleteSetAsync();
    }

    [Fact]
    public async Task A_batch_whose_record_step_fails_does_not_stop_the_later_ones_and_is_recorded_by_the_next_run_under_its_numbers()
    {
        await using var scenario = new InvoicingScenario(azurite, FaultRecoveryTests.SmallBatches());
        await scenario.SeedAndApproveAsync();
        // The second batch's record transaction fails, with its PDFs written; the later batches go on.
        scenario.Faults.Arm(r => StorageRequests.IsTransactionOn(r, scenario.Prefix + "Invoices"), FaultTiming.BeforeSending, skip: 1);

        var first = await scenario.RunAsync();

        Assert.True(scenario.Faults.Fired);
        Assert.Equal((26, 4), (first.Created, first.Failed));
        var reserved = await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30), reserved.Select(r => r.Number.Sequence));
        var recorded = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 4).Concat(Enumerable.Range(9, 22)), recorded.Select(i => i.Number.Sequence).Order());

        var next = await scenario.RunAsync();

        Assert.True(next.Succeeded);
        Assert.Equal((4, 26), (next.Created, next.Existing));
        await scenario.AssertOneCompleteSetAsync();
    }

    /// <summary>Runs an action once, before the first request that matches is sent.</summary>
    private sealed class BeforeFirstMatch(Func<Request, bool> matches, Func<Task> action) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _fired;

        public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (matches(message.Request) && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await action();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    private static async Task<IReadOnlyList<string>> PdfNamesAsync(InvoicingScenario scenario)
    {
        var names = new List<string>();
        await foreach (var blob in scenario.Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static async Task<int> CountPdfsAsync(InvoicingScenario scenario)
    {
        var count = 0;
        await foreach (var _ in scenario.Get<InvoicingStorage>().Container(StorageNames.InvoicesContainer).GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
