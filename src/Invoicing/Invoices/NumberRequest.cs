using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>
/// A document that needs a number: the debtor and budget revision it is for (its reservation's natural key) and
/// the dates a new reservation is taken with. An existing reservation keeps the dates it was taken with.
/// </summary>
public sealed record NumberRequest(PartyCode Debtor, int Revision, DateOnly IssueDate, DateOnly DueDate);
