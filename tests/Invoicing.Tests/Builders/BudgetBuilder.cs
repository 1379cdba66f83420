using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Tests.Builders;

/// <summary>
/// Parties, population snapshots and a draft budget for allocation tests. Every party added with a population
/// gets a row in <see cref="DefaultSnapshot"/> unless another snapshot is named; lines are numbered in the
/// order they are added.
/// </summary>
internal sealed class BudgetBuilder
{
    public const string DefaultSnapshot = "test-2026";
    public const string DefaultScheme = "test-scheme";
    public const int DefaultYear = 2026;

    private readonly Dictionary<PartyCode, Party> _parties = [];
    private readonly Dictionary<string, Dictionary<PartyCode, long>> _snapshots = new(StringComparer.Ordinal);
    private readonly List<Func<int, BudgetLine>> _lines = [];
    private string _scheme = DefaultScheme;
    private int _year = DefaultYear;
    private string _schemeName = "Testsamverkan";

    /// <summary>Västmanland's ten municipalities (county 19) with the bundled populations; no lines yet.</summary>
    public static BudgetBuilder Vastmanland() => new BudgetBuilder()
        .WithMunicipality("1980", "Västerås kommun", "19", 161_236)
        .WithMunicipality("1984", "Arboga kommun", "19", 13_938)
        .WithMunicipality("1982", "Fagersta kommun", "19", 12_956)
        .WithMunicipality("1961", "Hallstahammars kommun", "19", 16_551)
        .WithMunicipality("1960", "Kungsörs kommun", "19", 8_581)
        .WithMunicipality("1983", "Köpings kommun", "19", 25_673)
        .WithMunicipality("1962", "Norbergs kommun", "19", 5_381)
        .WithMunicipality("1981", "Sala kommun", "19", 22_672)
        .WithMunicipality("1904", "Skinnskattebergs kommun", "19", 4_238)
        .WithMunicipality("1907", "Surahammars kommun", "19", 9_773);

    public BudgetBuilder ForScheme(string scheme, int year, string? schemeName = null)
    {
        _scheme = scheme;
        _year = year;
        _schemeName = schemeName ?? _schemeName;
        return this;
    }

    /// <summary>A municipality of <paramref name="county"/>; with a population, also its row in <paramref name="snapshot"/>.</summary>
    public BudgetBuilder WithMunicipality(string code, string name, string county, long? population = null, string snapshot = DefaultSnapshot)
    {
        WithParty(new Party(new PartyCode(code), PartyKind.Municipality, name, new CountyCode(county), null, [], null, null));
        return population is { } p ? WithPopulation(code, p, snapshot) : this;
    }

    public BudgetBuilder WithRegion(string code, string name, string? county = null) =>
        WithParty(new Party(new PartyCode(code), PartyKind.Region, name, county is null ? null : new CountyCode(county), null, [], null, null));

    public BudgetBuilder WithAgency(string code, string name, string? organisationNumber = null) =>
        WithParty(new Party(
            new PartyCode(code),
            PartyKind.Agency,
            name,
            null,
            organisationNumber is null ? null : new OrganisationNumber(organisationNumber),
            [],
            null,
            null));

    public BudgetBuilder WithParty(Party party)
    {
        _parties[party.Code] = party;
        return this;
    }

    /// <summary>Sets (or overwrites) a population row; the snapshot is created by its first row.</summary>
    public BudgetBuilder WithPopulation(string code, long population, string snapshot = DefaultSnapshot)
    {
        if (!_snapshots.TryGetValue(snapshot, out var rows))
        {
            rows = [];
            _snapshots[snapshot] = rows;
        }

        rows[new PartyCode(code)] = population;
        return this;
    }

    /// <summary>An empty snapshot, for pools whose participants have no rows in it.</summary>
    public BudgetBuilder WithSnapshot(string snapshot)
    {
        _snapshots.TryAdd(snapshot, []);
        return this;
    }

    public BudgetBuilder WithoutPopulation(string code, string snapshot = DefaultSnapshot)
    {
        _snapshots[snapshot].Remove(new PartyCode(code));
        return this;
    }

    public BudgetBuilder WithCountyPool(string county, long kronor, string text = "Länets kommuner", string snapshot = DefaultSnapshot, Money? allocationUnit = null) =>
        WithPool(new PoolParticipants.CountyMunicipalities(new CountyCode(county)), Money.FromKronor(kronor), text, snapshot, allocationUnit);

    public BudgetBuilder WithListedPool(IEnumerable<string> codes, long kronor, string text = "Avtalade kommuner", string snapshot = DefaultSnapshot, Money? allocationUnit = null) =>
        WithPool(new PoolParticipants.Listed(codes.Select(c => new PartyCode(c)).ToArray()), Money.FromKronor(kronor), text, snapshot, allocationUnit);

    public BudgetBuilder WithPool(PoolParticipants participants, Money amount, string text, string snapshot = DefaultSnapshot, Money? allocationUnit = null)
    {
        _lines.Add(number => new PopulationPoolLine(number, text, amount, participants, snapshot, allocationUnit ?? PopulationPoolLine.DefaultAllocationUnit));
        return this;
    }

    public BudgetBuilder WithFixedContribution(string party, long kronor, string? text = null)
    {
        _lines.Add(number => new FixedContributionLine(number, text ?? $"Bidrag från {party}", Money.FromKronor(kronor), new PartyCode(party)));
        return this;
    }

    public BudgetBuilder WithRecordedIncome(long kronor, string text = "Överskott från föregående år", string? party = null)
    {
        _lines.Add(number => new RecordedIncomeLine(number, text, Money.FromKronor(kronor), party is null ? null : new PartyCode(party)));
        return this;
    }

    public BudgetBuilder WithCost(long kronor, string text = "Lön samordnare")
    {
        _lines.Add(number => new CostLine(number, text, Money.FromKronor(kronor)));
        return this;
    }

    public BudgetBuilder WithLine(Func<int, BudgetLine> line)
    {
        _lines.Add(line);
        return this;
    }

    public Budget Build() =>
        new(new SchemeId(_scheme), _year, _schemeName, _lines.Select((line, i) => line(i + 1)).ToArray());

    public IReadOnlyDictionary<PartyCode, Party> Parties() => new Dictionary<PartyCode, Party>(_parties);

    public IReadOnlyDictionary<string, PopulationSnapshot> Snapshots() =>
        _snapshots.ToDictionary(
            s => s.Key,
            s => new PopulationSnapshot(s.Key, "Testkälla", new DateOnly(2025, 9, 30), new Dictionary<PartyCode, long>(s.Value)),
            StringComparer.Ordinal);

    public BudgetAllocation Allocate() => BudgetAllocator.Allocate(Build(), Parties(), Snapshots());

    public InvoicePlan Plan() => Allocate().ToInvoicePlan();
}
