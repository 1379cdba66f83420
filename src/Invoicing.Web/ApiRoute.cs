namespace Invoicing.Web;

/// <summary>
/// One endpoint of finance's API: its HTTP method, its route template (as the Functions app's HTTP triggers
/// write it: no leading slash), the authorization policy it needs and the shared handler.
/// </summary>
public sealed record ApiRoute(string Method, string Template, string Policy, Delegate Handler);
