using System.Text.Json.Nodes;
using Invoicing.Web;
using Invoicing.Web.Identity;

namespace Invoicing.FunctionsPlatformCheck;

/// <summary>
/// What the stand-in host does with the app, in order: the steps a real host would take (timer firings, HTTP
/// requests through the worker's ASP.NET Core proxy with App Service's client principal, Event Grid blob events).
/// Step numbers are the 1-based positions below.
/// </summary>
public static class PlatformSteps
{
    public const string InvoicePath = "/api/invoices/" + FunctionsPlatform.Scheme + "/2026/202600001";
    public const string YearPath = "/api/schemes/" + FunctionsPlatform.Scheme + "/years/2026";
    public const string BankFileName = "camt054-example.xml";

    /// <summary>The member routes' year, and Håbo kommun (0305), whose invoice 202600001 is and 202600002 (Älvkarleby's) is not.</summary>
    public const string MemberYearPath = "/api/member/schemes/" + FunctionsPlatform.Scheme + "/years/2026";
    public const string MemberInvoicesPath = "/api/member/invoices/" + FunctionsPlatform.Scheme + "/2026/";
    public const string MemberParty = "0305";

    /// <summary>The year the run issues its invoices in (the app runs on the real clock): the period the SIE step exports.</summary>
    public static int ThisYear { get; } = Invoicing.SwedishCalendar.Today(TimeProvider.System).Year;

    /// <summary>Booking an entry that is not on the unmatched list: the handler's own 404 once identity and role allow it.</summary>
    public const string UnmatchedBookingPath = "/api/payments/unmatched/0000000000000000000000000000000000000000/book";

    /// <summary>A proposal no one made: the handler's own 404 once identity and role allow it.</summary>
    public const string ProposalPath = "/api/proposals/00000000000000000000000000000000";

