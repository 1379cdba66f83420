using System.Text.Json;
using Invoicing.Agreements;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Csv;
using Invoicing.Documents;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Dataset;

/// <summary>
/// Reads a dataset folder (<c>parties.csv</c>, <c>populations.csv</c>, <c>budget.json</c>, and <c>agreements.csv</c>
/// where the budget has a pool among the parties with an agreement) and checks it whole:
/// every field, duplicate codes, and that the budget allocates against the dataset's own tables. Any
/// problem stops the load with a message naming file, row and field.
/// </summary>
public static class DatasetLoader
{
    public const string PartiesFile = "parties.csv";
    public const string PopulationsFile = "populations.csv";
    public const string BudgetFile = "budget.json";
    public const string AgreementsFile = "agreements.csv";

    public static Dataset Load(string directory)
    {
        try
        {
            return Load(DatasetFiles.Read(directory));
        }
        catch (CsvException e)
        {
            throw new DatasetException(e.Message, e);
        }
    }

    /// <summary>Checks a dataset given as its files' text (a folder read, or a stored budget revision).</summary>
    public static Dataset Load(DatasetFiles files)
    {
        try
        {
            var parties = ReadParties(KnownColumnsOnly(CsvTable.Parse(PartiesFile, files.Parties), PartyColumns, required: 3));
            var snapshots = ReadPopulations(KnownColumnsOnly(CsvTable.Parse(PopulationsFile, files.Populations), PopulationColumns, required: 5));
            var budget = ReadBudget(files.Budget);
            var agreements = files.Agreements is null
                ? AgreementTable.Empty
                : ReadAgreements(KnownColumnsOnly(CsvTable.Parse(AgreementsFile, files.Agreements), AgreementColumns, required: 4), parties);
            if (files.Agreements is null && budget.Lines.OfType<SharedLine>().FirstOrDefault(l => l.Participants is PoolParticipants.WithAgreement) is { } pool)
            {
                throw new DatasetException($"{BudgetFile}, lines[{pool.Number - 1}].participants: '{pool.Participants}' needs the dataset's {AgreementsFile} (party, signed_on, ends_on, reference), and there is none.");
            }

            var allocation = BudgetAllocator.Allocate(
                budget,
                parties.ToDictionary(p => p.Code),
                snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal),
                agreements);

            // A per-capita line asks for rate × population: its amount is known only now, from the dataset's own tables.
            return new Dataset(parties, snapshots, allocation.WithPerCapitaTotals()) { Agreements = agreements };
        }
        catch (CsvException e)
        {
            throw new DatasetException(e.Message, e);
        }
        catch (BudgetValidationException e)
        {
            throw new DatasetException($"{BudgetFile}: {e.Message}", e);
        }
    }

    private static readonly string[] PartyColumns = ["code", "kind", "name", "county_code", "org_number", "address_lines", "invoice_email", "buyer_reference", "peppol_endpoint"];
    private static readonly string[] PopulationColumns = ["snapshot", "code", "population", "source", "reference_date"];
    private static readonly string[] AgreementColumns = ["party", "signed_on", "ends_on", "reference"];

    /// <summary>A column the loader does not know is a typo until shown otherwise: read silently, it would drop its data.</summary>
    private static CsvTable KnownColumnsOnly(CsvTable table, string[] known, int required)
    {
        foreach (var column in known.Take(required))
        {
            // A missing column is named as such (a renamed one is then also unknown, but missing says more).
            table.ColumnIndex(column);
        }

        if (table.Header.FirstOrDefault(column => !known.Contains(column, StringComparer.Ordinal)) is { } unknown)
        {
            throw new CsvException($"{table.Source}, row 1, header: unknown column '{Invoicing.DocumentText.Quote(unknown)}'; the columns are {string.Join(", ", known)}.");
        }

        return table;
    }

    private static List<Party> ReadParties(CsvTable table)
    {
        var parties = new List<Party>();
        var seen = new Dictionary<PartyCode, int>();
        var organisations = new Dictionary<OrganisationNumber, (PartyCode Code, int Row)>();
        foreach (var row in table.Rows)
        {
            var code = table.Parse(row, "code", ScbCode.PartyCode);
            if (seen.TryGetValue(code, out var firstRow))
            {
                throw new CsvException($"{table.Source}, row {row.LineNumber}, field code: duplicate party code {code} (first on row {firstRow}).");
            }

            seen[code] = row.LineNumber;
            var kind = table.Parse(row, "kind", s => Enum.GetNames<PartyKind>().Contains(s, StringComparer.Ordinal)
                ? Enum.Parse<PartyKind>(s)
                : throw new FormatException($"kind must be one of {string.Join(", ", Enum.GetNames<PartyKind>())}."));
            CountyCode? county = table.OptionalField(row, "county_code") is null ? null : table.Parse(row, "county_code", ScbCode.County);
            if (kind == PartyKind.Municipality)
            {
                table.Parse(row, "code", s => ScbCode.CheckMunicipality(code, county));
            }

            OrganisationNumber? orgNumber = table.OptionalField(row, "org_number") is null ? null : table.Parse(row, "org_number", s => new OrganisationNumber(s));
            if (orgNumber is { } organisation)
            {
                if (organisations.TryGetValue(organisation, out var other))
                {
                    throw new CsvException(
                        $"{table.Source}, row {row.LineNumber}, field org_number: {organisation} is already party {other.Code}'s (row {other.Row}); two parties cannot share one organisation number (one invoice recipient, one set of books).");
                }

                organisations[organisation] = (code, row.LineNumber);
            }

            var addressLines = table.OptionalField(row, "address_lines") is null ? []
                : table.Parse(row, "address_lines", s => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: <= Party.MaxAddressLines } lines
                    ? lines.Select(line => DocumentText.Check(line, Party.MaxAddressLineLength)).ToArray()
                    : throw new FormatException($"has more than {Party.MaxAddressLines} lines ('|' between lines)."));
            var name = table.Parse(row, "name", s => s.Length == 0 ? throw new FormatException($"Party {code} has no name.") : DocumentText.Check(s, Party.MaxNameLength));
            var email = table.OptionalField(row, "invoice_email") is null ? null : table.Parse(row, "invoice_email", InvoiceEmail.Parse);
            var buyerReference = table.OptionalField(row, "buyer_reference") is null ? null
                : table.Parse(row, "buyer_reference", s => DocumentText.Check(s, Party.MaxBuyerReferenceLength));
            PeppolEndpoint? endpoint = table.OptionalField(row, "peppol_endpoint") is null ? null : table.Parse(row, "peppol_endpoint", s => PeppolEndpoint.Parse(s, orgNumber));
            parties.Add(table.Parse(row, "name", _ => new Party(code, kind, name, county, orgNumber, addressLines, email, buyerReference) { PeppolEndpoint = endpoint }));
        }

        return parties;
    }

    /// <summary>
    /// One agreement per party of the dataset's own party table; <c>ends_on</c> (the last day in force) may be
    /// empty but never before <c>signed_on</c>; the reference (diary number, decision) is required.
    /// </summary>
    private static AgreementTable ReadAgreements(CsvTable table, IReadOnlyList<Party> parties)
    {
        var known = parties.Select(p => p.Code).ToHashSet();
        var agreements = new List<Agreement>();
        var seen = new Dictionary<PartyCode, int>();
        foreach (var row in table.Rows)
        {
            var party = table.Parse(row, "party", s => new PartyCode(s));
            if (!known.Contains(party))
            {
                throw new CsvException($"{table.Source}, row {row.LineNumber}, field party: {party} is not in {PartiesFile}.");
            }

            if (seen.TryGetValue(party, out var firstRow))
            {
                throw new CsvException($"{table.Source}, row {row.LineNumber}, field party: {party} already has an agreement (row {firstRow}); one row per party.");
            }

            seen[party] = row.LineNumber;
            var signedOn = table.Parse(row, "signed_on", IsoDate.Parse);
            DateOnly? endsOn = table.OptionalField(row, "ends_on") is null ? null : table.Parse(row, "ends_on", s => IsoDate.Parse(s) is var end && end >= signedOn
                ? end
                : throw new FormatException($"is before signed_on {IsoDate.Format(signedOn)}."));
            var reference = table.Parse(row, "reference", s => s.Length == 0 ? throw new FormatException("must not be empty (the agreement's diary number or decision).") : DocumentText.Check(s, Agreement.MaxReferenceLength));
            agreements.Add(new Agreement(party, signedOn, endsOn, reference));
        }

        return new AgreementTable(agreements);
    }

    /// <summary>
    /// The buyer's reference (BT-10) is the code the buyer's accounts payable route by; it travels in every
    /// e-invoice and on the PDF, so it must be one printable line of sensible length.
    /// </summary>
    private static List<PopulationSnapshot> ReadPopulations(CsvTable table)
    {
        var rows = table.Rows.Select(row => new
        {
            Row = row,
            Snapshot = table.Field(row, "snapshot"),
            Code = table.Parse(row, "code", ScbCode.PartyCode),
            Population = table.Parse(row, "population", s => long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= PopulationSnapshot.MaxPopulation
                ? n
                : throw new FormatException($"population must be a positive whole number, at most {PopulationSnapshot.MaxPopulation}.")),
            Source = table.Field(row, "source"),
            Date = table.Parse(row, "reference_date", IsoDate.Parse),
        }).ToList();

        var snapshots = new List<PopulationSnapshot>();
        foreach (var group in rows.GroupBy(r => r.Snapshot, StringComparer.Ordinal))
        {
            var first = group.First();
            var populations = new Dictionary<PartyCode, long>();
            foreach (var r in group)
            {
                if (r.Source != first.Source || r.Date != first.Date)
                {
                    throw new CsvException($"{table.Source}, row {r.Row.LineNumber}: snapshot '{r.Snapshot}' has another source or reference date than on row {first.Row.LineNumber}.");
                }

                if (!populations.TryAdd(r.Code, r.Population))
                {
                    throw new CsvException($"{table.Source}, row {r.Row.LineNumber}, field code: {r.Code} appears twice in snapshot '{r.Snapshot}'.");
                }
            }

            try
            {
                snapshots.Add(new PopulationSnapshot(first.Snapshot, first.Source, first.Date, populations));
            }
            catch (FormatException e)
            {
                throw new CsvException($"{table.Source}, row {first.Row.LineNumber}, field snapshot: {e.Message}");
            }
        }

        return snapshots;
    }

    private static Budget ReadBudget(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{BudgetFile}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetException($"{BudgetFile}: must be a JSON object with scheme, schemeName, year and lines.");
            }

            var scheme = Field(root, "scheme", BudgetFile, e => new SchemeId(e.GetString()!));
            var schemeName = Field(root, "schemeName", BudgetFile, e => e.GetString() is { Length: > 0 } s ? s : throw new FormatException("must not be empty."));
            var year = Field(root, "year", BudgetFile, e => e.GetInt32() is >= 2000 and <= 2999 and var y ? y : throw new FormatException("must be a year from 2000 to 2999."));
            if (!root.TryGetProperty("lines", out var linesElement) || linesElement.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetException($"{BudgetFile}: 'lines' must be an array.");
            }

            var lines = linesElement.EnumerateArray().Select((line, index) => ReadLine(line, index, year)).ToArray();
            return new Budget(scheme, year, schemeName, lines);
        }
    }

    private static BudgetLine ReadLine(JsonElement line, int index, int year)
    {
        var where = $"{BudgetFile}, lines[{index}]";
        var number = index + 1;
        var kind = Field(line, "kind", where, e => e.GetString()!);
        var text = Field(line, "text", where, e => e.GetString() is { Length: > 0 } s ? s : throw new FormatException("must not be empty."));
        Money Kronor(JsonElement e, string example) => Money.TryParseKronor(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString(), out var m)
            ? m
            : throw new FormatException($"must be kronor with at most two decimals, e.g. \"{example}\".");
        Money? Optional(string name, string example) => line.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Field(line, name, where, e => Kronor(e, example))
            : null;
        PartyCode? Party() => line.TryGetProperty("party", out var party) && party.ValueKind != JsonValueKind.Null ? Field(line, "party", where, e => new PartyCode(e.GetString()!)) : null;
        PoolParticipants Participants() => Field(line, "participants", where, e => PoolParticipants.Parse(e.GetString()!));
        string Snapshot() => Field(line, "populationSnapshot", where, e => e.GetString()!);
        if (kind == "PerCapita")
        {
            // The amount is what the rates come to; a figure typed beside them could only disagree.
            foreach (var field in new[] { "amount", "amounts" })
            {
                if (line.TryGetProperty(field, out _))
                {
                    throw new DatasetException($"{where}.{field}: a PerCapita line has no amount; it is rate × population, summed over the participants.");
                }
            }
        }

        // "amounts" names a figure per year and wins for the years it names; "amount" is the figure of every other year.
        var plan = line.TryGetProperty("amounts", out var amounts) && amounts.ValueKind != JsonValueKind.Null
            ? ReadAmounts(amounts, where, Optional("amount", "75000"), Kronor)
            : null;
        var amount = kind == "PerCapita" ? Money.Zero
            : plan is null
            ? Field(line, "amount", where, e => Kronor(e, "75000"))
            : plan.For(year) ?? throw new DatasetException($"{where}.amounts: no figure for {year}, the budget's year, and the line has no amount for the years it does not name.");
        if (kind != "PopulationPool" && (line.TryGetProperty("baseFee", out _) || line.TryGetProperty("cap", out _) || line.TryGetProperty("floor", out _)))
        {
            throw new DatasetException($"{where}: baseFee, cap and floor belong to a PopulationPool line, not a {kind} line.");
        }

        BudgetLine read = kind switch
        {
            "PopulationPool" => new PopulationPoolLine(
                number,
                text,
                amount,
                Participants(),
                Snapshot(),
                line.TryGetProperty("allocationUnit", out _)
                    ? Field(line, "allocationUnit", where, e => Money.TryParseKronor(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString(), out var unit) && unit > Money.Zero
                        ? unit
                        : throw new FormatException("must be a positive amount in kronor, e.g. \"1\" or \"0.01\"."))
                    : PopulationPoolLine.DefaultAllocationUnit)
            {
                BaseFee = Optional("baseFee", "2000"),
                Cap = Optional("cap", "30000"),
                Floor = Optional("floor", "1000"),
            },
            "PerCapita" => new PerCapitaLine(number, text, amount, Participants(), Snapshot(), ReadRates(line, where)),
            "EqualSplit" => new EqualSplitLine(number, text, amount, Participants()),
            "FixedContribution" => new FixedContributionLine(number, text, amount, Party() ?? throw new DatasetException($"{where}.party: a fixed contribution names its party.")),
            "RecordedIncome" => new RecordedIncomeLine(number, text, amount, Party()),
            "Cost" => new CostLine(number, text, amount),
            _ => throw new DatasetException($"{where}.kind: '{kind}' is not one of PopulationPool, PerCapita, EqualSplit, FixedContribution, RecordedIncome, Cost."),
        };
        return read with { Plan = plan };
    }

    /// <summary><c>"amounts": { "2027": "80000", "2028": "85000" }</c>: kronor by year, at least one year.</summary>
    private static AmountPlan ReadAmounts(JsonElement amounts, string where, Money? defaultAmount, Func<JsonElement, string, Money> kronor)
    {
        if (amounts.ValueKind != JsonValueKind.Object || !amounts.EnumerateObject().Any())
        {
            throw new DatasetException($"{where}.amounts: must be an object of kronor by year, e.g. {{ \"2027\": \"80000\", \"2028\": \"85000\" }}.");
        }

        var byYear = new Dictionary<int, Money>();
        foreach (var entry in amounts.EnumerateObject())
        {
            if (!(entry.Name.Length == 4
                && int.TryParse(entry.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                && year is >= 2000 and <= 2999))
            {
                throw new DatasetException($"{where}.amounts.{entry.Name}: not a year from 2000 to 2999.");
            }

            if (!byYear.TryAdd(year, Field(amounts, entry.Name, $"{where}.amounts", e => kronor(e, "80000"))))
            {
                throw new DatasetException($"{where}.amounts.{entry.Name}: the year is named twice.");
            }
        }

        return new AmountPlan(defaultAmount, byYear);
    }

    /// <summary><c>"rate": "0.35"</c> for every participant, or <c>"rates": { "Municipality": "1300", "Region": "260" }</c> by party kind; not both.</summary>
    private static PerCapitaRates ReadRates(JsonElement line, string where)
    {
        var hasRate = line.TryGetProperty("rate", out _);
        var hasRates = line.TryGetProperty("rates", out var rates);
        Money Rate(JsonElement e) => Money.TryParseKronor(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString(), out var m) && m > Money.Zero
            ? m
            : throw new FormatException("must be a positive rate in kronor per inhabitant with at most two decimals, e.g. \"42.25\".");
        if (hasRate == hasRates)
        {
            throw new DatasetException($"{where}.rate: a PerCapita line has either \"rate\" (kronor per inhabitant) or \"rates\" by party kind, and it has {(hasRate ? "both" : "neither")}.");
        }

        if (hasRate)
        {
            return PerCapitaRates.Flat(Field(line, "rate", where, Rate));
        }

        if (rates.ValueKind != JsonValueKind.Object || !rates.EnumerateObject().Any())
        {
            throw new DatasetException($"{where}.rates: must be an object of rates by party kind, e.g. {{ \"Municipality\": \"1300\", \"Region\": \"260\" }}.");
        }

        var byKind = new Dictionary<PartyKind, Money>();
        foreach (var rate in rates.EnumerateObject())
        {
            if (!Enum.TryParse<PartyKind>(rate.Name, ignoreCase: false, out var partyKind) || !Enum.IsDefined(partyKind) || !Enum.GetNames<PartyKind>().Contains(rate.Name, StringComparer.Ordinal))
            {
                throw new DatasetException($"{where}.rates.{rate.Name}: not a party kind; the kinds are {string.Join(", ", Enum.GetNames<PartyKind>())}.");
            }

            byKind[partyKind] = Field(rates, rate.Name, $"{where}.rates", Rate);
        }

        return new PerCapitaRates(null, byKind);
    }

    private static T Field<T>(JsonElement element, string name, string where, Func<JsonElement, T> read)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetException($"{where}: must be a JSON object.");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new DatasetException($"{where}.{name}: missing.");
        }

        try
        {
            return read(value);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException && e is not DatasetException)
        {
            throw new DatasetException($"{where}.{name}: '{value}' {e.Message}", e);
        }
    }
}
