using System.Security.Claims;
using Invoicing.Allocation;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Planning;
using Invoicing.Web.Contracts;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// A member municipality's view (<see cref="InvoicingPolicies.Member"/>): its own invoices, their PDFs, and how its
/// share was computed. The party is the caller's claim, never the request's. What is not the member's answers
/// exactly as what does not exist, so a member learns nothing of other parties, schemes or years.
/// </summary>
public static class MemberEndpoints
{
    /// <summary><c>GET /api/member/schemes/{scheme}/years/{year}/invoices</c>: the member's documents of the year, in number order.</summary>
    public static async Task<Results<Ok<InvoiceSummary[]>, ProblemHttpResult>> InvoicesAsync(
        string scheme,
        string year,
        ClaimsPrincipal user,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var party = PartyOf(user);
        var budget = await budgets.FindAsync(route.Scheme, route.Year, cancellationToken);
        if (budget is null)
        {
            return NotFound(route, party);
        }

        // Balances are the chain's, and a chain is one debtor's: the year's documents are read whole, then cut to the member's.
        var today = SwedishCalendar.Today(time);
        var balances = DocumentChain.BalancesOf(await invoices.ListAsync(route.Scheme, route.Year, cancellationToken))
            .Where(b => b.Document.DebtorCode == party)
            .ToArray();
        var corrections = InvoiceSummary.Corrections(balances);
        var own = balances.Select(b => InvoiceSummary.From(b, today, corrections)).ToArray();

        // A year the member has no part in is one it does not see; a member of a budget not yet invoiced sees an empty year.
        return own.Length == 0 && budget.Members?.Contains(party) != true ? NotFound(route, party) : TypedResults.Ok(own);
    }

    /// <summary>
    /// <c>GET /api/member/invoices/{scheme}/{year}/{number}/pdf</c>: the member's own invoice PDF, as finance's route
    /// sends it; another party's invoice is the same 404 as one that does not exist.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string scheme,
        string year,
        string number,
        ClaimsPrincipal user,
        YearDocuments documents,
        InvoicePdfs pdfs,
        CancellationToken cancellationToken)
    {
        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        // The debtor never changes once a document is recorded, so a kept read of the year answers whose it is.
        var party = PartyOf(user);
        var invoice = await documents.FindRecordedAsync(key, cancellationToken);
        if (invoice is null || invoice.DebtorCode != party)
        {
            return ApiProblems.NotFound($"Part {party} har ingen faktura {key.Number} i samverkan {key.Scheme}, år {key.Year}.");
        }

        // The party is checked before the bytes are asked for, kept in memory or not (InvoicePdfs).
        return InvoiceEndpoints.PdfOf(invoice, await pdfs.ReadAsync(invoice, cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/member/schemes/{scheme}/years/{year}/statement.pdf[?asOf=yyyy-MM-dd]</c>: the member's own statement
    /// (kontoutdrag), as finance's route makes it for the caller's party; a year without its documents is a 404.
    /// </summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> StatementPdfAsync(
        string scheme,
        string year,
        string? asOf,
        ClaimsPrincipal user,
        Reports.Statements statements,
        Reports.StatementPdfRenderer renderer,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        ReportEndpoints.StatementAsync(scheme, year, PartyOf(user).Value, asOf, statements, time, d => (renderer.Render(d), "application/pdf", d.FileName()), cancellationToken);

    /// <summary>
    /// <c>GET /api/member/schemes/{scheme}/years/{year}/share</c>: how the member's share of an approved budget was
    /// computed: <see cref="ShareSpecification"/>, the cut its e-invoice's specification is written from, of the
    /// allocation finance sees (<see cref="AllocationEndpoints.AllocateAsync"/>). A draft, or a
    /// budget the member has no share in, is not the member's to see.
    /// </summary>
    public static async Task<Results<Ok<MemberShareView>, ProblemHttpResult>> ShareAsync(
        string scheme,
        string year,
        ClaimsPrincipal user,
        BudgetStore budgets,
        InvoicePlanner planner,
        AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var party = PartyOf(user);
        var budget = await budgets.FindAsync(route.Scheme, route.Year, cancellationToken);

        // Membership is checked before allocating, so a budget that names its members cannot answer a non-member with its 409.
        if (budget is not { Status: BudgetStatus.Approved, Decision: { } decision } || budget.Members?.Contains(party) == false)
        {
            return NotFound(route, party);
        }

        var (allocation, conflict) = await AllocationEndpoints.AllocateAsync(route, budget, planner, cancellationToken);
        if (conflict is not null)
        {
            return conflict;
        }

        if (ShareSpecification.Of(allocation!, party) is not { } specification)
        {
            return NotFound(route, party);
        }

        return TypedResults.Ok(MemberShareView.From(allocation!.Budget, specification, await DecisionAsync(budget, decision, budgets, audit, cancellationToken)));
    }

    /// <summary>The decision the current figures stand on (a revised budget's is its current revision's), and who recorded it when.</summary>
    private static async Task<MemberShareView.DecisionView> DecisionAsync(
        Budget budget, BudgetDecision first, BudgetStore budgets, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (decided, key) = (first, BudgetApproval.AuditKey(budget.Scheme, budget.Year));
        if (budget.Revision > 0)
        {
            var revision = (await budgets.ListRevisionsAsync(budget.Scheme, budget.Year, cancellationToken)).Single(r => r.Number == budget.Revision);
            decided = revision.Decision ?? throw new InvalidDataException($"Table Budgets, budget {budget.Key}: revision {revision.Number} is current but not approved.");
            key = BudgetRevisions.AuditKey(budget.Scheme, budget.Year, revision.Number);
        }

        var recorded = await audit.FindAsync(key, cancellationToken);
        return new(decided.DecidedOn, decided.Reference, budget.Revision, recorded?.Actor.Name, recorded?.At);
    }

    /// <summary>The caller's party; the member policy lets no request through without exactly one.</summary>
    private static PartyCode PartyOf(ClaimsPrincipal user) =>
        InvoicingClaims.PartyOf(user) ?? throw new InvalidOperationException("A member route ran without the member policy.");

    /// <summary>The one answer for a year the member does not see, whether or not it exists.</summary>
    private static ProblemHttpResult NotFound(YearRoute route, PartyCode party) =>
        ApiProblems.NotFound($"Part {party} har inget i samverkan {route.Scheme}, år {route.Year}.");
}
