using Invoicing.Dataset;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Dataset;

/// <summary>Each test copies the bundled dataset to a temporary folder and breaks one thing in it.</summary>
public sealed class DatasetLoaderTests
{
    [Fact]
    public void Unchanged_copy_of_the_bundled_dataset_loads()
    {
        using var data = TempDataset.CopyOfBundled();

        Assert.Equal(34, DatasetLoader.Load(data.Directory).Parties.Count);
    }

    [Fact]
    public void Missing_folder_is_named()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"no-such-dataset-{Guid.NewGuid():N}");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(directory));

        Assert.Contains(directory, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parties.csv")]
    [InlineData("populations.csv")]
    [InlineData("budget.json")]
    public void Missing_file_is_named(string file)
    {
        using var data = TempDataset.CopyOfBundled();
        File.Delete(data.PathOf(file));

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_party_code_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "0319,Municipality,Älvkarleby kommun", "0305,Municipality,Älvkarleby kommun");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal("parties.csv, row 3, field code: duplicate party code 0305 (first on row 2).", e.Message);
    }

    [Fact]
    public void Bad_organisation_number_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        var row = data.LineNumberOf("parties.csv", "202100-6693");
        data.Replace("parties.csv", "202100-6693", "202100-6694");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("parties.csv, row ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"parties.csv, row {row}, field org_number: '202100-6694'", e.Message, StringComparison.Ordinal);
        Assert.Contains("check digit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_party_kind_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "1980,Municipality,", "1980,Kommun,");
        var row = data.LineNumberOf("parties.csv", "1980,Kommun,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains($"parties.csv, row {row}, field kind: 'Kommun': kind must be one of Municipality, Region, Agency.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_in_a_party_field_names_that_field_only()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "1980,Municipality,", "1980,Kommun,");
        var row = data.LineNumberOf("parties.csv", "1980,Kommun,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal($"parties.csv, row {row}, field kind: 'Kommun': kind must be one of Municipality, Region, Agency.", e.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Numeric_party_kind_is_refused(string kind)
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "LST-03,Agency,", $"LST-03,{kind},");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains("field kind", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_county_code_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "1980,Municipality,Västerås kommun,19", "1980,Municipality,Västerås kommun,99");
        var row = data.LineNumberOf("parties.csv", "1980,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains($"parties.csv, row {row}, field county_code: '99'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_without_name_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "1980,Municipality,Västerås kommun,", "1980,Municipality,,");
        var row = data.LineNumberOf("parties.csv", "1980,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"parties.csv, row {row}, field name: '': Party 1980 has no name.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_is_named()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("parties.csv", "code,kind,name,", "code,sort,name,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains("parties.csv: column 'kind' is missing (header: code, sort, name,", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-161236")]
    [InlineData("0")]
    [InlineData("161 236")]
    [InlineData("161236.5")]
    public void Population_that_is_not_a_positive_whole_number_is_refused_naming_file_row_and_field(string population)
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("populations.csv", "regionmitt-2026-19,1980,161236,", $"regionmitt-2026-19,1980,{population},");
        var row = data.LineNumberOf("populations.csv", ",1980,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal($"populations.csv, row {row}, field population: '{population}': population must be a positive whole number, at most 20000000.", e.Message);
    }

    [Fact]
    public void Party_twice_in_a_snapshot_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("populations.csv", "regionmitt-2026-19,1984,", "regionmitt-2026-19,1980,");
        var row = data.LineNumberOf("populations.csv", "regionmitt-2026-19,1980,13938");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal($"populations.csv, row {row}, field code: 1980 appears twice in snapshot 'regionmitt-2026-19'.", e.Message);
    }

    [Fact]
    public void Snapshot_with_two_reference_dates_is_refused_naming_the_row()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("populations.csv", "1984,13938,regionfakta.com 2025-09 (budget 2026 BILAGA 1),2025-09-30", "1984,13938,regionfakta.com 2025-09 (budget 2026 BILAGA 1),2025-10-31");
        var row = data.LineNumberOf("populations.csv", "2025-10-31");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"populations.csv, row {row}: snapshot 'regionmitt-2026-19' has another source or reference date", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_reference_date_is_refused_naming_file_row_and_field()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("populations.csv", "1984,13938,regionfakta.com 2025-09 (budget 2026 BILAGA 1),2025-09-30", "1984,13938,regionfakta.com 2025-09 (budget 2026 BILAGA 1),30/09/2025");
        var row = data.LineNumberOf("populations.csv", "30/09/2025");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith($"populations.csv, row {row}, field reference_date: '30/09/2025'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"scheme\": \"region-mitt-pom\",", "", "budget.json.scheme: missing.")]
    [InlineData("\"year\": 2026,", "", "budget.json.year: missing.")]
    [InlineData("\"year\": 2026,", "\"year\": null,", "budget.json.year: missing.")]
    [InlineData(", \"populationSnapshot\": \"regionmitt-2026-19\"", "", "budget.json, lines[5].populationSnapshot: missing.")]
    [InlineData(", \"party\": \"REGION-19\"", "", "budget.json, lines[3].party: a fixed contribution names its party.")]
    [InlineData("\"text\": \"Ledningstöd\", \"amount\": \"190000\"", "\"text\": \"Ledningstöd\"", "budget.json, lines[10].amount: missing.")]
    public void Missing_field_in_budget_json_is_refused_naming_its_JSON_path(string oldText, string newText, string expected)
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", oldText, newText);

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("\"amount\": \"75000\", \"party\": \"REGION-19\"", "\"amount\": \"75 000,001\", \"party\": \"REGION-19\"", "budget.json, lines[3].amount: '75 000,001' must be kronor")]
    [InlineData("\"year\": 2026", "\"year\": 1999", "budget.json.year: '1999' must be a year from 2000 to 2999.")]
    [InlineData("\"year\": 2026", "\"year\": \"2026\"", "budget.json.year: '2026'")]
    [InlineData("\"scheme\": \"region-mitt-pom\"", "\"scheme\": \"Region Mitt\"", "budget.json.scheme: 'Region Mitt'")]
    [InlineData("\"participants\": \"county:19\"", "\"participants\": \"county:99\"", "budget.json, lines[5].participants: 'county:99'")]
    [InlineData("\"kind\": \"Cost\", \"text\": \"Ledningstöd\"", "\"kind\": \"Kostnad\", \"text\": \"Ledningstöd\"", "budget.json, lines[10].kind: 'Kostnad' is not one of PopulationPool, PerCapita, EqualSplit, FixedContribution, RecordedIncome, Cost.")]
    public void Wrong_field_in_budget_json_is_refused_naming_its_JSON_path(string oldText, string newText, string expectedStart)
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", oldText, newText);

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith(expectedStart, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_may_be_a_JSON_number()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", "\"amount\": \"75000\", \"party\": \"REGION-19\"", "\"amount\": 75000.00, \"party\": \"REGION-19\"");

        var budget = DatasetLoader.Load(data.Directory).Budget;

        Assert.Equal(Money.FromKronor(75_000), budget.Lines[3].Amount);
    }

    [Fact]
    public void Invalid_JSON_is_refused_naming_the_file_and_line()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", "\"year\": 2026,", "\"year\": 2026,,");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("budget.json: not valid JSON (line 4)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_that_is_not_a_JSON_object_is_refused_naming_the_file()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Write("budget.json", "[]");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("budget.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_line_that_is_not_a_JSON_object_is_refused_naming_its_JSON_path()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", "{ \"kind\": \"Cost\", \"text\": \"Ledningstöd\", \"amount\": \"190000\" }", "\"Ledningstöd 190000\"");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("budget.json, lines[10]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_that_are_not_an_array_are_refused()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Write("budget.json", "{ \"scheme\": \"region-mitt-pom\", \"schemeName\": \"Region Mitt\", \"year\": 2026, \"lines\": {} }");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Equal("budget.json: 'lines' must be an array.", e.Message);
    }

    [Fact]
    public void Budget_line_naming_an_unknown_party_is_refused_naming_file_line_and_party()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", "\"party\": \"REGION-19\"", "\"party\": \"REGION-99\"");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("budget.json: Budget region-mitt-pom 2026 cannot be invoiced:", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 4 (Region Västmanland): names unknown party REGION-99.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_participant_without_a_population_is_refused_naming_file_line_and_party()
    {
        using var data = TempDataset.CopyOfBundled();
        var text = data.Read("populations.csv");
        data.Write("populations.csv", string.Join('\n', text.Split('\n').Where(l => !l.Contains(",2161,", StringComparison.Ordinal))));

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.StartsWith("budget.json: Budget region-mitt-pom 2026 cannot be invoiced:", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 7 (Gävleborgs kommuner): party 2161 (Ljusdals kommun) has no population in snapshot 'regionmitt-2026-21'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_loaded_from_a_folder_with_a_problem()
    {
        using var data = TempDataset.CopyOfBundled();
        data.Replace("budget.json", "\"populationSnapshot\": \"regionmitt-2026-03\"", "\"populationSnapshot\": \"regionmitt-2025-03\"");

        var e = Assert.Throws<DatasetException>(() => DatasetLoader.Load(data.Directory));

        Assert.Contains("line 8 (Uppsala läns kommuner): population snapshot 'regionmitt-2025-03' does not exist.", e.Message, StringComparison.Ordinal);
        Assert.IsType<Invoicing.Budgets.BudgetValidationException>(e.InnerException);
    }
}
