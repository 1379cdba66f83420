using System.CommandLine;
using Invoicing.Accounting;
using Invoicing.Composition;
using Microsoft.Extensions.Options;

namespace Invoicing.Cli.Commands;

/// <summary><c>./invoicing systemdokumentation</c>: the system documentation, written from the code (docs/systemdokumentation.md is its output).</summary>
internal static class SystemDocumentationCommand
{
    public static Command Create()
    {
        var command = new Command("systemdokumentation", "Print the system documentation (tables, accounts and voucher rules, audit events, retention), written from the code and the settings.");
        CliAction.Set(command, (parse, services, cancellationToken) =>
        {
            Console.Out.Write(SystemDocumentation.Write(SieChart.FromOptions(services.Get<IOptions<SieOptions>>().Value)));
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }
}
