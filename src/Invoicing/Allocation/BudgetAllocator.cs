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

        var problems = new Problems();
        var pools = new List<PoolAllocation>();
        var fixedContributions = new List<FixedContribution>();

        foreach (var line in budget.Lines)
        {
            var where = new Where($"line {line.Number} ({line.Text})", $"rad {line.Number} ({line.Text})");
            // A per-capita line's amount is the sum of its shares (zero until worked out from its dataset), not given.
            if (line is not PerCapitaLine && (line.Amount < Money.Zero || (line.IsInvoiced && line.Amount == Money.Zero)))
            {
                problems.Add($"{where.English}: amount {line.Amount} must be positive.", $"{where.Swedish}: beloppet {line.Amount} måste vara positivt.");
                continue;
            }

            switch (line)
            {
                case SharedLine shared:
                    var allocated = AllocateShared(shared, where, budget.Year, parties, snapshots, agreements, problems);
                    if (allocated is not null)
                    {
                        pools.Add(allocated);
                    }

                    break;
                case FixedContributionLine fixedLine when parties.TryGetValue(fixedLine.Party, out var party):
                    fixedContributions.Add(new FixedContribution(fixedLine, party));
                    break;
                case FixedContributionLine fixedLine:
                    problems.Add($"{where.English}: names unknown party {fixedLine.Party}.", $"{where.Swedish}: anger en okänd part {fixedLine.Party}.");
                    break;
                case RecordedIncomeLine { Party: { } recordedParty } when !parties.ContainsKey(recordedParty):
                    problems.Add($"{where.English}: names unknown party {recordedParty}.", $"{where.Swedish}: anger en okänd part {recordedParty}.");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new BudgetValidationException(budget.Key, problems.English, problems.Swedish);
        }

        return new BudgetAllocation(budget, pools, fixedContributions);
    }

    private static PoolAllocation? AllocateShared(
        SharedLine line,
        Where where,
        int year,
        IReadOnlyDictionary<PartyCode, Party> parties,
        IReadOnlyDictionary<string, PopulationSnapshot> snapshots,
        AgreementTable agreements,
        Problems problems)
    {
        var problemsBefore = problems.Count;
        if (line is PopulationPoolLine pool)
        {
            var unit = pool.AllocationUnit;
            if (unit <= Money.Zero || pool.Amount.Ore % unit.Ore != 0)
            {
                problems.Add(
                    $"{where.English}: amount {pool.Amount} is not a whole number of allocation units of {unit}.",
                    $"{where.Swedish}: beloppet {pool.Amount} är inte ett helt antal fördelningsenheter om {unit}.");
            }

            foreach (var (field, term) in new[] { ("baseFee", pool.BaseFee), ("cap", pool.Cap), ("floor", pool.Floor) })
            {
                if (term is { } value && (value < Money.Zero || (unit > Money.Zero && value.Ore % unit.Ore != 0)))
                {
                    problems.Add(
                        $"{where.English}, {field}: {value} is not a whole number of allocation units of {unit}.",
                        $"{where.Swedish}, {field}: {value} är inte ett helt antal fördelningsenheter om {unit}.");
                }
            }
        }

        if (line is EqualSplitLine { Amount.IsWholeKronor: false })
        {
            problems.Add(
                $"{where.English}: amount {line.Amount} of an equal split must be whole kronor.",
                $"{where.Swedish}: beloppet {line.Amount} vid lika delning måste vara hela kronor.");
        }

        PopulationSnapshot? snapshot = null;
        if (line.PopulationKey is { } snapshotId && !snapshots.TryGetValue(snapshotId, out snapshot))
        {
            problems.Add(
                $"{where.English}: population snapshot '{snapshotId}' does not exist.",
                $"{where.Swedish}: befolkningsunderlaget '{snapshotId}' finns inte.");
            return null;
        }

        var participants = ResolveParticipants(line.Participants, where, year, parties, agreements, problems);
        if (participants.Count == 0)
        {
            if (line.Participants is PoolParticipants.WithAgreement)
            {
                problems.Add(
                    $"{where.English}: no agreement counts for {year} among the pool's parties ({line.Participants}).",
                    $"{where.Swedish}: inget avtal gäller för {year} bland pottens parter ({line.Participants}).");
            }
            else
            {
                problems.Add(
                    $"{where.English}: the pool has no participants ({line.Participants}).",
                    $"{where.Swedish}: potten har inga deltagare ({line.Participants}).");
            }

            return null;
        }

        var weights = new List<(Party Party, long Population)>();
        foreach (var party in participants)
        {
            if (snapshot is null)
            {
                weights.Add((party, 0));
            }
            else if (!snapshot.Populations.TryGetValue(party.Code, out var population))
            {
                problems.Add(
                    $"{where.English}: party {party.Code} ({party.Name}) has no population in snapshot '{snapshot.Id}'.",
                    $"{where.Swedish}: parten {party.Code} ({party.Name}) saknar befolkning i befolkningsunderlaget '{snapshot.Id}'.");
            }
            else if (population <= 0)
            {
                problems.Add(
                    $"{where.English}: party {party.Code} ({party.Name}) has population {population} in snapshot '{snapshot.Id}'; it must be positive.",
                    $"{where.Swedish}: parten {party.Code} ({party.Name}) har befolkningen {population} i befolkningsunderlaget '{snapshot.Id}'; den måste vara positiv.");
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

        var shares = line switch
        {
            PopulationPoolLine p => PoolShares(p, weights, where, problems),
            PerCapitaLine c => PerCapitaShares(c, weights, where, problems),
            EqualSplitLine e => EqualShares(e, weights),
            _ => throw new InvalidOperationException($"Unknown shared line type {line.GetType().Name}."),
        };
        if (shares is null || problems.Count > problemsBefore)
        {
            return null;
        }

        var allocation = new PoolAllocation(line, snapshot, shares.OrderBy(s => s.Party.Code).ToArray());
        if (line is PerCapitaLine && line.Amount != Money.Zero && line.Amount != allocation.Total)
        {
            // The stored total is rate × population as it was read; a snapshot changed since would change what is asked.
            problems.Add(
                $"{where.English}: the line's total {line.Amount} is not the sum of rate × population ({allocation.Total}).",
                $"{where.Swedish}: radens summa {line.Amount} är inte summan av belopp per invånare × befolkning ({allocation.Total}).");
            return null;
        }

        if (line is PerCapitaLine && allocation.Total == Money.Zero)
        {
            problems.Add(
                $"{where.English}: rate × population comes to 0 kr for every participant; there is nothing to invoice.",
                $"{where.Swedish}: belopp per invånare × befolkning blir 0 kr för varje deltagare; det finns inget att fakturera.");
            return null;
        }

        return allocation;
    }

    /// <summary>Base fee, then the rest by population, within cap and floor: <see cref="PoolSplit"/>, in the line's allocation units.</summary>
    private static PoolShare[]? PoolShares(PopulationPoolLine pool, List<(Party Party, long Population)> weights, Where where, Problems problems)
    {
        var unit = pool.AllocationUnit.Ore;
        long? Units(Money? term) => term is { } value ? value.Ore / unit : null;
        var split = PoolSplit.Split(
            pool.Amount.Ore / unit,
            weights.Select(w => (w.Party.Code.Value, w.Population)).ToArray(),
            new PoolSplit.Terms(Units(pool.BaseFee), Units(pool.Cap), Units(pool.Floor)),
            units => SwedishFormat.WholeKronor(new Money(units * unit)));
        if (split.IsRefused)
        {
            problems.Add($"{where.English}, {split.Field}: {split.Refusal}.", $"{where.Swedish}, {split.Field}: {split.SwedishRefusal}.");
            return null;
        }

        return weights
            .Select((w, i) => new PoolShare(w.Party, w.Population, new Money(split.Units![i] * unit)) { BaseFee = pool.BaseFee, Bound = split.Bounds![i] })
            .ToArray();
    }

    private static PoolShare[]? PerCapitaShares(PerCapitaLine line, List<(Party Party, long Population)> weights, Where where, Problems problems)
    {
        var shares = new List<PoolShare>();
        foreach (var (party, population) in weights)
        {
            if (line.Rates.For(party.Kind) is not { } rate)
            {
                problems.Add(
                    $"{where.English}, rates: party {party.Code} ({party.Name}) is a {party.Kind} and the line has no rate for that kind.",
                    $"{where.Swedish}, rates: parten {party.Code} ({party.Name}) är en {SwedishKind(party.Kind)} och raden har inget belopp per invånare för det slaget.");
                continue;
            }

            shares.Add(new PoolShare(party, population, PerCapitaRule.Share(rate, population)) { Rate = rate });
        }

        return shares.ToArray();
    }

    private static PoolShare[] EqualShares(EqualSplitLine line, List<(Party Party, long Population)> weights)
    {
        var kronor = EqualSplitRule.Split(line.Amount.Ore / Money.OrePerKrona, weights.Select(w => w.Party.Code.Value).ToArray());
        return weights.Select((w, i) => new PoolShare(w.Party, 0, Money.FromKronor(kronor[i]))).ToArray();
    }

    private static List<Party> ResolveParticipants(
        PoolParticipants participants,
        Where where,
        int year,
        IReadOnlyDictionary<PartyCode, Party> parties,
        AgreementTable agreements,
        Problems problems)
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
                    problems.Add(
                        $"{where.English}: party {duplicate.Key} is listed {duplicate.Count()} times.",
                        $"{where.Swedish}: parten {duplicate.Key} står {duplicate.Count()} gånger i listan.");
                }

                foreach (var code in listed.Parties.Distinct())
                {
                    if (parties.TryGetValue(code, out var party))
                    {
                        resolved.Add(party);
                    }
                    else
                    {
                        problems.Add($"{where.English}: names unknown party {code}.", $"{where.Swedish}: anger en okänd part {code}.");
                    }
                }

                return resolved;
            case PoolParticipants.WithAgreement withAgreement:
                var signed = new List<Party>();
                foreach (var code in agreements.PartiesFor(year).Order())
                {
                    if (!parties.TryGetValue(code, out var party))
                    {
                        problems.Add(
                            $"{where.English}: the agreement of party {code} names no known party.",
                            $"{where.Swedish}: avtalet för parten {code} anger ingen känd part.");
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

    private static string SwedishKind(PartyKind kind) => kind switch
    {
        PartyKind.Municipality => "kommun",
        PartyKind.Region => "region",
        PartyKind.Agency => "myndighet",
        _ => kind.ToString(),
    };

    /// <summary>The line a problem is about, as the terminal and as the page say it.</summary>
    private sealed record Where(string English, string Swedish);

    /// <summary>The problems found, each in English (the terminal) and in Swedish (the page), in the same order.</summary>
    private sealed class Problems
    {
        public List<string> English { get; } = [];

        public List<string> Swedish { get; } = [];

        public int Count => English.Count;

        public void Add(string english, string swedish)
        {
            English.Add(english);
            Swedish.Add(swedish);
        }
    }
}
