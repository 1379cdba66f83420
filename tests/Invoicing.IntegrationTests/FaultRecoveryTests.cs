using Azure.Core;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>
/// A fault between any two steps of issuing, whether one invoice fails or the whole process dies there,
/// is repaired by the next run: one complete set, no gap in the numbers, no duplicate, no PDF missing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultRecoveryTests(AzuriteFixture azurite)
{
    public static TheoryData<string, FaultTiming, bool> Faults() =>
        FaultsAt("take-number", "look-up-invoice", "write-pdf", "write-einvoice", "record-invoice", "hand-off-einvoice", "complete-budget");

    /// <summary>Every step with every timing, once as "this request fails" and once as "the process dies".</summary>
    internal static TheoryData<string, FaultTiming, bool> FaultsAt(params string[] steps)
    {
        var data = new TheoryData<string, FaultTiming, bool>();
        foreach (var step in steps)
        {
            foreach (var timing in Enum.GetValues<FaultTiming>())
            {
                data.Add(step, timing, false);
                data.Add(step, timing, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_at_any_step_is_repaired_by_the_next_run_without_gap_or_duplicate(string step, FaultTiming timing, bool processDies)
    {
        await using var scenario = new InvoicingScenario(azurite, SmallBatches());
        await scenario.SeedAndApproveAsync();
        using var process = new CancellationTokenSource();
        var (matches, skip) = Step(step, scenario.Prefix);
        scenario.Faults.Arm(matches, timing, skip, beforeThrow: processDies ? process.Cancel : null);

        var firstRun = await Record.ExceptionAsync(() => scenario.RunAsync(cancellationToken: process.Token));

        Assert.True(scenario.Faults.Fired, $"the fault at {step} never fired");
        if (step == "complete-budget")
        {
            // The last step: the fault itself ends the run, whichever way it strikes.
            Assert.IsType<InjectedFaultException>(firstRun);
        }
        else if (processDies)
        {
            Assert.IsAssignableFrom<OperationCanceledException>(firstRun);
        }
        else
        {
            Assert.Null(firstRun);
        }

        var secondRun = await scenario.RunAsync();

        Assert.True(secondRun.Succeeded);
        await scenario.AssertOneCompleteSetAsync();
        Assert.Empty((await scenario.RunAsync()).Budgets);
    }

    /// <summary>
    /// Batches of four documents, so the 30 invoices take eight batches and each fault below strikes in the middle
    /// of the run, with earlier batches complete and later ones not started.
    /// </summary>
    internal static Dictionary<string, string?> SmallBatches()
    {
        var settings = TestServices.ExampleIssuer();
        settings["Invoicing:Batching:DocumentsPerBatch"] = "4";
        return settings;
    }

    private static (Func<Request, bool> Matches, int Skip) Step(string step, string prefix)
    {
        bool Table(Request r, string table) => r.Uri.Path.Contains("/" + prefix + table, StringComparison.Ordinal);
        return step switch
        {
            // The entity group transaction that advances the counter and records a batch's reservations (the fifth
            // transaction: batches 1 and 2 have taken their numbers and recorded their invoices).
            "take-number" => (r => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal), 4),
            "look-up-invoice" => (r => r.Method == RequestMethod.Get && Table(r, "Invoices("), 4),
            "write-pdf" => (r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + prefix + "-invoices/", StringComparison.Ordinal), 4),
            "write-einvoice" => (r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + prefix.ToLowerInvariant() + "-einvoices/", StringComparison.Ordinal), 4),
            "hand-off-einvoice" => (r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + prefix.ToLowerInvariant() + "-einvoices-outbox/", StringComparison.Ordinal), 4),
            // The transaction that records the fifth batch's invoices.
            "record-invoice" => (r => StorageRequests.IsTransactionOn(r, prefix + "Invoices"), 4),
            "complete-budget" => (r => r.Method != RequestMethod.Get && Table(r, "Budgets("), 0),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }
}
