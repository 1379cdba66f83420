namespace Invoicing.Web.Contracts;

/// <summary>
/// Who the caller is to the API: a name to show, the app roles held, whether the page may offer booking, and a member's
/// party (the code of <see cref="Identity.InvoicingClaims.PartyOf"/>; null for anyone else, and for a member identity
/// bound to no single party, which the member routes refuse).
/// </summary>
public sealed record MeView(string Name, IReadOnlyList<string> Roles, bool CanBook, string? Party);
