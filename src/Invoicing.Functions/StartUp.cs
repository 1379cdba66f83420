using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>
/// Runs the worker, and turns a refusal of its settings (<c>ValidateOnStart</c>) into one line on stderr and exit
/// code 1: the host's log then shows which setting is wrong, instead of a stack trace or a timer failing hours later.
/// </summary>
internal static class StartUp
{
    public const string RefusalPrefix = "Invoicing refuses to start: ";

    public static int Run(IHost host)
    {
        try
        {
            host.Run();
            return 0;
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            Console.Error.WriteLine(RefusalPrefix + message);
            return 1;
        }
    }

    /// <summary>The settings' problems as one line, when <paramref name="e"/> is a refusal of settings; otherwise null.</summary>
    internal static string? Refusal(Exception e) => e switch
    {
        OptionsValidationException options => OneLine(options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(i => i is OptionsValidationException) =>
            OneLine(aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)),
        _ => null,
    };

    private static string OneLine(IEnumerable<string> failures) =>
        string.Join("; ", failures.Select(f => string.Join(' ', f.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
}
