using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;

namespace Invoicing.Web;

/// <summary>
/// The API's routes, declared once. <see cref="InvoicingApi"/> maps <see cref="All"/> for <c>serve</c>; each HTTP
/// trigger of the Functions app names one of these constants (an attribute needs a constant), and the platform
/// check compares the app's <c>functions.metadata</c> with <see cref="All"/>, method by method, so an endpoint
/// added here cannot be missing from Azure.
/// </summary>
public static class ApiRoutes
{
    public const string Me = "api/me";
    public const string BankFiles = "api/bank-files";
    public const string UnmatchedPayments = "api/payments/unmatched";
    public const string UnmatchedPaymentBooking = "api/payments/unmatched/{id}/book";
    public const string ArchivedBankFiles = "api/payments/files";
    public const string ArchivedBankFile = "api/payments/files/{id}";
    public const string YearInvoices = "api/schemes/{scheme}/years/{year}/invoices";
    public const string YearSummary = "api/schemes/{scheme}/years/{year}/summary";
    public const string YearAllocation = "api/schemes/{scheme}/years/{year}/allocation";
    public const string YearAging = "api/schemes/{scheme}/years/{year}/aging";
    public const string PartyStatementPdf = "api/schemes/{scheme}/years/{year}/parties/{party}/statement.pdf";
    public const string PartyStatementXlsx = "api/schemes/{scheme}/years/{year}/parties/{party}/statement.xlsx";
    public const string PartyStatementSend = "api/schemes/{scheme}/years/{year}/parties/{party}/statement/send";
    public const string YearInvoicesZip = "api/schemes/{scheme}/years/{year}/invoices.zip";
    public const string YearLedgerCsv = "api/schemes/{scheme}/years/{year}/ledger.csv";
    public const string YearLedgerXlsx = "api/schemes/{scheme}/years/{year}/ledger.xlsx";
    public const string YearAgingXlsx = "api/schemes/{scheme}/years/{year}/aging.xlsx";
    public const string YearExportSie = "api/schemes/{scheme}/years/{year}/export.sie";
    public const string ExportSie = "api/export.sie";
    public const string YearEInvoicesZip = "api/schemes/{scheme}/years/{year}/einvoices.zip";
    public const string Invoice = "api/invoices/{scheme}/{year}/{number}";
    public const string InvoicePdf = "api/invoices/{scheme}/{year}/{number}/pdf";
    public const string InvoiceUbl = "api/invoices/{scheme}/{year}/{number}/ubl";
    public const string InvoiceReminderPdf = "api/invoices/{scheme}/{year}/{number}/reminders/{level}/pdf";
    public const string InvoicePayments = "api/invoices/{scheme}/{year}/{number}/payments";
    public const string InvoiceRefunds = "api/invoices/{scheme}/{year}/{number}/refunds";
    public const string InvoiceVoid = "api/invoices/{scheme}/{year}/{number}/void";
    public const string InvoiceHistory = "api/invoices/{scheme}/{year}/{number}/history";
    public const string Audit = "api/audit";
    public const string Proposals = "api/proposals";
    public const string ProposalConfirm = "api/proposals/{id}/confirm";
    public const string ProposalReject = "api/proposals/{id}/reject";
    public const string Periods = "api/schemes/{scheme}/periods";
    public const string PeriodClose = "api/schemes/{scheme}/periods/{month}/close";
    public const string PeriodReopen = "api/schemes/{scheme}/periods/{month}/reopen";
    public const string BudgetApprove = "api/schemes/{scheme}/years/{year}/budget/approve";

    // A member's routes: finance's shapes under api/member/, showing the caller's own party only.
    public const string MemberYearInvoices = "api/member/schemes/{scheme}/years/{year}/invoices";
    public const string MemberYearShare = "api/member/schemes/{scheme}/years/{year}/share";
    public const string MemberInvoicePdf = "api/member/invoices/{scheme}/{year}/{number}/pdf";
    public const string MemberYearStatementPdf = "api/member/schemes/{scheme}/years/{year}/statement.pdf";

    /// <summary>The finance page's files: anonymous (they hold no data), the least specific route of all.</summary>
    public const string Page = "{*path}";

    public const string Get = "GET";
    public const string Post = "POST";

