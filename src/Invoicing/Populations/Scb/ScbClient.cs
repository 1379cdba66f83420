using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Invoicing.Populations.Scb;

/// <summary>
/// Calls PxWebApi 2 for one year's population per municipality: <c>POST tables/{table}/data</c> with the total
/// cells selected, JSON-stat2 back. One shared <see cref="HttpClient"/>; calls are spaced to stay under SCB's 30
/// per 10 seconds, a 429 or 5xx is retried after Retry-After (or the rate window), a timeout or a network failure
/// is a clear error rather than a hang.
/// </summary>
public sealed class ScbClient(IOptions<ScbOptions> options, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastCall = DateTimeOffset.MinValue;

    private ScbOptions Options => options.Value;

    public async Task<ScbPopulation> FetchAsync(int year, IReadOnlyList<string>? regions, CancellationToken cancellationToken)
    {
        var table = ScbTable.ForYear(year);
        var codes = regions is { Count: > 0 } ? regions : Municipalities.Names.Keys.Order(StringComparer.Ordinal).ToArray();
        var url = new Uri(Options.BaseUrl, $"tables/{table.Id}/data?lang=sv&outputFormat=json-stat2");
        var body = ScbRequest.Body(ScbRequest.PopulationSelection(table, year, codes));
        var json = await PostAsync(url, body, cancellationToken);
        return JsonStat2Reader.Read(json, url.ToString(), $"POST {url} {body}", year);
    }

    private async Task<byte[]> PostAsync(Uri url, string body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await SpaceCallsAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.Timeout);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Accept.ParseAdd("application/json");
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ScbUnavailableException($"SCB did not answer {url} within {Options.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s; try again later, or import a saved response with --scb FILE.", e);
            }
            catch (HttpRequestException e)
            {
                throw new ScbUnavailableException($"Cannot reach SCB at {url} ({e.Message}); check the network, or import a saved response with --scb FILE.", e);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsByteArrayAsync(cancellationToken);
                }

                var status = (int)response.StatusCode;
                var retriable = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
                if (!retriable || attempt >= Options.MaxAttempts)
                {
                    var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new ScbUnavailableException(
                        $"SCB answered {status} {response.ReasonPhrase} to {url}" + (attempt > 1 ? $" after {attempt} attempts" : "") +
                        $": {detail[..Math.Min(detail.Length, 200)].ReplaceLineEndings(" ")}");
                }

                var wait = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null)
                    ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? Options.RateLimitWait : TimeSpan.FromSeconds(attempt));
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, time, cancellationToken);
            }
        }
    }

    /// <summary>At most one call per <see cref="ScbOptions.MinimumInterval"/> from this process.</summary>
    private async Task SpaceCallsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var wait = _lastCall + Options.MinimumInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            _lastCall = time.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
