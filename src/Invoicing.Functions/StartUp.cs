using Invoicing.Composition;
using Microsoft.Extensions.Hosting;

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
        catch (Exception e) when (SettingsRefusal.Describe(e) is { } message)
        {
            Console.Error.WriteLine(RefusalPrefix + message);
            return 1;
        }
    }
}
