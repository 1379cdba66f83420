using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Invoicing.Benchmarks;

/// <summary>
/// The API under load (issue 24, goal 5): `./invoicing serve` in a process of its own on the benchmark's store, and
/// a bounded number of readers at once, each listing the year's invoices and fetching invoice PDFs in turn over
/// loopback HTTP with a reader's API key. Latencies per kind of request (p50, p95, max) and any answer not 200.
/// </summary>
internal static class ApiLoad
{
    private const string ReaderKey = "benchmark-reader-key-0000000000000001";

    public static async Task<string> MeasureAsync(string cli, string connectionString, string prefix, string scheme, int year, IReadOnlyList<string> numbers, int readers, int rounds)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "serve", "--urls", $"http://127.0.0.1:{port}", "--storage", connectionString })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Invoicing__Storage__NamePrefix"] = prefix;
        start.Environment["Invoicing__Web__ApiKeys__0__Name"] = "benchmark reader";
        start.Environment["Invoicing__Web__ApiKeys__0__Key"] = ReaderKey;
        start.Environment["Invoicing__Web__ApiKeys__0__Role"] = "Invoicing.Reader";
        using var server = Process.Start(start)!;
        _ = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = readers }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            http.DefaultRequestHeaders.Add("X-Api-Key", ReaderKey);
            var list = $"api/schemes/{scheme}/years/{year}/invoices";
            var started = Stopwatch.StartNew();
            while (true)
            {
                if (server.HasExited)
                {
                    return $"API under load: serve stopped: {(await errors).Trim().Split('\n')[^1]}";
                }

                try
                {
                    if ((await http.GetAsync(list)).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (started.Elapsed > TimeSpan.FromSeconds(60))
                {
                    return "API under load: serve did not answer within 60 s";
                }

                await Task.Delay(100);
            }

            var startup = started.Elapsed;
            // One warm-up round per reader, not counted: the first request of each connection and code path.
            await RunAsync(http, list, scheme, year, numbers, readers, 1, []);
            var lists = new List<double>();
            var pdfs = new List<double>();
            var failures = new List<string>();
            var clock = Stopwatch.StartNew();
            await RunAsync(http, list, scheme, year, numbers, readers, rounds, failures, lists, pdfs);
            var elapsed = clock.Elapsed;
            return $"{$"API under load: {readers} readers, {numbers.Count} invoices",-52} list p50 {Percentile(lists, 50),6:0.0} ms  p95 {Percentile(lists, 95),6:0.0} ms  max {lists.Max(),6:0.0} ms (goal p95 150 ms: {Percentile(lists, 95) / 150,4:0.00}x); " +
                $"PDF p50 {Percentile(pdfs, 50),5:0.0} ms  p95 {Percentile(pdfs, 95),5:0.0} ms  max {pdfs.Max(),6:0.0} ms (goal p95 50 ms: {Percentile(pdfs, 95) / 50,4:0.00}x); " +
                $"{lists.Count + pdfs.Count} requests in {elapsed.TotalSeconds:0.00} s, {failures.Count} not 200{(failures.Count > 0 ? $" (first: {failures[0]})" : "")}; serve answered {startup.TotalSeconds:0.00} s after its start";
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    /// <summary>Each reader, <paramref name="rounds"/> times: the list, then four PDFs of invoices spread over the year.</summary>
    private static Task RunAsync(HttpClient http, string list, string scheme, int year, IReadOnlyList<string> numbers, int readers, int rounds, List<string> failures, List<double>? lists = null, List<double>? pdfs = null) =>
        Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await TimeAsync(http, list, failures, lists);
                for (var k = 0; k < 4; k++)
                {
                    var number = numbers[(reader * 97 + round * 31 + k * 7) % numbers.Count];
                    await TimeAsync(http, $"api/invoices/{scheme}/{year}/{number}/pdf", failures, pdfs);
                }
            }
        })));

    private static async Task TimeAsync(HttpClient http, string path, List<string> failures, List<double>? into)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var ms = clock.Elapsed.TotalMilliseconds;
        lock (failures)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode} {path}");
            }

            into?.Add(ms);
        }
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
