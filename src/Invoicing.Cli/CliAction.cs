using System.CommandLine;
using Azure;
using Invoicing.Budgets;
using Invoicing.Composition;
using Invoicing.Csv;
using Invoicing.Dataset;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Issuing;
using Invoicing.Payments.BankFiles;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Cli;

/// <summary>
/// Runs a command body with its services, and turns every failure into one clear line on stderr: exit code 1
/// for problems a user can fix, <see cref="Unexpected"/> for the rest.
/// </summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>Something failed that the user cannot fix by changing the input; the message says what.</summary>
    public const int Unexpected = 5;

    public static void Set(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var services = await CliServices.CreateAsync(parse, cancellationToken);
                return await body(parse, services, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return await ReportAsync(e, parse.GetValue(CliOptions.Verbose));
            }
        });

    /// <summary>
    /// Every failure is one line on stderr starting <c>error:</c>, never a stack trace (that only with
    /// <c>--verbose</c>): what the user can fix exits 1, anything else <see cref="Unexpected"/>.
    /// </summary>
    public static async Task<int> ReportAsync(Exception e, bool verbose)
    {
        var (message, code) = e switch
        {
            CliException or BudgetValidationException or BudgetStateException or BudgetNotFoundException or IssuerConfigurationException or KeyNotFoundException
                or DatasetException or CsvException or InvalidDataException or BankFileException or InvalidPaymentException or VoidRefusedException
                or DateInFutureException or FormatException or ArgumentException or Invoicing.Backup.BackupException or Invoicing.Periods.PeriodStateException => (e.Message, Failed),
            _ when SettingsRefusal.Describe(e) is { } settings => (settings, Failed),
            RequestFailedException storage => ($"storage answered {storage.Status} {storage.ErrorCode}: {FirstLine(storage.Message)}", Failed),
            UnauthorizedAccessException or IOException => (e.Message, Failed),
            AggregateException { InnerExceptions.Count: 1 } aggregate => (aggregate.InnerException!.Message, Unexpected),
            _ => ($"{FirstLine(e.Message)} ({e.GetType().Name}; run again with --verbose for details)", Unexpected),
        };
        await Console.Error.WriteLineAsync("error: " + DisplayText.Escape(OneLine(message)));
        if (verbose)
        {
            await Console.Error.WriteLineAsync(e.ToString());
        }

        return code;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>A message listing several problems (one per line) joined into the one line an error gets.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static T Get<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
