namespace Invoicing.Storage;

/// <summary>Table and container names; see docs/data-model.md for their keys.</summary>
public static class StorageNames
{
    public const string Parties = "Parties";
    public const string PopulationSnapshots = "PopulationSnapshots";
    public const string Budgets = "Budgets";
    public const string InvoiceNumbers = "InvoiceNumbers";
    public const string Invoices = "Invoices";
    public const string UnmatchedPayments = "UnmatchedPayments";
    public const string Outbox = "Outbox";
    public const string Agreements = "Agreements";
    public const string BankFiles = "BankFiles";

    /// <summary>Who changed what, when and from where: append-only, each event chained to the one before by its hash.</summary>
    public const string AuditTrail = "AuditTrail";

    /// <summary>Changes one finance user proposed and another must confirm (four eyes): a void, a refund.</summary>
    public const string ChangeProposals = "ChangeProposals";

    /// <summary>The months of each issuer's books that finance closed: nothing is booked dated in them.</summary>
    public const string AccountingPeriods = "AccountingPeriods";

    public const string InvoicesContainer = "invoices";
    public const string RemindersContainer = "reminders";
    public const string BankFilesContainer = "bank-files";
    public const string ProcessedBankFilesContainer = "bank-files-processed";

    /// <summary>Every imported bank file, once, byte for byte, named by its SHA-256: write once, never replaced (WORM in Azure).</summary>
    public const string ArchivedBankFilesContainer = "bank-files-archive";
    public const string BudgetRevisionsContainer = "budget-revisions";
    public const string EInvoicesContainer = "einvoices";
    public const string EInvoicesOutboxContainer = "einvoices-outbox";

    /// <summary>Each day's audit events, sealed once into a blob that is never replaced (WORM in Azure).</summary>
    public const string AuditSealsContainer = "audit-seals";

    /// <summary>
    /// The nightly backups (<c>yyyy-MM-dd/manifest.json</c>, <c>tables/</c>, <c>containers/</c>), write once (WORM in Azure).
    /// Not in <see cref="InvoicingStorage.ContainerNames"/>: a backup does not back up the backups, and a restore's
    /// "is the store empty" check does not count them.
    /// </summary>
    public const string BackupsContainer = "backups";

    /// <summary>What a row of each table and a blob of each container is: the system documentation's one line for it.</summary>
    public static IReadOnlyDictionary<string, string> Meanings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Parties] = "who can be invoiced: municipalities, regions, agencies, with organisation number and e-invoice address",
        [PopulationSnapshots] = "the population tables a pool is split by, with their source and reference date",
        [Budgets] = "each scheme's budget per year, its lines, its approval decision and revisions",
        [InvoiceNumbers] = "the issuer's gapless number series: each number reserved for one document before it is issued",
        [Invoices] = "the ledger: issued invoices and credit notes with their balances, their payment records and reminders",
        [UnmatchedPayments] = "bank entries no invoice could be found for, until booked by hand",
        [Outbox] = "e-mail, recorded before it is sent",
        [Agreements] = "who has signed a scheme's agreement",
        [BankFiles] = "every imported bank file, once, by its SHA-256, with who imported it and what it booked",
        [AuditTrail] = "the audit trail: every change, who made it, when and from where; chained by hashes",
        [ChangeProposals] = "voids, refunds, budget approvals and reopened months proposed by one finance user, waiting for another (four eyes)",
        [AccountingPeriods] = "each month of an issuer's books finance closed (or reopened): by whom, when, why",
        [InvoicesContainer] = "each invoice's and credit note's PDF, written once (WORM)",
        [EInvoicesContainer] = "each document's Peppol BIS 3 UBL, written once (WORM)",
        [EInvoicesOutboxContainer] = "the hand-off of UBL files to the Peppol operator",
        [RemindersContainer] = "each reminder's PDF and each e-mailed statement's (under statements/), written once (WORM)",
        [BankFilesContainer] = "the drop box for bank files (imported by a blob trigger)",
        [ProcessedBankFilesContainer] = "a dated working copy of each file the trigger imported",
        [ArchivedBankFilesContainer] = "every imported bank file, byte for byte, named by its SHA-256 (WORM)",
        [BudgetRevisionsContainer] = "each budget revision's dataset files, written once",
        [AuditSealsContainer] = "each past day's audit events, sealed once (WORM)",
    };
}
