using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invoicing.Testing.Scb;

/// <summary>
/// A local HTTP server standing in for SCB's API: answers each request with the next recorded response (status,
/// Retry-After, body) and keeps every request it got, so tests check what was asked without the internet.
/// </summary>
public sealed class RecordedScbServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<RecordedResponse> _responses = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Task _loop;

    public RecordedScbServer(params RecordedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _responses.Enqueue(response);
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/api/v2/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base address to configure as <c>Invoicing:Scb:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A port nothing listens on (for the offline case), found the same way.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            RecordedResponse next;
            lock (_requests)
            {
                _requests.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.ContentType, body, DateTimeOffset.UtcNow));
                next = _responses.Count > 1 ? _responses.Dequeue() : _responses.Peek();
            }

            if (next.Delay > TimeSpan.Zero)
            {
                await Task.Delay(next.Delay);
            }

            try
            {
                context.Response.StatusCode = next.Status;
                context.Response.ContentType = "application/json; charset=utf-8";
                if (next.RetryAfterSeconds is { } seconds)
                {
                    context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await context.Response.OutputStream.WriteAsync(next.Body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up (a timeout test); nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>One answer: status, optional Retry-After, body, and how long to wait before answering.</summary>
public sealed record RecordedResponse(int Status, byte[] Body, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static RecordedResponse Ok(byte[] body) => new(200, body);
}

public sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body, DateTimeOffset At);
