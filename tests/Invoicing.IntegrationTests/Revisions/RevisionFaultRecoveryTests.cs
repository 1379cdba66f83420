using Azure.Core;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Revisions;

/// <summary>
/// A fault at any step of issuing a revision's change documents — taking a number, looking up, writing the PDF,
/// recording a supplementary invoice, recording a credit note together with its credit, completing the budget —
/// whether one document fails or the whole process dies there, is repaired by the next run: the credit note
/// and supplementary invoices exist once each, numbers have no gap, and the credit is applied once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionFaultRecoveryTests(AzuriteFixture azurite)
{
    public static TheoryData<string, FaultTiming, bool> Faults() =>
        FaultRecoveryTests.FaultsAt("take-number", "look-up-invoice", "write-pdf", "record-invoice", "record-credit-note", "complete-budget");

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_at_any_step_of_issuing_a_change_document_is_repaired_by_the_next_run(string step, FaultTiming timing, bool processDies)
    {
        await using var scenario = new InvoicingScenario(azurite, FaultRecoveryTests.SmallBatches());
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        using var process = new CancellationTokenSource();
        var (matches, skip) = Step(step, scenario.Prefix);
        scenario.Faults.Arm(matches, timing, skip, beforeThrow: processDies ? process.Cancel : null);

        var firstRun = await Record.ExceptionAsync(() => scenario.RunAsync(cancellationToken: process.Token));

        Assert.True(scenario.Faults.Fired, $"the fault at {step} never fired");
        // The credit note is the run's last document: when the process "dies" there, nothing after it asks for
        // the cancelled token, so the run ends with that document failed rather than cancelled. Either way the
        // budget is not marked complete and the next run finishes it.
        if (step == "complete-budget")
        {
            Assert.IsType<InjectedFaultException>(firstRun);
        }
        else if (processDies && step != "record-credit-note")
        {
            Assert.IsAssignableFrom<OperationCanceledException>(firstRun);
        }
        else
        {
            Assert.Null(firstRun);
        }

        var secondRun = await scenario.RunAsync();

        Assert.True(secondRun.Succeeded);
        await scenario.AssertWalkIssuedOnceAsync();
        Assert.Empty((await scenario.RunAsync()).Budgets);
    }

    private static (Func<Request, bool> Matches, int Skip) Step(string step, string prefix)
    {
        bool Table(Request r, string table) => r.Uri.Path.Contains("/" + prefix + table, StringComparison.Ordinal);
        bool Batch(Request r) => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);
        return step switch
        {
            // Documents go in plan order, four to a batch: Gävleborg's ten supplements, then Region Uppsala's credit
            // note, last in the third batch. Each batch takes its numbers in one transaction and records its invoices
            // in the next (the third transaction takes the second batch's numbers); the credit note is recorded (with
            // its credit) in the seventh and last.
            "take-number" => (Batch, 2),
            // The run's first query plans the revision from what is issued; each batch then looks up its own.
            "look-up-invoice" => (r => r.Method == RequestMethod.Get && Table(r, "Invoices("), 2),
            "write-pdf" => (r => r.Method == RequestMethod.Put && r.Uri.Path.Contains("/" + prefix + "-invoices/", StringComparison.Ordinal), 4),
            "record-invoice" => (r => StorageRequests.IsTransactionOn(r, prefix + "Invoices"), 1),
            "record-credit-note" => (Batch, 6),
            "complete-budget" => (r => r.Method != RequestMethod.Get && Table(r, "Budgets("), 0),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }
}
