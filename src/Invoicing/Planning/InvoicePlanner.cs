using Invoicing.Agreements;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Issuers;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Planning;

/// <summary>
/// Allocates a budget: the budget as first approved against the stored party and population tables, a
/// revision against the dataset recorded with it. The issuer's own party (the scheme issuer's <c>PartyCode</c>) is
/// planned apart, as its own share.
/// </summary>
public sealed class InvoicePlanner(PartyStore parties, PopulationStore populations, BudgetStore budgets, AgreementStore agreements, IssuerDirectory issuers)
{
    /// <summary>The party that is the scheme's issuer itself (its <c>PartyCode</c>), if configured.</summary>
    public PartyCode? OwnParty(SchemeId scheme) => issuers.OwnParty(scheme);

    public async Task<BudgetAllocation> AllocateAsync(Budget budget, CancellationToken cancellationToken)
    {
        // The three tables are independent, so they are read at once: each read is a round trip the run waits on
        // before its first number is taken.
        var allParties = parties.GetAllAsync(cancellationToken);
        var snapshotIds = budget.Lines.OfType<SharedLine>().Select(l => l.PopulationKey).OfType<string>();
        var snapshots = populations.GetAsync(snapshotIds, cancellationToken);
        var signed = budget.Lines.OfType<SharedLine>().Any(l => l.Participants is PoolParticipants.WithAgreement)
            ? agreements.GetAsync(budget.Scheme, budget.Year, cancellationToken)
            : Task.FromResult(AgreementTable.Empty);
        await Task.WhenAll(allParties, snapshots, signed);
        return BudgetAllocator.Allocate(budget, await allParties, await snapshots, await signed);
    }

    /// <summary>The allocation runs invoice to: the current revision's dataset when the budget has been revised, else the tables.</summary>
    public async Task<BudgetAllocation> AllocateCurrentAsync(Budget budget, CancellationToken cancellationToken)
    {
        if (budget.Revision == 0)
        {
            return await AllocateAsync(budget, cancellationToken);
        }

        var revision = (await budgets.ListRevisionsAsync(budget.Scheme, budget.Year, cancellationToken)).SingleOrDefault(r => r.Number == budget.Revision)
            ?? throw new InvalidDataException($"Table Budgets, budget {budget.Key}: revision {budget.Revision} is current but has no row.");
        return Allocate(DatasetLoader.Load(await budgets.ReadRevisionDatasetAsync(revision, cancellationToken)));
    }

    /// <summary>A dataset's budget allocated against the dataset's own tables (a revision is self-contained).</summary>
    public static BudgetAllocation Allocate(Dataset.Dataset dataset) =>
        BudgetAllocator.Allocate(dataset.Budget, dataset.Parties.ToDictionary(p => p.Code), dataset.Snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal), dataset.Agreements);

    public InvoicePlan Plan(BudgetAllocation allocation) => allocation.ToInvoicePlan(OwnParty(allocation.Budget.Scheme));

    /// <summary>
    /// The plan of an approved budget at its current revision, checked against the fingerprint recorded at
    /// approval: if a party or population row changed what the budget invoices since then, nothing is issued.
    /// </summary>
    public async Task<InvoicePlan> PlanApprovedAsync(Budget budget, CancellationToken cancellationToken)
    {
        budget.EnsureApproved();
        var plan = Plan(await AllocateCurrentAsync(budget, cancellationToken));
        if (!plan.Matches(budget.ApprovedPlanFingerprint))
        {
            throw new BudgetStateException(
                $"Budget {budget.Key}: the parties or population tables changed what it invoices since it was approved " +
                $"(approved plan {budget.ApprovedPlanFingerprint?[..12]}…, now {plan.Fingerprint()[..12]}…). Nothing is issued; restore the approved figures, " +
                "or record the change as a revision (./invoicing budget revise --data DIR) and approve it.",
                $"Budgeten {budget.Key}: part- eller befolkningstabellerna har ändrat vad den fakturerar sedan den godkändes " +
                $"(godkänd plan {budget.ApprovedPlanFingerprint?[..12]}…, nu {plan.Fingerprint()[..12]}…). Inget faktureras; återställ de godkända siffrorna, " +
                "eller registrera ändringen som en revidering (./invoicing budget revise --data DIR) och godkänn den.");
        }

        return plan;
    }
}
