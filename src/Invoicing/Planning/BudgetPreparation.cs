using Invoicing.Agreements;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Dataset;
using Invoicing.Populations;

namespace Invoicing.Planning;

/// <summary>
/// Next year from this year (<c>budget prepare</c>): a draft for the new year with the year before's lines and parties,
/// each line's amount as the year before unless its plan (<see cref="AmountPlan"/>) names the new year's, and the population
/// lines on the snapshot named, or on their own snapshots. It is a draft like a seeded one: approved, it is invoiced in the
/// new year's own number series. A year that has a budget is never prepared over.
/// </summary>
public sealed class BudgetPreparation(BudgetStore budgets, PopulationStore populations, AgreementStore agreements, Parties.PartyStore parties, AuditTrail audit)
{
    /// <exception cref="BudgetStateException">The year already has a budget, a line has no figure for it, or the draft cannot be allocated.</exception>
    /// <exception cref="BudgetNotFoundException">The year before has no budget, or the snapshot does not exist.</exception>
    public async Task<Budget> PrepareAsync(SchemeId scheme, int year, int from, string? populationSnapshot, CancellationToken cancellationToken)
    {
        if (await budgets.FindAsync(scheme, year, cancellationToken) is { } existing)
        {
            throw new BudgetStateException(
                $"Budget {existing.Key} already exists ({existing.Status}); a budget is never prepared over another: look at it with budget show --year {year} --scheme {existing.Scheme}.",
                $"Budgeten {existing.Key} finns redan ({BudgetStatusText.Swedish(existing.Status)}); en budget förbereds aldrig över en annan: titta på den med budget show --year {year} --scheme {existing.Scheme}.");
        }

        var source = await budgets.FindAsync(scheme, from, cancellationToken)
            ?? throw new BudgetNotFoundException(
                $"There is no budget for scheme {scheme}, year {from}, to prepare {year} from.",
                $"Det finns ingen budget för samverkan {scheme}, år {from}, att förbereda {year} från.");
        if (populationSnapshot is not null && await populations.FindAsync(populationSnapshot, cancellationToken) is null)
        {
            throw new BudgetNotFoundException(
                $"There is no population snapshot '{populationSnapshot}'; import one with population import, or leave --population out to keep each line's own.",
                $"Det finns inget befolkningsunderlag '{populationSnapshot}'; importera ett med population import, eller utelämna --population för att behålla varje rads egen.");
        }

        var (lines, members) = await CurrentLinesAsync(source, cancellationToken);
        var draft = new Budget(scheme, year, source.SchemeName, [.. lines.Select(line => ForYear(source, line, year, populationSnapshot))]) { Members = members };

        // The agreements are the year before's: whether each still counts in the new year is its own dates'.
        var withAgreement = lines.OfType<SharedLine>().Any(l => l.Participants is PoolParticipants.WithAgreement);
        var signed = withAgreement ? await agreements.GetAsync(scheme, from, cancellationToken) : AgreementTable.Empty;

        // Allocated before anything is written: a draft that cannot be invoiced (a snapshot without a participant) is refused now.
        var snapshotsRead = await populations.GetAsync(draft.Lines.OfType<SharedLine>().Select(l => l.PopulationKey).OfType<string>(), cancellationToken);
        draft = Allocation.BudgetAllocator.Allocate(draft, await parties.GetAllAsync(cancellationToken), snapshotsRead, signed).WithPerCapitaTotals();
        if (withAgreement)
        {
            await agreements.ReplaceAsync(scheme, year, signed, cancellationToken);
        }

        await budgets.AddDraftAsync(draft, cancellationToken);
        var snapshots = string.Join(", ", draft.Lines.OfType<SharedLine>().Select(l => l.PopulationKey).OfType<string>().Distinct(StringComparer.Ordinal));
        await audit.RecordAsync(
            new AuditEntry($"prepare:{scheme}:{year}", AuditActions.BudgetPrepared,
                $"draft prepared from {from} (revision {source.Revision}): {draft.Lines.Count} budget lines, income {draft.TotalIncome.ToInvariantString()} SEK" +
                (snapshots.Length > 0 ? $", population snapshots {snapshots}" : ""))
            {
                Scheme = scheme,
                Year = year,
                Amount = draft.TotalIncome,
            },
            cancellationToken);
        return draft;
    }

    /// <summary>The lines runs invoice to (a revised budget's are its current revision's dataset) and who the members are.</summary>
    private async Task<(IReadOnlyList<BudgetLine> Lines, IReadOnlySet<Parties.PartyCode>? Members)> CurrentLinesAsync(Budget source, CancellationToken cancellationToken)
    {
        if (source.Revision == 0)
        {
            return (source.Lines, source.Members);
        }

        var revision = (await budgets.ListRevisionsAsync(source.Scheme, source.Year, cancellationToken)).Single(r => r.Number == source.Revision);
        var dataset = DatasetLoader.Load(await budgets.ReadRevisionDatasetAsync(revision, cancellationToken));
        return (dataset.Budget.Lines, dataset.Parties.Select(p => p.Code).ToHashSet());
    }

    private static BudgetLine ForYear(Budget source, BudgetLine line, int year, string? populationSnapshot)
    {
        var amount = line.AmountIn(year)
            ?? throw new BudgetStateException(
                $"Budget {source.Key}, line {line.Number} ({line.Text}): its amounts name no figure for {year} and it has no amount for other years; " +
                $"add \"{year}\" to its amounts and seed the dataset for {year} instead.",
                $"Budgeten {source.Key}, rad {line.Number} ({line.Text}): dess belopp anger ingen siffra för {year} och den har inget belopp för andra år; " +
                $"lägg till \"{year}\" i dess belopp och skapa datasetet för {year} med seed i stället.");
        return line switch
        {
            PopulationPoolLine pool => pool with { Amount = amount, PopulationSnapshotId = populationSnapshot ?? pool.PopulationSnapshotId },
            // Rate × population: its amount is worked out again from the new year's figures when the draft is allocated.
            PerCapitaLine perCapita => perCapita with { PopulationSnapshotId = populationSnapshot ?? perCapita.PopulationSnapshotId },
            _ => line with { Amount = amount },
        };
    }
}
