using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary><c>./invoicing serve</c> as finance starts it: the real CLI process, Kestrel on a free loopback port, Azurite behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeTests(AzuriteFixture azurite)
{
    private const string FinanceKey = "end-to-end-finance-key-0123456789";

    [Fact]
    public async Task Serve_shows_the_page_and_answers_the_api_for_an_api_key_and_no_one_else()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"));
        Ok(await cli.RunAsync("run"));
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(cli, azurite, port, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var page = await http.GetAsync("/");
        using var anonymous = await http.GetAsync("/api/me");
        http.DefaultRequestHeaders.Add("X-Api-Key", FinanceKey);
        using var me = JsonDocument.Parse(await http.GetStringAsync("/api/me"));
        using var invoices = JsonDocument.Parse(await http.GetStringAsync("/api/schemes/region-mitt-pom/years/2026/invoices"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Ekonomi", me.RootElement.GetProperty("name").GetString());
        Assert.True(me.RootElement.GetProperty("canBook").GetBoolean());
        Assert.Equal(29, invoices.RootElement.GetArrayLength());
        Assert.Contains($"Invoicing finance page: http://127.0.0.1:{port}/", serve.Output, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FinanceKey, serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_development_role_gives_every_request_that_role_and_says_so_loudly()
    {
        using var cli = new CliRunner(azurite);
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(cli, azurite, port, "--dev-role", "Invoicing.Reader", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var me = JsonDocument.Parse(await http.GetStringAsync("/api/me"));
        using var booking = await http.PostAsync("/api/invoices/region-mitt-pom/2026/202600014/payments", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["Invoicing.Reader"], me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, booking.StatusCode);
        Assert.Contains("WARNING: development identity", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_Kestrel_answers_HEAD_like_GET_without_a_body_and_sends_the_security_headers()
    {
        using var cli = new CliRunner(azurite);
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(cli, azurite, port, "--dev-role", "Invoicing.Reader", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        foreach (var path in new[] { "/", "/app.js", "/api/me", "/api/schemes/region-mitt-pom/years/2026/summary" })
        {
            using var get = await http.GetAsync(path);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
            if (get.Content.Headers.ContentLength is { } length)
            {
                Assert.Equal(body.Length, length);
                Assert.Equal(length, head.Content.Headers.ContentLength);
            }

            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Headers.GetValues("Content-Security-Policy"), head.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal("no-referrer", head.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("nosniff", head.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Serve_refuses_to_start_without_api_keys_or_a_development_role()
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunAsync("serve", "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refuses to start", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--dev-role", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_the_development_identity_beyond_loopback()
    {
        using var cli = new CliRunner(azurite);

        var result = await cli.RunAsync("serve", "--dev-role", "Invoicing.Finance", "--urls", $"http://0.0.0.0:{FreePort()}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not loopback", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_loopback_refuses_other_host_names_and_changes_from_another_origin_even_with_a_development_role()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed"));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"));
        Ok(await cli.RunAsync("run"));
        var port = FreePort();
        await using var serve = await ServeProcess.StartAsync(cli, azurite, port, "--dev-role", "Invoicing.Finance", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var storage = new Invoicing.Storage.InvoicingStorage(
            new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString), cli.Prefix);
        var before = await StorageContents.TakeAsync(storage);

        HttpRequestMessage Payment(string? host, string? origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices/region-mitt-pom/2026/202600014/payments")
            {
                Content = new StringContent("""{"amount":"100","date":"2026-03-01"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Host = host;
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return request;
        }

        using var rebound = await http.SendAsync(Payment("evil.example", "https://evil.example"));
        using var reboundRead = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Host = $"evil.example:{port}" } });
        using var foreign = await http.SendAsync(Payment(null, "https://evil.example"));
        using var nullOrigin = await http.SendAsync(Payment(null, "null"));

        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.Contains("evil.example", await rebound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reboundRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Equal(before, await StorageContents.TakeAsync(storage));

        using var own = await http.SendAsync(Payment($"localhost:{port}", $"http://localhost:{port}"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The CLI's <c>serve</c> running in the background with one finance API key, until disposed.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private ServeProcess(Process process) => _process = process;

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

        public static async Task<ServeProcess> StartAsync(CliRunner cli, AzuriteFixture azurite, int port, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = cli.WorkingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[CliRunner.CliAssembly, "serve", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["INVOICING_STORAGE"] = azurite.ConnectionString;
            start.Environment["Invoicing__Storage__NamePrefix"] = cli.Prefix;
            start.Environment["Invoicing__Web__ApiKeys__0__Name"] = "Ekonomi";
            start.Environment["Invoicing__Web__ApiKeys__0__Key"] = FinanceKey;
            start.Environment["Invoicing__Web__ApiKeys__0__Role"] = "Invoicing.Finance";
            start.Environment["DOTNET_NOLOGO"] = "1";
            var serve = new ServeProcess(Process.Start(start)!);
            serve._process.OutputDataReceived += (_, e) => serve.Append(e.Data);
            serve._process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();
            await serve.WaitUntilListeningAsync(port);
            return serve;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        private async Task WaitUntilListeningAsync(int port)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_process.HasExited, $"serve exited with {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "")}:\n{Output}");
                if (Output.Contains("Stop with Ctrl+C.", StringComparison.Ordinal))
                {
                    return;
                }

                await Task.Delay(100);
            }

            Assert.Fail($"serve did not listen on {port} within 60 s:\n{Output}");
        }
    }
}
