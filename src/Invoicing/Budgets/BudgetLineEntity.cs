using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Invoicing.Parties;

namespace Invoicing.Budgets;

/// <summary>Table <c>Budgets</c>, a line row: partition = scheme, row key = <c>{year}-L{number:000}</c>.</summary>
internal sealed class BudgetLineEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";

    public string Text { get; set; } = "";

    public long AmountOre { get; set; }

    /// <summary>Pools: <c>county:19</c> or <c>parties:0114 0115</c>.</summary>
    public string? Participants { get; set; }

    public string? PopulationSnapshotId { get; set; }

    public long? AllocationUnitOre { get; set; }

    public string? PartyCode { get; set; }

    /// <summary>Pools: the base fee, cap and floor, in öre (null where the line has none).</summary>
    public long? BaseFeeOre { get; set; }

    public long? CapOre { get; set; }

    public long? FloorOre { get; set; }

    /// <summary>Per capita: öre per inhabitant for every participant, or one column per party kind.</summary>
    public long? RateOre { get; set; }

    public long? RateMunicipalityOre { get; set; }

    public long? RateRegionOre { get; set; }

    public long? RateAgencyOre { get; set; }

    /// <summary>A line with <c>amounts</c> (<see cref="AmountPlan"/>): öre by year, <c>2027:8000000 2028:9000000</c>.</summary>
    public string? PlanAmounts { get; set; }

    /// <summary>The plan's default (the line's <c>amount</c>, for the years it does not name), in öre; absent when it gave only <c>amounts</c>.</summary>
    public long? PlanDefaultOre { get; set; }

    public static string RowKeyFor(int year, int number) =>
        $"{year.ToString("0000", CultureInfo.InvariantCulture)}-L{number.ToString("000", CultureInfo.InvariantCulture)}";

    /// <summary>Row keys of a year's lines lie strictly between these two.</summary>
    public static (string After, string Before) RangeFor(int year) =>
        ($"{year.ToString("0000", CultureInfo.InvariantCulture)}-L", $"{year.ToString("0000", CultureInfo.InvariantCulture)}-M");

    public static BudgetLineEntity From(SchemeId scheme, int year, BudgetLine line)
    {
        var entity = new BudgetLineEntity
        {
            PartitionKey = scheme.Value,
            RowKey = RowKeyFor(year, line.Number),
            Text = line.Text,
            AmountOre = line.Amount.Ore,
            PlanAmounts = line.Plan?.YearsToText(),
            PlanDefaultOre = line.Plan?.Default?.Ore,
        };
        switch (line)
        {
            case PopulationPoolLine pool:
                entity.Kind = "PopulationPool";
                entity.Participants = pool.Participants.ToString();
                entity.PopulationSnapshotId = pool.PopulationSnapshotId;
                entity.AllocationUnitOre = pool.AllocationUnit.Ore;
                entity.BaseFeeOre = pool.BaseFee?.Ore;
                entity.CapOre = pool.Cap?.Ore;
                entity.FloorOre = pool.Floor?.Ore;
                break;
            case PerCapitaLine perCapita:
                entity.Kind = "PerCapita";
                entity.Participants = perCapita.Participants.ToString();
                entity.PopulationSnapshotId = perCapita.PopulationSnapshotId;
                entity.RateOre = perCapita.Rates.All?.Ore;
                entity.RateMunicipalityOre = perCapita.Rates.ByKind.TryGetValue(PartyKind.Municipality, out var municipality) ? municipality.Ore : null;
                entity.RateRegionOre = perCapita.Rates.ByKind.TryGetValue(PartyKind.Region, out var region) ? region.Ore : null;
                entity.RateAgencyOre = perCapita.Rates.ByKind.TryGetValue(PartyKind.Agency, out var agency) ? agency.Ore : null;
                break;
            case EqualSplitLine equal:
                entity.Kind = "EqualSplit";
                entity.Participants = equal.Participants.ToString();
                break;
            case FixedContributionLine fixedLine:
                entity.Kind = "FixedContribution";
                entity.PartyCode = fixedLine.Party.Value;
                break;
            case RecordedIncomeLine recorded:
                entity.Kind = "RecordedIncome";
                entity.PartyCode = recorded.Party?.Value;
                break;
            case CostLine:
                entity.Kind = "Cost";
                break;
            default:
                throw new InvalidOperationException($"Unknown budget line type {line.GetType().Name}.");
        }

        return entity;
    }

    public BudgetLine ToLine()
    {
        var number = int.Parse(RowKey.AsSpan(RowKey.IndexOf('L', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);
        var amount = new Money(AmountOre);
        try
        {
            BudgetLine line = Kind switch
            {
                "PopulationPool" => new PopulationPoolLine(
                    number,
                    Text,
                    amount,
                    PoolParticipants.Parse(Participants ?? ""),
                    PopulationSnapshotId ?? "",
                    new Money(AllocationUnitOre ?? PopulationPoolLine.DefaultAllocationUnit.Ore))
                {
                    BaseFee = Optional(BaseFeeOre),
                    Cap = Optional(CapOre),
                    Floor = Optional(FloorOre),
                },
                "PerCapita" => new PerCapitaLine(number, Text, amount, PoolParticipants.Parse(Participants ?? ""), PopulationSnapshotId ?? "", StoredRates()),
                "EqualSplit" => new EqualSplitLine(number, Text, amount, PoolParticipants.Parse(Participants ?? "")),
                "FixedContribution" => new FixedContributionLine(number, Text, amount, new PartyCode(PartyCode ?? "")),
                "RecordedIncome" => new RecordedIncomeLine(number, Text, amount, PartyCode is null ? null : new PartyCode(PartyCode)),
                "Cost" => new CostLine(number, Text, amount),
                _ => throw new FormatException($"unknown line kind '{Kind}'"),
            };
            return PlanAmounts is null ? line : line with { Plan = AmountPlan.Parse(Optional(PlanDefaultOre), PlanAmounts) };
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Table Budgets, budget {PartitionKey}, row {RowKey}: {e.Message}", e);
        }
    }

    private static Money? Optional(long? ore) => ore is { } value ? new Money(value) : null;

    private PerCapitaRates StoredRates()
    {
        var byKind = new Dictionary<PartyKind, Money>();
        foreach (var (kind, ore) in new[] { (PartyKind.Municipality, RateMunicipalityOre), (PartyKind.Region, RateRegionOre), (PartyKind.Agency, RateAgencyOre) })
        {
            if (ore is { } value)
            {
                byKind[kind] = new Money(value);
            }
        }

        return RateOre is null && byKind.Count == 0
            ? throw new FormatException("a per-capita line has no rate")
            : new PerCapitaRates(Optional(RateOre), byKind);
    }
}
