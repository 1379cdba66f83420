using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Invoicing.Testing;

/// <summary>
/// A real SMTP server for a test: <c>scripts/test-smtp-server.mjs</c> (npm smtp-server) on a free loopback
/// port, writing every message it accepts into a fresh folder. Any login or none; no TLS. Recipients
/// <c>tempfail@</c>, <c>tempfail-N@</c>, <c>reject@</c> and <c>slow@</c> make it misbehave (see the script).
/// Usable as an xunit fixture or started by a test itself (<c>await using</c>) for a server of its own.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TimeSpan _slowReply;
    private Process? _process;

    /// <param name="slowReply">How long the server waits before it answers a message to <c>slow@</c>.</param>
    public SmtpServerFixture(TimeSpan? slowReply = null)
    {
        _slowReply = slowReply ?? TimeSpan.FromSeconds(3);
    }

    public int Port { get; private set; }

    /// <summary>Where the server writes <c>n.json</c> and <c>n.eml</c> for each message it accepted.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "invoicing-smtp-" + Guid.NewGuid().ToString("N")[..12]);

    public static async Task<SmtpServerFixture> StartAsync(TimeSpan? slowReply = null)
    {
        var server = new SmtpServerFixture(slowReply);
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(TestPaths.RepositoryRoot, "scripts", "test-smtp-server.mjs");
        if (!Directory.Exists(Path.Combine(TestPaths.RepositoryRoot, "node_modules", "smtp-server"))
            || !Directory.Exists(Path.Combine(TestPaths.RepositoryRoot, "node_modules", "mailparser")))
        {
            throw new InvalidOperationException(
                $"The test SMTP server needs the npm packages smtp-server and mailparser in {TestPaths.RepositoryRoot}/node_modules: run ./test.sh or npm ci.");
        }

        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node")
            {
                ArgumentList = { script, "0", Folder, ((long)_slowReply.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) },
                WorkingDirectory = TestPaths.RepositoryRoot,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("listening ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The test SMTP server exited before it listened: " + string.Join(Environment.NewLine, errors)));

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException("The test SMTP server needs Node.js ('node' on PATH).", e);
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Every message the server has accepted so far, in the order it accepted them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ReceivedAsync()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var mails = new List<(int Number, ReceivedMail Mail)>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture);
            await using var content = File.OpenRead(file);
            var mail = await JsonSerializer.DeserializeAsync<ReceivedMail>(content, Json)
                ?? throw new InvalidDataException($"{file} holds no message.");
            mails.Add((number, mail));
        }

        return mails.OrderBy(m => m.Number).Select(m => m.Mail).ToArray();
    }

    /// <summary>Waits (at most <paramref name="timeout"/>, 10 s by default) until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var received = await ReceivedAsync();
            if (received.Count >= count)
            {
                return received;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"The test SMTP server received {received.Count} messages within {limit.TotalSeconds} s, not {count}.");
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync() => ((IAsyncDisposable)this).DisposeAsync().AsTask();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
            }

            process.Dispose();
            _process = null;
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>A message as the server received it (see the script for the fields).</summary>
    public sealed record ReceivedMail(
        ReceivedEnvelope Envelope,
        string? User,
        string? From,
        string? To,
        string? ReplyTo,
        string? Subject,
        string? Text,
        string? MessageId,
        IReadOnlyList<ReceivedAttachment> Attachments);

    public sealed record ReceivedEnvelope(string? From, IReadOnlyList<string> To);

    public sealed record ReceivedAttachment(string? Filename, string ContentType, long Size, string Sha256);
}
