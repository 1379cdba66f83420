namespace Invoicing.Populations.Scb;

/// <summary>Where and how politely SCB's API is called (section <c>Invoicing:Scb</c>).</summary>
public sealed class ScbOptions
{
    public const string Section = "Invoicing:Scb";

    /// <summary>PxWebApi 2's base address; tests point it at a local server with recorded answers.</summary>
    public Uri BaseUrl { get; set; } = new("https://statistikdatabasen.scb.se/api/v2/");

    /// <summary>How long one call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Calls per request at most (the first and the retries after 429 or 5xx).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>SCB allows 30 calls per 10 seconds from one address; calls are spaced so that is never exceeded.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMilliseconds(334);

    /// <summary>The wait after a 429 without Retry-After: SCB's window is 10 seconds.</summary>
    public TimeSpan RateLimitWait { get; set; } = TimeSpan.FromSeconds(10);
}
