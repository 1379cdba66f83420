using System.CommandLine;
using Invoicing.Cli;
using Invoicing.Cli.Commands;

var root = new RootCommand("Invoicing: contributions to shared public-sector work, split by budget and population, invoiced exactly once.")
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
    MailCommands.Create(),
    ServeCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
