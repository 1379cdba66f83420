using Invoicing.Agreements;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Dataset;

/// <summary>
/// A scheme's input data as files: parties, population snapshots, one budget and, for a scheme whose pools go
/// to the parties with an agreement, its agreements (see data/README.md).
/// </summary>
public sealed record Dataset(IReadOnlyList<Party> Parties, IReadOnlyList<PopulationSnapshot> Snapshots, Budget Budget)
{
    /// <summary>The dataset's <c>agreements.csv</c>; empty when it has none.</summary>
    public AgreementTable Agreements { get; init; } = AgreementTable.Empty;
}
