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
        };
        switch (line)
        {
            case PopulationPoolLine pool:
                entity.Kind = "PopulationPool";
                entity.Participants = pool.Participants.ToString();
                entity.PopulationSnapshotId = pool.PopulationSnapshotId;
                entity.AllocationUnitOre = pool.AllocationUnit.Ore;
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
            return Kind switch
            {
                "PopulationPool" => new PopulationPoolLine(
                    number,
                    Text,
                    amount,
                    PoolParticipants.Parse(Participants ?? ""),
                    PopulationSnapshotId ?? "",
                    new Money(AllocationUnitOre ?? PopulationPoolLine.DefaultAllocationUnit.Ore)),
                "FixedContribution" => new FixedContributionLine(number, Text, amount, new PartyCode(PartyCode ?? "")),
                "RecordedIncome" => new RecordedIncomeLine(number, Text, amount, PartyCode is null ? null : new PartyCode(PartyCode)),
                "Cost" => new CostLine(number, Text, amount),
                _ => throw new FormatException($"unknown line kind '{Kind}'"),
            };
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Table Budgets, budget {PartitionKey}, row {RowKey}: {e.Message}", e);
        }
    }
}
