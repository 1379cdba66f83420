using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Invoicing.Testing;

/// <summary>
/// A real Azurite for the tests of one assembly: the repository's pinned npm Azurite, in memory, on free
/// loopback ports. Tests share it and keep apart by a unique table/container name prefix each.
/// Set <c>INVOICING_TEST_STORAGE</c> to a connection string to use another emulator or account instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's documented, public development account; it protects nothing.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("INVOICING_TEST_STORAGE") is { Length: > 0 } external)
        {
            ConnectionString = external;
            return;
        }

        var azurite = Path.Combine(TestPaths.RepositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run ./test.sh (or npm ci) first.");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var process = Process.Start(new ProcessStartInfo(azurite)
            {
                ArgumentList =
                {
                    "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry",
                    "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await WaitForPortsAsync(process, blob, table);
                _process = process;
                ConnectionString =
                    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                    $"AccountKey={DevelopmentAccountKey};" +
                    $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
                    $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
                    $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
                return;
            }
            catch (Exception e)
            {
                last = e;
                Stop(process);
            }
        }

        throw new InvalidOperationException("Azurite did not start.", last);
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            Stop(_process);
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh prefix for one test's tables and containers: letters and digits, starting with a letter.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static async Task WaitForPortsAsync(Process process, int blob, int table)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            if (await IsListeningAsync(blob) && await IsListeningAsync(table))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Azurite did not listen within 30 s.");
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
