using System.Text;
using Invoicing.Dataset;
using Invoicing.Storage;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests;

/// <summary>
/// The catalogue's dataset cases (docs/bad-input.md): a party or population row that a document, an e-mail or
/// the arithmetic could not hold is refused at seed time, naming file, row and field, and nothing is written —
/// so no approved budget can later fail on it with a number already reserved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DatasetBadInputTests(AzuriteFixture azurite)
{
    private const string Habo = "0305,Municipality,Håbo kommun,03,212000-0241,,,EXEMPEL-0305,0007";

    /// <summary>Case id, file, text replaced (exactly once), replacement, expected message fragment.</summary>
    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        { "dataset-unknown-party-column", "parties.csv", "invoice_email", "invoice_mail", "parties.csv, row 1, header: unknown column 'invoice_mail'" },
        { "dataset-unknown-population-column", "populations.csv", "reference_date\n", "reference_date,comment\n", "populations.csv, row 1, header: unknown column 'comment'" },
        { "dataset-name-5000-characters", "parties.csv", Habo, $"0305,Municipality,{new string('H', 5000)},03,212000-0241,,,,0007", "parties.csv, row 2, field name: 'HHHH" },
        { "dataset-name-control-character", "parties.csv", Habo, "0305,Municipality,Håbo\u0007kommun,03,212000-0241,,,,0007", "field name: 'Håbo\\u0007kommun': contains a control character (U+0007)" },
        { "dataset-email-lone-cr-bcc", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,,\"a@b.se\rBcc: x@y.se\",,0007", "field invoice_email: 'a@b.se\\u000DBcc: x@y.se': contains a control character (U+000D)" },
        { "dataset-email-tab", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,,\"a@b.se\tx@y.se\",,0007", "field invoice_email: 'a@b.se\\u0009x@y.se': contains a control character (U+0009)" },
        { "dataset-email-two-addresses", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,,\"a@b.se,c@d.se\",,0007", "field invoice_email: 'a@b.se,c@d.se': is not exactly one e-mail address" },
        { "dataset-email-display-name", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,,Kalle <a@b.se>,,0007", "is not exactly one e-mail address" },
        { "dataset-email-no-domain", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,,faktura@habo,,0007", "field invoice_email: 'faktura@habo': is not exactly one e-mail address" },
        { "dataset-email-300-characters", "parties.csv", Habo, $"0305,Municipality,Håbo kommun,03,212000-0241,,{new string('a', 290)}@habo.se,,0007", "field invoice_email" },
        { "dataset-address-line-too-long", "parties.csv", Habo, $"0305,Municipality,Håbo kommun,03,212000-0241,{new string('G', 80)},,,0007", "field address_lines" },
        { "dataset-five-address-lines", "parties.csv", Habo, "0305,Municipality,Håbo kommun,03,212000-0241,a|b|c|d|e,,,0007", "field address_lines: 'a|b|c|d|e': has more than 4 lines" },
        { "dataset-buyer-reference-too-long", "parties.csv", Habo, $"0305,Municipality,Håbo kommun,03,212000-0241,,,{new string('R', 200)},0007", "field buyer_reference" },
        { "dataset-population-5e18", "populations.csv", "1980,161236", "1980,5000000000000000000", "populations.csv, row 2, field population: '5000000000000000000': population must be a positive whole number, at most 20000000." },
        { "dataset-population-9e18", "populations.csv", "1980,161236", "1980,9000000000000000000", "field population: '9000000000000000000'" },
        { "dataset-population-zero", "populations.csv", "1980,161236", "1980,0", "field population: '0'" },
        { "dataset-population-above-bound", "populations.csv", "1980,161236", "1980,20000001", "field population: '20000001'" },
        { "dataset-population-with-space", "populations.csv", "1980,161236", "1980,161 236", "field population: '161 236'" },
        { "dataset-code-leading-zero-dropped", "parties.csv", Habo, "305,Municipality,Håbo kommun,03,212000-0241,,,EXEMPEL-0305,0007", "parties.csv, row 2, field code: '305': not SCB's four-digit municipality code; a spreadsheet may have dropped its leading zero (0305?)" },
        { "dataset-population-code-leading-zero-dropped", "populations.csv", ",0305,", ",305,", "field code: '305': not SCB's four-digit municipality code" },
        { "dataset-county-leading-zero-dropped", "parties.csv", Habo, "0305,Municipality,Håbo kommun,3,212000-0241,,,EXEMPEL-0305,0007", "parties.csv, row 2, field county_code: '3': not SCB's two-digit county code" },
        { "dataset-org-number-twice", "parties.csv", "0319,Municipality,Älvkarleby kommun,03,212000-0258", "0319,Municipality,Älvkarleby kommun,03,212000-0241", "parties.csv, row 3, field org_number: 212000-0241 is already party 0305's (row 2)" },
        { "dataset-base-fees-beyond-pool", "budget.json", "\"populationSnapshot\": \"regionmitt-2026-19\" }", "\"populationSnapshot\": \"regionmitt-2026-19\", \"baseFee\": \"10000\" }", "budget.json: Budget region-mitt-pom 2026 cannot be invoiced: line 6 (Västmanlands kommuner), baseFee: the base fees of 10 participants (10 × 10\u00A0000\u00A0kr) exceed the pool (75\u00A0000\u00A0kr)." },
        { "dataset-cap-below-pool", "budget.json", "\"populationSnapshot\": \"regionmitt-2026-19\" }", "\"populationSnapshot\": \"regionmitt-2026-19\", \"cap\": \"5000\" }", "budget.json: Budget region-mitt-pom 2026 cannot be invoiced: line 6 (Västmanlands kommuner), cap: 10 participants at the cap (10 × 5\u00A0000\u00A0kr) pay less than the pool (75\u00A0000\u00A0kr)." },
        { "dataset-per-capita-rate-three-decimals", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"PerCapita\", \"text\": \"Gävleborgs kommuner\", \"rate\": \"0.355\"", "budget.json, lines[6].rate: '0.355' must be a positive rate in kronor per inhabitant with at most two decimals, e.g. \"42.25\"." },
        { "dataset-equal-split-with-ore", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"EqualSplit\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000.50\"", "budget.json: Budget region-mitt-pom 2026 cannot be invoiced: line 7 (Gävleborgs kommuner): amount 75\u00A0000,50\u00A0kr of an equal split must be whole kronor." },
        { "dataset-amounts-not-an-object", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amounts\": \"75000\"", "budget.json, lines[6].amounts: must be an object of kronor by year, e.g. { \"2027\": \"80000\", \"2028\": \"85000\" }." },
        { "dataset-amounts-year-not-a-year", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\", \"amounts\": { \"27\": \"80000\" }", "budget.json, lines[6].amounts.27: not a year from 2000 to 2999." },
        { "dataset-amounts-not-kronor", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\", \"amounts\": { \"2027\": \"80000,005\" }", "budget.json, lines[6].amounts.2027: '80000,005' must be kronor with at most two decimals, e.g. \"80000\"." },
        { "dataset-amounts-without-the-budget-year", "budget.json", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"kind\": \"PopulationPool\", \"text\": \"Gävleborgs kommuner\", \"amounts\": { \"2027\": \"80000\" }", "budget.json, lines[6].amounts: no figure for 2026, the budget's year, and the line has no amount for the years it does not name." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_dataset_row_is_refused_at_seed_time_naming_file_row_and_field_and_nothing_is_written(
        string id, string file, string oldText, string newText, string expected)
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"invoicing-{id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var name in new[] { "parties.csv", "populations.csv", "budget.json" })
            {
                File.Copy(Path.Combine(TestPaths.BundledDataset, name), Path.Combine(directory, name));
            }

            var path = Path.Combine(directory, file);
            var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(text.Split(oldText).Length == 2, $"{id}: '{oldText}' must occur once in {file}");
            File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal), new UTF8Encoding(false));
            var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

            var error = await Assert.ThrowsAsync<DatasetException>(async () =>
                await scenario.Get<DatasetSeeder>().SeedAsync(DatasetLoader.Load(directory), CancellationToken.None));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', error.Message);
            Assert.DoesNotContain('\n', error.Message);
            Assert.True(error.Message.Length < 400, $"{id}: the message quotes too much: {error.Message.Length} characters");
            Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
