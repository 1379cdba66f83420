using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Parties;

namespace Invoicing.Reports;

/// <summary>There is no statement to give: the party is unknown, or it has no documents in the scheme's year.</summary>
public sealed class StatementUnavailableException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}

/// <summary>
/// A party's statement as the stored ledger has it: its documents, the year's payment records and reminders of its
/// invoices, the party's address and the scheme's issuer and name. Only reads.
/// </summary>
public sealed class Statements(
    InvoiceStore invoices,
    PaymentHistory payments,
    ReminderHistory reminders,
    PartyStore parties,
    BudgetStore budgets,
    IssuerDirectory issuers)
{
    /// <summary>The statement of <paramref name="party"/> in the scheme's year, as of <paramref name="asOf"/>.</summary>
    /// <exception cref="StatementUnavailableException">The party is unknown, or has no documents that year.</exception>
    /// <exception cref="InvalidDataException">The ledger's records do not add up to its balances.</exception>
    public async Task<StatementDocument> FindAsync(SchemeId scheme, int year, PartyCode party, DateOnly asOf, CancellationToken cancellationToken)
    {
        var known = await parties.GetAllAsync(cancellationToken);
        var documents = (await invoices.ListAsync(scheme, year, cancellationToken)).Where(d => d.DebtorCode == party).ToArray();
        if (!known.TryGetValue(party, out var found) && documents.Length == 0)
        {
            throw new StatementUnavailableException(
                $"Party {party} is not in the party table.",
                $"Parten {party} finns inte i parttabellen.");
        }

        if (documents.Length == 0)
        {
            throw new StatementUnavailableException(
                $"Party {party} has no invoices in scheme {scheme}, year {year}.",
                $"Parten {party} har inga fakturor i samverkan {scheme}, år {year}.");
        }

        var statement = Statement.Of(
            scheme,
            year,
            party,
            documents,
            await payments.ListYearAsync(scheme, year, cancellationToken),
            await reminders.ListYearAsync(scheme, year, cancellationToken),
            asOf);
        var buyer = new DocumentBuyer(
            found?.Name ?? statement.PartyName,
            found?.AddressLines ?? [],
            found?.OrganisationNumber?.ToString(),
            found?.BuyerReference);
        var schemeName = (await budgets.FindAsync(scheme, year, cancellationToken))?.SchemeName ?? scheme.Value;
        return new StatementDocument(issuers.For(scheme), buyer, schemeName, statement);
    }
}
