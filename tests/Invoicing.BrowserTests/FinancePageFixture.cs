using Invoicing.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invoicing.BrowserTests;

/// <summary>
/// What the browser tests look at: a test Azurite holding the 30 bundled invoices, issued by the CLI's
/// <c>demo</c>; two <c>./invoicing serve</c> processes in front of it, one with API keys (finance signs in on
/// the page with its key, the way a local user does) and one with the development identity of a reader;
/// and Debian's Chromium, driven by Playwright.
/// </summary>
public sealed class FinancePageFixture : IAsyncLifetime
{
    public const string Scheme = "region-mitt-pom";
    public const int Year = 2026;

    private readonly AzuriteFixture _azurite = new();
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), "invoicing-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private ServeProcess? _withApiKeys;
    private ServeProcess? _asReader;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Keys of this run only; the server with API keys knows both.</summary>
    public string FinanceKey { get; } = "finance-" + Guid.NewGuid().ToString("N");

    public string ReaderKey { get; } = "reader-" + Guid.NewGuid().ToString("N");

    /// <summary>A second finance officer's key: with four eyes on (as in Azure), the one who confirms what the first proposed.</summary>
    public string ApproverKey { get; } = "approver-" + Guid.NewGuid().ToString("N");

    /// <summary>A member municipality's key, bound to <see cref="MemberParty"/>: the member's page (<c>/medlem</c>).</summary>
    public string MemberKey { get; } = "member-" + Guid.NewGuid().ToString("N");

    /// <summary>Håbo kommun: the party of <see cref="MemberKey"/>.</summary>
    public const string MemberParty = "0305";

    /// <summary>The server with API keys; every request needs <c>X-Api-Key</c>.</summary>
    public Uri ApiKeyServer => _withApiKeys!.BaseAddress;

    /// <summary>The server started with <c>--dev-role Invoicing.Reader</c>: every request is a reader's.</summary>
    public Uri ReaderServer => _asReader!.BaseAddress;

    public async Task InitializeAsync()
    {
        // Fails before anything slow happens, and never skips: these tests must run in CI.
        Chromium.EnsureInstalled();
        try
        {
            await StartAsync();
        }
        catch
        {
            // Nothing started may outlive a fixture that failed half-way.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        foreach (var server in new[] { _withApiKeys, _asReader })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        (_withApiKeys, _asReader) = (null, null);
        await _azurite.DisposeAsync();
        if (Directory.Exists(_workingDirectory))
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
    }

    /// <summary>The page as a finance officer sees it after entering the finance API key in its "API-nyckel" field.</summary>
    public Task<PageSession> OpenAsFinanceAsync() => OpenWithKeyAsync(FinanceKey);

    /// <summary>The page as the second finance officer sees it.</summary>
    public Task<PageSession> OpenAsApproverAsync() => OpenWithKeyAsync(ApproverKey);

    private async Task<PageSession> OpenWithKeyAsync(string key)
    {
        var session = await OpenAsync(ApiKeyServer);
        var page = session.Page;
        await page.GetByLabel("API-nyckel").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Använd nyckel" }).ClickAsync();
        await Expect(page.Locator("#identity")).ToContainTextAsync("får bokföra");
        await Expect(page.Locator("#invoice-rows tr").First).ToBeVisibleAsync();
        return session;
    }

    /// <summary>
    /// <paramref name="path"/> (<c>/medlem</c> or <c>/</c>) on the server with API keys after entering <paramref name="key"/>
    /// in its "API-nyckel" field; the caller waits for what that page shows to that key.
    /// </summary>
    public async Task<PageSession> OpenWithKeyAsync(string path, string key)
    {
        var session = await OpenAsync(ApiKeyServer, path);
        await session.Page.GetByLabel("API-nyckel").FillAsync(key);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Använd nyckel" }).ClickAsync();
        return session;
    }

    /// <summary>The page as a reader sees it on the server with the reader's development identity (no key needed).</summary>
    public async Task<PageSession> OpenAsReaderAsync()
    {
        var session = await OpenAsync(ReaderServer);
        await Expect(session.Page.Locator("#identity")).ToContainTextAsync("läsbehörighet");
        await Expect(session.Page.Locator("#invoice-rows tr").First).ToBeVisibleAsync();
        return session;
    }

    /// <summary>Where a screenshot is kept as a test artifact: <c>TestResults/screenshots/</c> at the repository root.</summary>
    public static string ScreenshotPath(string fileName)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    private async Task StartAsync()
    {
        await _azurite.InitializeAsync();
        Directory.CreateDirectory(_workingDirectory);

        var storage = new Dictionary<string, string>
        {
            ["INVOICING_STORAGE"] = _azurite.ConnectionString,
            ["Invoicing__Storage__NamePrefix"] = AzuriteFixture.NewPrefix(),
        };
        var demo = await Cli.RunAsync(storage, _workingDirectory, "demo");
        if (demo.ExitCode != 0)
        {
            throw new InvalidOperationException($"./invoicing demo failed with exit code {demo.ExitCode}:\n{demo.Output}");
        }

        var withKeys = new Dictionary<string, string>(storage)
        {
            ["Invoicing__Web__ApiKeys__0__Name"] = "browser-test-finance",
            ["Invoicing__Web__ApiKeys__0__Key"] = FinanceKey,
            ["Invoicing__Web__ApiKeys__0__Role"] = "Invoicing.Finance",
            ["Invoicing__Web__ApiKeys__1__Name"] = "browser-test-reader",
            ["Invoicing__Web__ApiKeys__1__Key"] = ReaderKey,
            ["Invoicing__Web__ApiKeys__1__Role"] = "Invoicing.Reader",
            ["Invoicing__Web__ApiKeys__2__Name"] = "browser-test-approver",
            ["Invoicing__Web__ApiKeys__2__Key"] = ApproverKey,
            ["Invoicing__Web__ApiKeys__2__Role"] = "Invoicing.Finance",
            ["Invoicing__Web__ApiKeys__3__Name"] = "Håbo kommun (webbtest)",
            ["Invoicing__Web__ApiKeys__3__Key"] = MemberKey,
            ["Invoicing__Web__ApiKeys__3__Role"] = "Invoicing.Member",
            ["Invoicing__Web__ApiKeys__3__Party"] = MemberParty,

            // As in Azure: a void or refund waits for a second finance officer.
            ["Invoicing__FourEyes__Enabled"] = "true",
        };
        _withApiKeys = await ServeProcess.StartAsync(withKeys, _workingDirectory, [], FinanceKey);
        _asReader = await ServeProcess.StartAsync(storage, _workingDirectory, ["--dev-role", "Invoicing.Reader"], apiKey: null);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    private async Task<PageSession> OpenAsync(Uri server, string path = "/")
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = server.ToString(),
            AcceptDownloads = true,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new() { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(path);
        return session;
    }
}

/// <summary>One browser context and its page; uncaught script errors are collected so that a test can insist on none.</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = [];

    public PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, message) =>
        {
            lock (_scriptErrors)
            {
                _scriptErrors.Add(message);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ScriptErrors
    {
        get
        {
            lock (_scriptErrors)
            {
                return [.. _scriptErrors];
            }
        }
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
