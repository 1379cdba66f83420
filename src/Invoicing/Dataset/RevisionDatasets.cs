using Invoicing.Budgets;

namespace Invoicing.Dataset;

/// <summary>A budget revision's dataset: the budget store keeps the bytes, the dataset knows their form.</summary>
public static class RevisionDatasets
{
    /// <summary>The files of a revision's dataset, as recorded.</summary>
    public static async Task<DatasetFiles> ReadRevisionDatasetAsync(this BudgetStore budgets, BudgetRevision revision, CancellationToken cancellationToken)
    {
        var (json, source) = await budgets.ReadRevisionDatasetJsonAsync(revision, cancellationToken);
        return DatasetFiles.FromJsonBytes(json, source);
    }
}