    /// <summary>Every API endpoint (the page is not one: it needs no identity).</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new(Get, Me, InvoicingPolicies.SignedIn, MeEndpoints.Get),
        new(Post, BankFiles, InvoicingPolicies.Finance, BankFileEndpoints.ImportAsync),
        new(Get, UnmatchedPayments, InvoicingPolicies.Reader, UnmatchedEndpoints.ListAsync),
        new(Post, UnmatchedPaymentBooking, InvoicingPolicies.Finance, UnmatchedEndpoints.BookAsync),
        new(Get, ArchivedBankFiles, InvoicingPolicies.Reader, BankFileEndpoints.ListAsync),
        new(Get, ArchivedBankFile, InvoicingPolicies.Reader, BankFileEndpoints.DownloadAsync),
        new(Get, YearInvoices, InvoicingPolicies.Reader, InvoiceEndpoints.ListAsync),
        new(Get, YearSummary, InvoicingPolicies.Reader, InvoiceEndpoints.SummaryAsync),
        new(Get, YearAllocation, InvoicingPolicies.Reader, AllocationEndpoints.GetAsync),
        new(Get, YearAging, InvoicingPolicies.Reader, ReportEndpoints.AgingAsync),
        new(Get, PartyStatementPdf, InvoicingPolicies.Reader, ReportEndpoints.StatementPdfAsync),
        new(Get, PartyStatementXlsx, InvoicingPolicies.Reader, ReportEndpoints.StatementXlsxAsync),
        new(Post, PartyStatementSend, InvoicingPolicies.Finance, StatementMailEndpoints.SendAsync),
        new(Get, YearInvoicesZip, InvoicingPolicies.Reader, ExportEndpoints.ZipAsync),
        new(Get, YearLedgerCsv, InvoicingPolicies.Reader, ExportEndpoints.LedgerAsync),
        new(Get, YearLedgerXlsx, InvoicingPolicies.Reader, ExportEndpoints.LedgerXlsxAsync),
        new(Get, YearAgingXlsx, InvoicingPolicies.Reader, ReportEndpoints.AgingXlsxAsync),
        new(Get, YearExportSie, InvoicingPolicies.Reader, ExportEndpoints.SieAsync),
        new(Get, ExportSie, InvoicingPolicies.Reader, ExportEndpoints.PeriodSieAsync),
        new(Get, YearEInvoicesZip, InvoicingPolicies.Reader, ExportEndpoints.EInvoicesZipAsync),
        new(Get, Invoice, InvoicingPolicies.Reader, InvoiceEndpoints.GetAsync),
        new(Get, InvoicePdf, InvoicingPolicies.Reader, InvoiceEndpoints.PdfAsync),
        new(Get, InvoiceUbl, InvoicingPolicies.Reader, InvoiceEndpoints.UblAsync),
        new(Get, InvoiceReminderPdf, InvoicingPolicies.Reader, InvoiceEndpoints.ReminderPdfAsync),
        new(Post, InvoicePayments, InvoicingPolicies.Finance, PaymentEndpoints.BookAsync),
        new(Post, InvoiceRefunds, InvoicingPolicies.Finance, PaymentEndpoints.RefundAsync),
        new(Post, InvoiceVoid, InvoicingPolicies.Finance, VoidEndpoints.VoidAsync),
        new(Get, InvoiceHistory, InvoicingPolicies.Reader, AuditEndpoints.HistoryAsync),
        new(Get, Audit, InvoicingPolicies.Reader, AuditEndpoints.ListAsync),
        new(Get, Proposals, InvoicingPolicies.Reader, ProposalEndpoints.ListAsync),
        new(Post, ProposalConfirm, InvoicingPolicies.Finance, ProposalEndpoints.ConfirmAsync),
        new(Post, ProposalReject, InvoicingPolicies.Finance, ProposalEndpoints.RejectAsync),
        new(Get, Periods, InvoicingPolicies.Reader, PeriodEndpoints.ListAsync),
        new(Post, PeriodClose, InvoicingPolicies.Finance, PeriodEndpoints.CloseAsync),
        new(Post, PeriodReopen, InvoicingPolicies.Finance, PeriodEndpoints.ReopenAsync),
        new(Post, BudgetApprove, InvoicingPolicies.Finance, BudgetEndpoints.ApproveAsync),
        new(Get, MemberYearInvoices, InvoicingPolicies.Member, MemberEndpoints.InvoicesAsync),
        new(Get, MemberYearShare, InvoicingPolicies.Member, MemberEndpoints.ShareAsync),
        new(Get, MemberInvoicePdf, InvoicingPolicies.Member, MemberEndpoints.PdfAsync),
        new(Get, MemberYearStatementPdf, InvoicingPolicies.Member, MemberEndpoints.StatementPdfAsync),
    ];
}
