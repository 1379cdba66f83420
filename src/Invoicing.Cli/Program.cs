using Invoicing.Cli;

var root = CliRoot.Create();

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

// Every change this command makes is the terminal user's (`serve` names each request's caller instead).
using var actor = Invoicing.Audit.Actor.Acting(Invoicing.Audit.Actor.Terminal());
return await parse.InvokeAsync();
