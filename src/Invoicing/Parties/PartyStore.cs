using Invoicing.Storage;

namespace Invoicing.Parties;

/// <summary>The party table: who can be invoiced, and what their invoices say about them.</summary>
public sealed class PartyStore(InvoicingStorage storage)
{
    public async Task SaveAsync(IEnumerable<Party> parties, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await storage.Table(StorageNames.Parties).UpsertAsync(parties.Select(PartyEntity.From), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<PartyCode, Party>> GetAllAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var parties = new Dictionary<PartyCode, Party>();
        await foreach (var entity in storage.Table(StorageNames.Parties)
            .QueryAsync<PartyEntity>(e => e.PartitionKey == PartyEntity.Partition, cancellationToken: cancellationToken))
        {
            var party = entity.ToParty();
            parties[party.Code] = party;
        }

        return parties;
    }
}
