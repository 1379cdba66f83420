using System.CommandLine;
using Invoicing.Cli.Commands;

namespace Invoicing.Cli;

/// <summary>
/// The command line: every command and the options all of them take. <c>Program</c> parses with it, and the
/// end-to-end tests parse every <c>./invoicing …</c> line of the walk-throughs in <c>docs/</c> with it.
/// </summary>
internal static class CliRoot
{
    public static RootCommand Create() => new("Invoicing: contributions to shared public-sector work, split by budget and population, invoiced exactly once.")
    {
        CliOptions.Storage,
        CliOptions.Scheme,
        CliOptions.Verbose,
        DemoCommand.Create(),
        SeedCommand.Create(),
        BudgetCommands.Create(),
        RunCommand.Create(),
        InvoicesCommands.Create(),
        PartiesCommands.Create(),
        ReconcileCommand.Create(),
        PaymentsCommands.Create(),
        RemindCommand.Create(),
        DigestCommand.Create(),
        MailCommands.Create(),
        ServeCommand.Create(),
        ExportCommands.Create(),
        ReportCommands.Create(),
        StatementCommand.Create(),
        PopulationCommands.Create(),
        AuditCommands.Create(),
        PeriodsCommands.Create(),
        SystemDocumentationCommand.Create(),
        BackupCommands.Backup(),
        BackupCommands.Restore(),
    };
}
