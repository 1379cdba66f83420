namespace Invoicing.Web.Contracts;

/// <summary>Who the caller is to the API: a name to show, the app roles held, and whether the page may offer booking.</summary>
public sealed record MeView(string Name, IReadOnlyList<string> Roles, bool CanBook);
