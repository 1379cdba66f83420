using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Planning;

/// <summary>
/// Revising an approved budget: record a changed dataset as a draft revision, show what it would issue, approve
/// it with its decision. Issuing is the run's job (<see cref="AnnualInvoicingRun"/>), as for the first approval.
/// </summary>
public sealed class BudgetRevisions(BudgetStore budgets, InvoicePlanner planner, InvoiceStore invoices, PartyStore parties, Audit.AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Records <paramref name="files"/> (checked whole first) as the draft of the next revision. Refused when the
    /// dataset is another scheme's or year's, or changes no amount (a change of wording needs no revision).
    /// </summary>
    public async Task<BudgetRevision> ReviseAsync(SchemeId scheme, int year, DatasetFiles files, CancellationToken cancellationToken)
    {
        var dataset = DatasetLoader.Load(files);
        if (dataset.Budget.Scheme != scheme || dataset.Budget.Year != year)
        {
            throw new BudgetStateException(
                $"{DatasetLoader.BudgetFile} is the budget of {dataset.Budget.Scheme} {dataset.Budget.Year}, not {scheme} {year}; a revision changes the same budget.",
                $"{DatasetLoader.BudgetFile} är budgeten för {dataset.Budget.Scheme} {dataset.Budget.Year}, inte {scheme} {year}; en revidering ändrar samma budget.");
        }

        var budget = await budgets.GetAsync(scheme, year, cancellationToken);
        budget.EnsureApproved();
        var plan = planner.Plan(InvoicePlanner.Allocate(dataset));
        if (plan.Matches(budget.ApprovedPlanFingerprint))
        {
            throw new BudgetStateException(
                $"Budget {budget.Key}: this dataset changes no party's amount (revision {budget.Revision} stands); nothing was recorded. Wording alone needs no revision.",
                $"Budgeten {budget.Key}: detta dataset ändrar ingen parts belopp (revision {budget.Revision} står kvar); inget registrerades. Enbart ändrad text kräver ingen revidering.");
        }

        return await budgets.SaveRevisionDraftAsync(scheme, year, files.ToJsonBytes(), plan.Fingerprint(), cancellationToken);
    }

    /// <summary>The pending draft revision and, per party, what it would change and the document that would result.</summary>
    public async Task<(BudgetRevision Revision, IReadOnlyList<PartyChange> Changes)> DiffAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var budget = await budgets.GetAsync(scheme, year, cancellationToken);
        if (!(await budgets.ListRevisionsAsync(scheme, year, cancellationToken)).Any(r => r.Number == budget.Revision + 1))
        {
            throw new BudgetStateException(
                $"Budget {budget.Key} has no draft revision; record one with ./invoicing budget revise --year {year} --data DIR.",
                $"Budgeten {budget.Key} har ingen utkastrevision; registrera en med ./invoicing budget revise --year {year} --data DIR.");
        }

        var changes = await ChangesAsync(scheme, year, budget.Revision + 1, cancellationToken);
        return (changes.Revision, changes.Changes);
    }

    /// <summary>
    /// Revision <paramref name="number"/> (draft or approved) with the allocation of its dataset and, per party, what
    /// its documents of earlier revisions came to, its share in this revision and the difference: the same figures
    /// whether the revision is still a draft or already issued, since only earlier revisions count.
    /// </summary>
    public async Task<RevisionChanges> ChangesAsync(SchemeId scheme, int year, int number, CancellationToken cancellationToken)
    {
        var budget = await budgets.GetAsync(scheme, year, cancellationToken);
        var revisions = await budgets.ListRevisionsAsync(scheme, year, cancellationToken);
        var revision = revisions.SingleOrDefault(r => r.Number == number)
            ?? (revisions.Count == 0
                ? throw new BudgetStateException(
                    $"Budget {budget.Key} has no revision {number}: it has none.",
                    $"Budgeten {budget.Key} har ingen revision {number}: den har inga revisioner.")
                : throw new BudgetStateException(
                    $"Budget {budget.Key} has no revision {number}: its revisions are {string.Join(", ", revisions.Select(r => r.Number).Order())}.",
                    $"Budgeten {budget.Key} har ingen revision {number}: dess revisioner är {string.Join(", ", revisions.Select(r => r.Number).Order())}."));
        var allocation = InvoicePlanner.Allocate(DatasetLoader.Load(await budgets.ReadRevisionDatasetAsync(revision, cancellationToken)));
        var plan = planner.Plan(allocation);
        var issued = await invoices.ListAsync(scheme, year, cancellationToken);
        var known = new Dictionary<PartyCode, Party>(await parties.GetAllAsync(cancellationToken));
        foreach (var share in plan.AllShares)
        {
            known[share.Debtor.Code] = share.Debtor;
        }

        return new RevisionChanges(revision, allocation, ChangePlanner.Plan(plan, issued, revision, known));
    }

    /// <summary>The audit trail's key of a revision's approval: where who approved it is found.</summary>
    public static string AuditKey(SchemeId scheme, int year, int revision) => $"revise:{scheme}:{year}:{revision}";

    /// <summary>Approves the pending draft revision; see <see cref="BudgetStore.ApproveRevisionAsync"/>.</summary>
    public async Task<BudgetRevision> ApproveAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        decision.EnsureTaken($"{scheme} {year}", time);
        var revision = await budgets.ApproveRevisionAsync(scheme, year, decision, cancellationToken);
        await audit.RecordAsync(
            new Audit.AuditEntry(AuditKey(scheme, year, revision.Number), Audit.AuditActions.BudgetRevised,
                $"revision {revision.Number} decided {IsoDate.Format(decision.DecidedOn)} ({decision.Reference}); dataset {revision.DatasetBlob}")
            {
                Scheme = scheme,
                Year = year,
            },
            cancellationToken);
        return revision;
    }
}

/// <summary>A revision, the allocation of its dataset, and per party the change it makes (see <see cref="BudgetRevisions.ChangesAsync"/>).</summary>
public sealed record RevisionChanges(BudgetRevision Revision, BudgetAllocation Allocation, IReadOnlyList<PartyChange> Changes);