    /// <summary>The example bank file's id in the archive: the SHA-256 of its bytes.</summary>
    public static string BankFileId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        File.ReadAllBytes(Path.Combine(Invoicing.Testing.TestPaths.RepositoryRoot, "data", "examples", BankFileName))));

    public static IReadOnlyList<PlatformStep> All { get; } =
    [
        Timer("IssueAnnualInvoices"),
        Timer("IssueAnnualInvoices"),
        Timer("SendPaymentReminders"),
        Timer("BackUpStorage"),
        Timer("BackUpStorage"),
        Http("Me", "GET", "/api/me", null, 401),
        Http("ListInvoices", "GET", YearPath + "/invoices", null, 401),
        Http("BookPayment", "POST", InvoicePath + "/payments", null, 401, Payment("anonymous")),
        Http("Me", "GET", "/api/me", InvoicingRoles.Reader, 200),
        Http("ListInvoices", "GET", YearPath + "/invoices", InvoicingRoles.Reader, 200, save: "invoices.json"),
        Http("YearSummary", "GET", YearPath + "/summary", InvoicingRoles.Reader, 200),
        Http("Allocation", "GET", YearPath + "/allocation", InvoicingRoles.Reader, 200),
        Http("AgingReport", "GET", YearPath + "/aging", null, 401),
        Http("AgingReport", "GET", YearPath + "/aging?asOf=" + FunctionsPlatform.Year + "-12-31", InvoicingRoles.Reader, 200, save: "aging.json"),
        Http("AgingReport", "GET", YearPath + "/aging?asOf=" + FunctionsPlatform.Year + "-13-01", InvoicingRoles.Finance, 400),
        Http("PartyStatementPdf", "GET", YearPath + "/parties/" + MemberParty + "/statement.pdf", InvoicingRoles.Reader, 200),
        Http("PartyStatementXlsx", "GET", YearPath + "/parties/" + MemberParty + "/statement.xlsx", InvoicingRoles.Finance, 200),
        Http("PartyStatementPdf", "GET", YearPath + "/parties/NO-SUCH-PARTY/statement.pdf", InvoicingRoles.Reader, 404),
        Http("SendPartyStatement", "POST", YearPath + "/parties/" + MemberParty + "/statement/send", InvoicingRoles.Reader, 403),
        Http("SendPartyStatement", "POST", YearPath + "/parties/NO-SUCH-PARTY/statement/send", InvoicingRoles.Finance, 404),
        Http("GetInvoice", "GET", InvoicePath, InvoicingRoles.Reader, 200),
        Http("InvoicePdf", "GET", InvoicePath + "/pdf", InvoicingRoles.Reader, 200, save: "invoice.pdf"),
        Http("InvoicesZip", "GET", YearPath + "/invoices.zip", InvoicingRoles.Reader, 200, save: "invoices.zip"),
        Http("InvoiceUbl", "GET", InvoicePath + "/ubl", InvoicingRoles.Reader, 200, save: "invoice.xml"),
        Http("EInvoicesZip", "GET", YearPath + "/einvoices.zip", InvoicingRoles.Reader, 200, save: "einvoices.zip"),
        Http("LedgerCsv", "GET", YearPath + "/ledger.csv", InvoicingRoles.Reader, 200, save: "ledger.csv"),
        Http("LedgerXlsx", "GET", YearPath + "/ledger.xlsx", InvoicingRoles.Reader, 200),
        Http("AgingXlsx", "GET", YearPath + "/aging.xlsx?asOf=" + FunctionsPlatform.Year + "-12-31", InvoicingRoles.Reader, 200),
        Http("SieExport", "GET", YearPath + "/export.sie", InvoicingRoles.Reader, 200, save: "export.sie"),
        Http("PeriodSieExport", "GET", $"/api/export.sie?from={ThisYear}-01-01&to={ThisYear}-12-31", InvoicingRoles.Reader, 200, save: "period.sie"),
        Http("Page", "GET", "/", null, 200, save: "index.html"),
        Http("BookPayment", "POST", InvoicePath + "/payments", InvoicingRoles.Reader, 403, Payment("reader")),
        Http("UploadBankFile", "POST", "/api/bank-files", InvoicingRoles.Reader, 403),
        Http("BookRefund", "POST", InvoicePath + "/refunds", InvoicingRoles.Reader, 403, Payment("reader")),
        Http("VoidInvoice", "POST", InvoicePath + "/void", InvoicingRoles.Reader, 403, new JsonObject { ["reason"] = "platform check" }),
        Http("ReminderPdf", "GET", InvoicePath + "/reminders/1/pdf", InvoicingRoles.Reader, 404),
        Http("ListUnmatchedPayments", "GET", "/api/payments/unmatched", InvoicingRoles.Reader, 200),
        Http("BookUnmatchedPayment", "POST", UnmatchedBookingPath, InvoicingRoles.Reader, 403, UnmatchedBooking()),
        Http("BookUnmatchedPayment", "POST", UnmatchedBookingPath, InvoicingRoles.Finance, 404, UnmatchedBooking()),
        Http("BookPayment", "POST", InvoicePath + "/payments", InvoicingRoles.Finance, 201, Payment("finance")),
        new("upload", null, new JsonObject { ["container"] = "bank-files", ["blob"] = BankFileName, ["file"] = "{examples}/" + BankFileName }),
        Blob(),
        new("listblobs", null, new JsonObject { ["container"] = "bank-files-processed" }),
        new("listblobs", null, new JsonObject { ["container"] = "bank-files" }),
        Blob(),
        Http("ListBankFiles", "GET", "/api/payments/files", InvoicingRoles.Reader, 200, save: "bank-files.json"),
        Http("DownloadBankFile", "GET", "/api/payments/files/" + BankFileId, InvoicingRoles.Reader, 200, save: "archived-" + BankFileName),
        Http("ListAuditEvents", "GET", "/api/audit?year=2026", InvoicingRoles.Reader, 200, save: "audit.json"),
        Http("InvoiceHistory", "GET", InvoicePath + "/history", InvoicingRoles.Reader, 200, save: "history.json"),
        Http("ListProposals", "GET", "/api/proposals", InvoicingRoles.Reader, 200),
        Http("ConfirmProposal", "POST", ProposalPath + "/confirm", InvoicingRoles.Reader, 403),
        Http("ConfirmProposal", "POST", ProposalPath + "/confirm", InvoicingRoles.Finance, 404),
        Http("RejectProposal", "POST", ProposalPath + "/reject", InvoicingRoles.Finance, 404),
        Http("ListPeriods", "GET", PeriodsPath, InvoicingRoles.Reader, 200),
        Http("InvoicePdf", "HEAD", InvoicePath + "/pdf", InvoicingRoles.Reader, 200),
        Http("Page", "HEAD", "/", null, 200),
        Http("ClosePeriod", "POST", PeriodsPath + $"/{ThisYear - 1}-12/close", InvoicingRoles.Reader, 403, new JsonObject { ["note"] = "platform check" }),
        Http("ClosePeriod", "POST", PeriodsPath + $"/{ThisYear - 1}-12/close", InvoicingRoles.Finance, 200, new JsonObject { ["note"] = "platform check" }),
        Http("ReopenPeriod", "POST", PeriodsPath + $"/{ThisYear - 1}-12/reopen", InvoicingRoles.Finance, 200, new JsonObject { ["reason"] = "platform check" }),
        Http("ApproveBudget", "POST", YearPath + "/budget/approve", InvoicingRoles.Reader, 403, Approval()),
        Http("ApproveBudget", "POST", YearPath + "/budget/approve", InvoicingRoles.Finance, 409, Approval()),
        Http("Me", "GET", "/api/me", InvoicingRoles.Member, 200, party: MemberParty),
        Http("MemberInvoices", "GET", MemberYearPath + "/invoices", InvoicingRoles.Member, 200, save: "member-invoices.json", party: MemberParty),
        Http("MemberShare", "GET", MemberYearPath + "/share", InvoicingRoles.Member, 200, save: "member-share.json", party: MemberParty),
        Http("MemberInvoicePdf", "GET", MemberInvoicesPath + "202600001/pdf", InvoicingRoles.Member, 200, party: MemberParty),
        Http("MemberInvoicePdf", "GET", MemberInvoicesPath + "202600002/pdf", InvoicingRoles.Member, 404, party: MemberParty),
        Http("MemberStatementPdf", "GET", MemberYearPath + "/statement.pdf", InvoicingRoles.Member, 200, party: MemberParty),
        Http("MemberInvoices", "GET", MemberYearPath + "/invoices", InvoicingRoles.Member, 403),
        Http("MemberInvoices", "GET", MemberYearPath + "/invoices", InvoicingRoles.Reader, 403),
        Http("ListInvoices", "GET", YearPath + "/invoices", InvoicingRoles.Member, 403, party: MemberParty),
    ];

    /// <summary>The closed months of the scheme's issuer: a December of last year is closed and reopened (nothing is booked in it).</summary>
    public const string PeriodsPath = "/api/schemes/" + FunctionsPlatform.Scheme + "/periods";

    /// <summary>The 1-based number of the <paramref name="occurrence"/>-th step invoking <paramref name="function"/>.</summary>
    public static int Number(string function, int occurrence = 1)
    {
        var seen = 0;
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Function == function && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"No step {occurrence} of {function}.", nameof(function));
    }

    public static string Json(string downloads, string repositoryRoot)
    {
        var array = new JsonArray();
        foreach (var step in All)
        {
            var node = (JsonObject)step.Fields.DeepClone();
            node["kind"] = step.Kind;
            if (step.Function is not null)
            {
                node["function"] = step.Function;
            }

            if (node["save"] is JsonValue save)
            {
                node["save"] = Path.Combine(downloads, save.GetValue<string>());
            }

            if (node["file"] is JsonValue file)
            {
                node["file"] = file.GetValue<string>().Replace("{examples}", Path.Combine(repositoryRoot, "data", "examples"), StringComparison.Ordinal);
            }

            array.Add(node);
        }

        return array.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static PlatformStep Timer(string function) => new("timer", function, []);

    private static PlatformStep Blob() => new("blob", "ImportBankFile", new JsonObject { ["container"] = "bank-files", ["blob"] = BankFileName });

    /// <summary>An approval of the year the run already approved and issued: the handler's own 409 once identity and role allow it.</summary>
    private static JsonObject Approval() => new() { ["decidedOn"] = "2025-12-15", ["reference"] = "platform check" };

    private static PlatformStep Http(string function, string method, string path, string? role, int status, JsonObject? body = null, string? save = null, string? party = null)
    {
        var fields = new JsonObject { ["method"] = method, ["path"] = path, ["expectStatus"] = status };
        var route = RouteValues(function, path);
        if (route is not null)
        {
            fields["route"] = route;
        }

        if (role is not null)
        {
            fields["principal"] = Principal(role, party);
        }

        if (body is not null)
        {
            fields["body"] = body;
        }

        if (save is not null)
        {
            fields["save"] = save;
        }

        return new("http", function, fields);
    }

    /// <summary>The route values the host passes along, taken from the path by the function's template in <see cref="ApiRoutes"/>.</summary>
    private static JsonObject? RouteValues(string function, string path)
    {
        var template = function switch
        {
            "ListInvoices" => ApiRoutes.YearInvoices,
            "YearSummary" => ApiRoutes.YearSummary,
            "Allocation" => ApiRoutes.YearAllocation,
            "AgingReport" => ApiRoutes.YearAging,
            "InvoicesZip" => ApiRoutes.YearInvoicesZip,
            "LedgerCsv" => ApiRoutes.YearLedgerCsv,
            "LedgerXlsx" => ApiRoutes.YearLedgerXlsx,
            "AgingXlsx" => ApiRoutes.YearAgingXlsx,
            "SieExport" => ApiRoutes.YearExportSie,
            "GetInvoice" => ApiRoutes.Invoice,
            "InvoicePdf" => ApiRoutes.InvoicePdf,
            "InvoiceUbl" => ApiRoutes.InvoiceUbl,
            "EInvoicesZip" => ApiRoutes.YearEInvoicesZip,
            "BookPayment" => ApiRoutes.InvoicePayments,
            "BookRefund" => ApiRoutes.InvoiceRefunds,
            "VoidInvoice" => ApiRoutes.InvoiceVoid,
            "ReminderPdf" => ApiRoutes.InvoiceReminderPdf,
            "BookUnmatchedPayment" => ApiRoutes.UnmatchedPaymentBooking,
            "DownloadBankFile" => ApiRoutes.ArchivedBankFile,
            "InvoiceHistory" => ApiRoutes.InvoiceHistory,
            "ConfirmProposal" => ApiRoutes.ProposalConfirm,
            "RejectProposal" => ApiRoutes.ProposalReject,
            "ListPeriods" => ApiRoutes.Periods,
            "ClosePeriod" => ApiRoutes.PeriodClose,
            "ReopenPeriod" => ApiRoutes.PeriodReopen,
            "ApproveBudget" => ApiRoutes.BudgetApprove,
            "MemberInvoices" => ApiRoutes.MemberYearInvoices,
            "MemberShare" => ApiRoutes.MemberYearShare,
            "MemberInvoicePdf" => ApiRoutes.MemberInvoicePdf,
            "MemberStatementPdf" => ApiRoutes.MemberYearStatementPdf,
            "PartyStatementPdf" => ApiRoutes.PartyStatementPdf,
            "PartyStatementXlsx" => ApiRoutes.PartyStatementXlsx,
            "SendPartyStatement" => ApiRoutes.PartyStatementSend,
            _ => null,
        };
        if (template is null)
        {
            return null;
        }

        var values = new JsonObject();
        var names = template.Split('/');
        var parts = path.TrimStart('/').Split('/');
        for (var i = 0; i < names.Length && i < parts.Length; i++)
        {
            if (names[i].StartsWith('{') && names[i].EndsWith('}'))
            {
                values[names[i][1..^1]] = parts[i];
            }
        }

        return values;
    }

    /// <summary>What App Service Authentication sends for a signed-in Entra ID user with one app role (and a member's party claim).</summary>
    private static JsonObject Principal(string role, string? party)
    {
        var claims = new JsonArray(
            new JsonObject { ["typ"] = "name", ["val"] = role + " (platform check)" },
            new JsonObject { ["typ"] = "roles", ["val"] = role });
        if (party is not null)
        {
            claims.Add(new JsonObject { ["typ"] = InvoicingClaims.Party, ["val"] = party });
        }

        return new() { ["auth_typ"] = "aad", ["name_typ"] = "name", ["role_typ"] = "roles", ["claims"] = claims };
    }

    private static JsonObject Payment(string who) => new()
    {
        ["amount"] = "100,00",
        ["date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["note"] = "platform check",
        ["reference"] = "platform-check-" + who,
    };

    private static JsonObject UnmatchedBooking() => new() { ["invoice"] = "202600001" };
}

/// <summary>One step of the stand-in's steps file: its kind, the function it invokes (if any) and its other fields.</summary>
public sealed record PlatformStep(string Kind, string? Function, JsonObject Fields);
