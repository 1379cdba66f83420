namespace Invoicing.Tests.Architecture;

/// <summary>
/// The product's rooms, bottom to top: a room may use the rooms listed before it and none after it, so the rooms form
/// a graph without a cycle and a change stays in its room and the ones above it. A room is a namespace with its
/// sub-namespaces, except the root (<c>Invoicing</c>, the kernel), which is that namespace alone, and a sub-namespace
/// that is a room of its own (<c>Invoicing.Documents.BudgetReport</c>, <c>Invoicing.Populations.Scb</c>).
/// <c>docs/architecture.md</c> lists the same rooms in the same order (<see cref="ArchitectureTests"/> checks it).
/// </summary>
internal static class Rooms
{
    public const string Kernel = "Invoicing";

    public static readonly IReadOnlyList<string> BottomToTop =
    [
        // Kernel: small types every room may use.
        Kernel,
        "Invoicing.Storage",
        "Invoicing.Csv",
        "Invoicing.Audit",

        // Reference data.
        "Invoicing.Parties",
        "Invoicing.Populations",
        "Invoicing.Agreements",
        "Invoicing.Issuers",
        "Invoicing.Periods",
        "Invoicing.Budgets",

        // What a document says, and its PDF.
        "Invoicing.Documents",

        // The ledger: the Invoices table.
        "Invoicing.Invoices",

        // Reports read off the ledger's balances.
        "Invoicing.Reports",

        // Planning.
        "Invoicing.Allocation",
        "Invoicing.Dataset",
        "Invoicing.Planning",

        // Channels.
        "Invoicing.Documents.BudgetReport",
        "Invoicing.EInvoices",
        "Invoicing.Mail",

        // Issuing and what follows it.
        "Invoicing.Issuing",
        "Invoicing.Reminders",
        "Invoicing.Accounting",

        // Inbound: bank files, reference checks, imports.
        "Invoicing.Payments",
        "Invoicing.Reconciliation",
        "Invoicing.Populations.Scb",
        "Invoicing.Approvals",

        // Telling finance: the daily digest of what came in, fell due, was sent and waits.
        "Invoicing.Digests",

        // The whole store at once: backups and restores of every table and container.
        "Invoicing.Backup",

        // What the hosts call to register everything.
        "Invoicing.Composition",
    ];

    /// <summary>The room a namespace is in: the longest room that is it or contains it; null when none does.</summary>
    public static string? Of(string @namespace) =>
        @namespace == Kernel
            ? Kernel
            : BottomToTop
                .Where(room => room != Kernel && (@namespace == room || @namespace.StartsWith(room + ".", StringComparison.Ordinal)))
                .MaxBy(room => room.Length);

    /// <summary>The position of a room, bottom first.</summary>
    public static int Level(string room) => BottomToTop.ToList().IndexOf(room);
}
