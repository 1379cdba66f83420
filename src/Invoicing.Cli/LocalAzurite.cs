using System.Diagnostics;
using System.Net.Sockets;

namespace Invoicing.Cli;

/// <summary>
/// Local development storage: when the storage is Azurite's well-known endpoint and nothing listens there,
/// start the repository's pinned Azurite (node_modules) in the background, with its data under the
/// git-ignored <c>.azurite/</c> folder, so consecutive commands see the same tables and blobs.
/// </summary>
internal static class LocalAzurite
{
    private const int BlobPort = 10000;
    private const int QueuePort = 10001;
    private const int TablePort = 10002;

    public static async Task EnsureRunningAsync(TextWriter log, CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(BlobPort, cancellationToken) && await IsListeningAsync(TablePort, cancellationToken))
        {
            return;
        }

        var root = RepositoryRoot.Find()
            ?? throw new CliException(
                "Local storage (Azurite) is not running on 127.0.0.1:10000/10002 and no repository with node_modules was found to start it. " +
                "Run ./invoicing from the repository, start Azurite yourself, or pass --storage.");
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new CliException($"Azurite is not installed in {root}; run 'npm ci' there (./invoicing does this for you).");
        }

        var dataDirectory = Path.Combine(root, ".azurite");
        Directory.CreateDirectory(dataDirectory);
        await log.WriteLineAsync($"Starting local storage (Azurite), data in {dataDirectory} …");

        // setsid detaches it from this terminal so it outlives the command; output goes to a log file so it
        // never mixes with this command's (possibly JSON) output.
        using var start = Process.Start(new ProcessStartInfo("/bin/sh")
        {
            ArgumentList =
            {
                "-c",
                "setsid \"$0\" --silent --skipApiVersionCheck --location \"$1\" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 " +
                $"--blobPort {BlobPort} --queuePort {QueuePort} --tablePort {TablePort} >\"$1/azurite.log\" 2>&1 </dev/null &",
                azurite,
                dataDirectory,
            },
            UseShellExecute = false,
        }) ?? throw new CliException("Could not start /bin/sh to launch Azurite.");
        await start.WaitForExitAsync(cancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await IsListeningAsync(BlobPort, cancellationToken) && await IsListeningAsync(TablePort, cancellationToken))
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new CliException($"Azurite did not start within 30 s; see {Path.Combine(dataDirectory, "azurite.log")}.");
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
