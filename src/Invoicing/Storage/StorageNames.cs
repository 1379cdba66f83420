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
}
