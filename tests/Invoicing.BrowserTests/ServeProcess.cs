using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invoicing.BrowserTests;

/// <summary>
/// <c>./invoicing serve</c> as its own process on a free loopback port, started and waited for until it answers,
/// and stopped at the end.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServeProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>serve</c> and waits until <c>GET /api/me</c> answers 200, sending <paramref name="apiKey"/> when
    /// given. A server that exits (a port taken between choosing and binding it, say) gets another attempt.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, IReadOnlyList<string> arguments, string? apiKey)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
            var output = new StringBuilder();
            var process = Cli.Start(environment, workingDirectory, ["serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. arguments], output);
            var server = new ServeProcess(process, output, baseAddress);
            try
            {
                await server.WaitUntilAnsweringAsync(apiKey);
                return server;
            }
            catch (InvalidOperationException e)
            {
                last = e;
                await server.DisposeAsync();
            }
            catch (TimeoutException)
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw new InvalidOperationException("./invoicing serve did not start.", last);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync(string? apiKey)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var lastAnswer = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/me", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"GET /api/me answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException e)
            {
                lastAnswer = e.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve at {BaseAddress} did not answer within 60 s ({lastAnswer}):\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
