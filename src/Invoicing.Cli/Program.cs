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
    ExportCommands.Create(),
    PopulationCommands.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A wrong command line is usage (exit 2), reported like every other error: one line each, no help dump.
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("error: " + error.Message);
    }

    await Console.Error.WriteLineAsync("Run with --help for the commands and options.");
    return CliAction.Usage;
}

return await parse.InvokeAsync();
