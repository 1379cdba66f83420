namespace Invoicing.Web.Contracts;

/// <summary>Closing a month: <c>note</c> says what was reconciled (optional, at most 200 characters).</summary>
public sealed record PeriodCloseRequest(string? Note);

/// <summary>Reopening a closed month: <c>reason</c> is required (at most 200 characters), recorded in the audit trail.</summary>
public sealed record PeriodReopenRequest(string? Reason);

/// <summary>Approving a draft budget as the budget meeting decided it: <c>decidedOn</c> (yyyy-MM-dd) and the minutes' <c>reference</c>.</summary>
public sealed record BudgetApprovalRequest(string? DecidedOn, string? Reference);

/// <summary>A budget approved: its scheme, year, decision and total income in kronor.</summary>
public sealed record BudgetApprovalResponse(string Scheme, int Year, string DecidedOn, string Reference, decimal TotalIncome);
