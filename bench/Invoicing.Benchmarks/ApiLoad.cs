using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Invoicing.Benchmarks;

/// <summary>
/// The API under load (issue 24, goal 5): `./invoicing serve` in a process of its own on the benchmark's store, and
/// a bounded number of readers at once, each listing the year's invoices and fetching invoice PDFs in turn over
/// loopback HTTP with a reader's API key. Latencies per kind of request (p50, p95, max) and any answer not 200.
/// With several schemes (the ten-schemes store, 3 110 invoices of one year) each reader lists the schemes' years in
/// turn, starting at a scheme of its own, and its PDFs are spread over every scheme's invoices.
/// </summary>
internal static class ApiLoad
{
    private const string ReaderKey = "benchmark-reader-key-0000000000000001";

    /// <summary>One scheme's year and the numbers of its invoices.</summary>
    public sealed record SchemeYear(string Scheme, int Year, IReadOnlyList<string> Numbers);

    public static async Task<string> MeasureAsync(string cli, string connectionString, string prefix, IReadOnlyList<SchemeYear> years, int readers, int rounds)
    {
        var lists = years.Select(y => $"api/schemes/{y.Scheme}/years/{y.Year}/invoices").ToArray();
        var pdfPaths = years.SelectMany(y => y.Numbers.Select(n => $"api/invoices/{y.Scheme}/{y.Year}/{n}/pdf")).ToArray();
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
            var started = Stopwatch.StartNew();
            while (true)
            {
                if (server.HasExited)
                {
                    return $"API under load: serve stopped: {(await errors).Trim().Split('\n')[^1]}";
                }

                try
                {
                    if ((await http.GetAsync(lists[0])).StatusCode == HttpStatusCode.OK)
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
            await RunAsync(http, lists, pdfPaths, readers, 1, []);
            var listTimes = new List<double>();
            var pdfTimes = new List<double>();
            var failures = new List<string>();
            var cpuBefore = CpuOf(server);
            var azuriteBefore = AzuriteCpu();
            var clock = Stopwatch.StartNew();
            await RunAsync(http, lists, pdfPaths, readers, rounds, failures, listTimes, pdfTimes);
            var elapsed = clock.Elapsed;
            var serverCpu = CpuOf(server) - cpuBefore;
            var azuriteCpu = AzuriteCpu() - azuriteBefore;
            var what = years.Count == 1 ? $"{pdfPaths.Length} invoices" : $"{years.Count} schemes, {pdfPaths.Length} invoices";
            return $"{$"API under load: {readers} readers, {what}",-52} list p50 {Percentile(listTimes, 50),6:0.0} ms  p95 {Percentile(listTimes, 95),6:0.0} ms  max {listTimes.Max(),6:0.0} ms (goal p95 150 ms: {Percentile(listTimes, 95) / 150,4:0.00}x); " +
                $"PDF p50 {Percentile(pdfTimes, 50),5:0.0} ms  p95 {Percentile(pdfTimes, 95),5:0.0} ms  max {pdfTimes.Max(),6:0.0} ms (goal p95 50 ms: {Percentile(pdfTimes, 95) / 50,4:0.00}x); " +
                $"{listTimes.Count + pdfTimes.Count} requests in {elapsed.TotalSeconds:0.00} s, {failures.Count} not 200{(failures.Count > 0 ? $" (first: {failures[0]})" : "")}; " +
                $"CPU: serve {serverCpu.TotalSeconds:0.00} s, Azurite {azuriteCpu.TotalSeconds:0.00} s; serve answered {startup.TotalSeconds:0.00} s after its start";
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

    /// <summary>
    /// Each reader, <paramref name="rounds"/> times: a list (the schemes round-robin, each reader starting at its own),
    /// then four PDFs of invoices spread over all of them.
    /// </summary>
    private static Task RunAsync(HttpClient http, string[] lists, string[] pdfs, int readers, int rounds, List<string> failures, List<double>? listTimes = null, List<double>? pdfTimes = null) =>
        Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await TimeAsync(http, lists[(reader + round) % lists.Length], failures, listTimes);
                for (var k = 0; k < 4; k++)
                {
                    await TimeAsync(http, pdfs[(reader * 97 + round * 31 + k * 7) % pdfs.Length], failures, pdfTimes);
                }
            }
        })));

    /// <summary>
    /// The CPU time of this process's Azurite (the test fixture's node process, a child of this one), from /proc: on
    /// two cores it is the one storage node every request goes through. Zero where /proc cannot say (not Linux).
    /// </summary>
    private static TimeSpan AzuriteCpu()
    {
        var ticks = 0L;
        var us = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                // Fields after the command's closing parenthesis: state, ppid, ..., utime (14th of the line), stime (15th).
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == us && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("azurite", StringComparison.Ordinal))
                {
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone between the listing and the read, or not a process.
            }
        }

        // Linux counts in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static TimeSpan CpuOf(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

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
