using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Dataset;

/// <summary>A scheme's input data as files: parties, population snapshots and one budget (see data/README.md).</summary>
public sealed record Dataset(IReadOnlyList<Party> Parties, IReadOnlyList<PopulationSnapshot> Snapshots, Budget Budget);
