using Microsoft.Playwright;

namespace Invoicing.BrowserTests;

/// <summary>
/// Debian's Chromium, which the tests drive instead of a browser downloaded by Playwright (that download does
/// not work on the machines this project is built on). <c>scripts/ensure-browser.sh</c> installs it.
/// <c>INVOICING_CHROMIUM</c> names another Chromium-based browser, e.g. the Chrome that hosted CI agents carry.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("INVOICING_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
            // Nothing but the loopback test servers resolves: the page must need nothing from outside.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        ],
    };

    /// <summary>The browser tests must run in CI, so a missing browser fails them instead of skipping them.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the browser tests need Debian's chromium package. " +
                "Run scripts/ensure-browser.sh (apt-get install chromium) or ./test.sh, which calls it.");
        }
    }
}
