using Invoicing.Agreements;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Allocation;

/// <summary>
/// Splits a budget's pools and resolves its fixed contributions against the party and population tables.
/// Every problem is collected and reported together; nothing is allocated from a budget that has one.
/// </summary>
public static class BudgetAllocator
{
    public static BudgetAllocation Allocate(
        Budget budget,
        IReadOnlyDictionary<PartyCode, Party> parties,
        IReadOnlyDictionary<string, PopulationSnapshot> snapshots,
        AgreementTable? agreements = null)
    {
        agreements ??= AgreementTable.Empty;
        if (budget.Members is { } members)
        {
            parties = parties.Where(p => members.Contains(p.Key)).ToDictionary();
        }

        var problems = new List<string>();
        var pools = new List<PoolAllocation>();
        var fixedContributions = new List<FixedContribution>();

        foreach (var line in budget.Lines)
        {
            var where = $"line {line.Number} ({line.Text})";
            if (line.Amount < Money.Zero || (line.IsInvoiced && line.Amount == Money.Zero))
            {
                problems.Add($"{where}: amount {line.Amount} must be positive.");
                continue;
            }

            switch (line)
            {
                case PopulationPoolLine pool:
                    var allocated = AllocatePool(pool, where, budget.Year, parties, snapshots, agreements, problems);
                    if (allocated is not null)
                    {
                        pools.Add(allocated);
                    }

                    break;
                case FixedContributionLine fixedLine when parties.TryGetValue(fixedLine.Party, out var party):
                    fixedContributions.Add(new FixedContribution(fixedLine, party));
                    break;
                case FixedContributionLine fixedLine:
                    problems.Add($"{where}: names unknown party {fixedLine.Party}.");
                    break;
                case RecordedIncomeLine { Party: { } recordedParty } when !parties.ContainsKey(recordedParty):
                    problems.Add($"{where}: names unknown party {recordedParty}.");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new BudgetValidationException(budget.Key, problems);
        }

        return new BudgetAllocation(budget, pools, fixedContributions);
    }

    private static PoolAllocation? AllocatePool(
        PopulationPoolLine pool,
        string where,
        int year,
        IReadOnlyDictionary<PartyCode, Party> parties,
        IReadOnlyDictionary<string, PopulationSnapshot> snapshots,
        AgreementTable agreements,
        List<string> problems)
    {
        var problemsBefore = problems.Count;
        if (pool.AllocationUnit <= Money.Zero || pool.Amount.Ore % pool.AllocationUnit.Ore != 0)
        {
            problems.Add($"{where}: amount {pool.Amount} is not a whole number of allocation units of {pool.AllocationUnit}.");
        }

        if (!snapshots.TryGetValue(pool.PopulationSnapshotId, out var snapshot))
        {
            problems.Add($"{where}: population snapshot '{pool.PopulationSnapshotId}' does not exist.");
            return null;
        }

        var participants = ResolveParticipants(pool.Participants, where, year, parties, agreements, problems);
        if (participants.Count == 0)
        {
            problems.Add(pool.Participants is PoolParticipants.WithAgreement
                ? $"{where}: no agreement counts for {year} among the pool's parties ({pool.Participants})."
                : $"{where}: the pool has no participants ({pool.Participants}).");
            return null;
        }

        var weights = new List<(Party Party, long Population)>();
        foreach (var party in participants)
        {
            if (!snapshot.Populations.TryGetValue(party.Code, out var population))
            {
                problems.Add($"{where}: party {party.Code} ({party.Name}) has no population in snapshot '{snapshot.Id}'.");
            }
            else if (population <= 0)
            {
                problems.Add($"{where}: party {party.Code} ({party.Name}) has population {population} in snapshot '{snapshot.Id}'; it must be positive.");
            }
            else
            {
                weights.Add((party, population));
            }
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        var units = LargestRemainder.Allocate(
            pool.Amount.Ore / pool.AllocationUnit.Ore,
            weights.Select(w => (w.Party.Code.Value, w.Population)).ToArray());
        var shares = weights
            .Select((w, i) => new PoolShare(w.Party, w.Population, new Money(units[i] * pool.AllocationUnit.Ore)))
            .OrderBy(s => s.Party.Code)
            .ToArray();
        return new PoolAllocation(pool, snapshot, shares);
    }

    private static List<Party> ResolveParticipants(
        PoolParticipants participants,
        string where,
        int year,
        IReadOnlyDictionary<PartyCode, Party> parties,
        AgreementTable agreements,
        List<string> problems)
    {
        switch (participants)
        {
            case PoolParticipants.CountyMunicipalities county:
                return parties.Values
                    .Where(p => p.Kind == PartyKind.Municipality && p.County == county.County)
                    .ToList();
            case PoolParticipants.Listed listed:
                var resolved = new List<Party>();
                foreach (var duplicate in listed.Parties.GroupBy(c => c).Where(g => g.Count() > 1))
                {
                    problems.Add($"{where}: party {duplicate.Key} is listed {duplicate.Count()} times.");
                }

                foreach (var code in listed.Parties.Distinct())
                {
                    if (parties.TryGetValue(code, out var party))
                    {
                        resolved.Add(party);
                    }
                    else
                    {
                        problems.Add($"{where}: names unknown party {code}.");
                    }
                }

                return resolved;
            case PoolParticipants.WithAgreement withAgreement:
                var signed = new List<Party>();
                foreach (var code in agreements.PartiesFor(year).Order())
                {
                    if (!parties.TryGetValue(code, out var party))
                    {
                        problems.Add($"{where}: the agreement of party {code} names no known party.");
                    }
                    else if (withAgreement.County is not { } county || (party.Kind == PartyKind.Municipality && party.County == county))
                    {
                        signed.Add(party);
                    }
                }

                return signed;
            default:
                throw new InvalidOperationException($"Unknown participants kind {participants.GetType().Name}.");
        }
    }
}
