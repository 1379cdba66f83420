using System.Diagnostics;
using System.Text;
using Invoicing.Testing;

namespace Invoicing.BrowserTests;

/// <summary>The CLI built beside this test project (in the same configuration), run as its own process like a user runs it.</summary>
internal static class Cli
{
    private static string Assembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            return Path.Combine(TestPaths.RepositoryRoot, "src", "Invoicing.Cli", "bin", configuration, testBin.Name, "Invoicing.Cli.dll");
        }
    }

    /// <summary>Runs one command to its end and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Start(environment, workingDirectory, arguments, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"invoicing {string.Join(' ', arguments)} did not finish within 3 minutes:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts a command; stdout and stderr are appended to <paramref name="output"/> as they come.</summary>
    public static Process Start(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, IEnumerable<string> arguments, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        void Append(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
