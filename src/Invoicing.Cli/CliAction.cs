using System.CommandLine;
using Azure;
using Invoicing.Budgets;
using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Issuers;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Cli;

/// <summary>
/// Runs a command body with its services, and turns the problems a user can fix into one clear line on
/// stderr and exit code 1 (unexpected failures keep their stack trace).
/// </summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failed = 1;

    public static void Set(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var services = await CliServices.CreateAsync(parse, cancellationToken);
                return await body(parse, services, cancellationToken);
            }
            catch (Exception e) when (e is CliException or BudgetValidationException or BudgetStateException or BudgetNotFoundException
                or IssuerConfigurationException or DatasetException or CsvException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message);
                return Failed;
            }
            catch (RequestFailedException e)
            {
                await Console.Error.WriteLineAsync($"error: storage answered {e.Status} {e.ErrorCode}: {e.Message.Split('\n')[0]}");
                return Failed;
            }
        });

    public static T Get<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
