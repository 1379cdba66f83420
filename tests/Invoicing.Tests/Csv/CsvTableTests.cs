using System.Globalization;
using System.Text;
using CsCheck;
using Invoicing.Csv;

namespace Invoicing.Tests.Csv;

public sealed class CsvTableTests
{
    [Fact]
    public void Comma_separated_table_is_read_with_its_header()
    {
        var table = CsvTable.Parse("parties.csv", "code,name\n1980,Västerås kommun\n1984,Arboga kommun\n");

        Assert.Equal("parties.csv", table.Source);
        Assert.Equal(["code", "name"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Västerås kommun", table.Field(table.Rows[0], "name"));
        Assert.Equal("1984", table.Field(table.Rows[1], "code"));
    }

    [Fact]
    public void Semicolon_separated_table_is_read_when_the_header_uses_semicolons()
    {
        var table = CsvTable.Parse("bilaga.csv", "county;name;population;key;amount\nVästmanland;Västerås;161 236;57,4%;43 035\n");

        Assert.Equal(5, table.Header.Count);
        var row = Assert.Single(table.Rows);
        Assert.Equal("57,4%", table.Field(row, "key"));
        Assert.Equal("43 035", table.Field(row, "amount"));
    }

    [Fact]
    public void Quoted_fields_keep_separators_and_doubled_quotes()
    {
        var table = CsvTable.Parse("parties.csv", "code,name,address_lines\n1980,\"Västerås kommun, \"\"stadshuset\"\"\",\"Stadshuset|721 87 Västerås\"\n");

        var row = Assert.Single(table.Rows);
        Assert.Equal("Västerås kommun, \"stadshuset\"", table.Field(row, "name"));
        Assert.Equal("Stadshuset|721 87 Västerås", table.Field(row, "address_lines"));
    }

    [Fact]
    public void Quoted_semicolon_fields_keep_semicolons()
    {
        var table = CsvTable.Parse("x.csv", "a;b\n\"1;2\";\"\"\n");

        var row = Assert.Single(table.Rows);
        Assert.Equal("1;2", table.Field(row, "a"));
        Assert.Equal("", table.Field(row, "b"));
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var table = CsvTable.Parse("x.csv", "\uFEFFcode,name\n1980,Västerås kommun\n");

        Assert.Equal("code", table.Header[0]);
        Assert.True(table.HasColumn("code"));
    }

    [Fact]
    public void File_with_byte_order_mark_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"csv-bom-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "code;name\r\n1980;Västerås kommun\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var table = CsvTable.Read(path);

            Assert.Equal(Path.GetFileName(path), table.Source);
            Assert.Equal("Västerås kommun", table.Field(Assert.Single(table.Rows), "name"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Blank_lines_and_lines_of_only_separators_are_skipped_but_counted()
    {
        var table = CsvTable.Parse("x.csv", "\n\ncode,name\n\n1980,Västerås kommun\n , \n,,\r\n1984,Arboga kommun\n\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(5, table.Rows[0].LineNumber);
        Assert.Equal(8, table.Rows[1].LineNumber);
        Assert.Equal("Arboga kommun", table.Field(table.Rows[1], "name"));
    }

    [Fact]
    public void CRLF_line_ends_are_not_part_of_the_last_field()
    {
        var table = CsvTable.Parse("x.csv", "code,name\r\n1980,Västerås kommun\r\n");

        Assert.Equal("name", table.Header[1]);
        Assert.Equal("Västerås kommun", table.Rows[0].Fields[1]);
    }

    [Fact]
    public void Short_rows_are_padded_with_empty_fields()
    {
        var table = CsvTable.Parse("x.csv", "code,name,org_number\n1980,Västerås kommun\n");

        Assert.Equal("", table.Field(Assert.Single(table.Rows), "org_number"));
        Assert.Null(table.OptionalField(table.Rows[0], "org_number"));
    }

    [Fact]
    public void Trailing_empty_fields_beyond_the_header_are_ignored()
    {
        var table = CsvTable.Parse("x.csv", "code,name\n1980,Västerås kommun,,\n");

        Assert.Equal(2, Assert.Single(table.Rows).Fields.Count);
    }

    [Fact]
    public void Fields_are_trimmed_and_columns_found_ignoring_case()
    {
        var table = CsvTable.Parse("x.csv", " Code , Name \n 1980 , Västerås kommun \n");

        Assert.Equal("1980", table.Field(table.Rows[0], "CODE"));
        Assert.Equal("Västerås kommun", table.OptionalField(table.Rows[0], "name"));
        Assert.Null(table.OptionalField(table.Rows[0], "invoice_email"));
    }

    [Fact]
    public void Parse_failure_names_file_row_and_field()
    {
        var table = CsvTable.Parse("populations.csv", "snapshot,code,population\nregionmitt-2026-19,1980,161236\nregionmitt-2026-19,1984,tretton\n");

        var e = Assert.Throws<CsvException>(() => table.Parse(table.Rows[1], "population", s => long.Parse(s, CultureInfo.InvariantCulture)));

        Assert.StartsWith("populations.csv, row 3, field population: 'tretton':", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_passes_the_trimmed_field_to_the_parser()
    {
        var table = CsvTable.Parse("x.csv", "n\n 42 \n");
        Assert.Equal(42, table.Parse(table.Rows[0], "n", s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Missing_column_is_named_with_the_header()
    {
        var table = CsvTable.Parse("parties.csv", "code,name\n1980,Västerås kommun\n");

        var e = Assert.Throws<CsvException>(() => table.Field(table.Rows[0], "kind"));

        Assert.Equal("parties.csv: column 'kind' is missing (header: code, name).", e.Message);
    }

    [Fact]
    public void Row_with_more_fields_than_the_header_is_refused()
    {
        var e = Assert.Throws<CsvException>(() => CsvTable.Parse("parties.csv", "code,name\n1980,Västerås kommun\n1984,Arboga,kommun\n"));

        Assert.Equal("parties.csv, row 3: 3 fields, but the header has 2.", e.Message);
    }

    [Fact]
    public void Unclosed_quote_is_refused_naming_the_row()
    {
        var e = Assert.Throws<CsvException>(() => CsvTable.Parse("parties.csv", "code,name\n1980,\"Västerås kommun\n"));

        Assert.Equal("parties.csv, row 2: a quoted field is not closed.", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("\uFEFF")]
    public void Empty_file_is_refused(string text)
    {
        var e = Assert.Throws<CsvException>(() => CsvTable.Parse("parties.csv", text));

        Assert.StartsWith("parties.csv: the file is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_only_gives_no_rows()
    {
        Assert.Empty(CsvTable.Parse("x.csv", "code,name\n").Rows);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");

        var e = Assert.Throws<CsvException>(() => CsvTable.Read(path));

        Assert.Equal($"{path}: file not found.", e.Message);
    }

    [Fact]
    public void Header_with_a_repeated_column_name_is_refused_naming_file_and_column()
    {
        var e = Assert.Throws<CsvException>(() => CsvTable.Parse("bilaga.csv", "code;name;amount;Amount\n1980;Västerås;43 035;1\n"));

        Assert.Equal("bilaga.csv, row 1: column 'amount' appears 2 times in the header.", e.Message);
    }

    [Fact]
    public void Trailing_empty_columns_from_a_spreadsheet_export_are_ignored()
    {
        var table = CsvTable.Parse("bilaga.csv", "code;name;amount;;\n1980;Västerås;43 035;;\n");

        Assert.Equal(["code", "name", "amount"], table.Header);
        Assert.Equal("43 035", table.Field(table.Rows[0], "amount"));
    }

    [Fact]
    public void File_that_is_not_UTF8_is_refused_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"csv-latin1-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. "code,name\n1980,V"u8, 0xE4, .. "steras\n"u8]);
        try
        {
            var e = Assert.Throws<CsvException>(() => CsvTable.Read(path));

            Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_quoted_field_holding_a_line_break_is_one_field_of_one_row_and_the_next_row_keeps_its_line_number()
    {
        var table = CsvTable.Parse("notes.csv", "code,note\n0305,\"first line\nsecond line\"\n0319,x\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("first line\nsecond line", table.Field(table.Rows[0], "note"));
        Assert.Equal((2, 4), (table.Rows[0].LineNumber, table.Rows[1].LineNumber));
    }

    [Fact]
    public void A_file_saved_by_Excel_as_CSV_UTF8_with_semicolons_and_an_Alt_Enter_cell_is_read_whole()
    {
        var table = CsvTable.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "spreadsheets", "excel-csv-utf8-semicolon.csv"));

        Assert.Equal(["code", "name", "population", "comment"], table.Header);
        Assert.Equal(["0305", "0319", "0330"], table.Rows.Select(r => table.Field(r, "code")).ToArray());
        Assert.Equal("Håbo kommun", table.Field(table.Rows[0], "name"));
        Assert.Equal("Rättad efter\nbudgetmötet; se protokoll §4", table.Field(table.Rows[0], "comment"));
        Assert.Equal("citat: \"ja\"", table.Field(table.Rows[2], "comment"));
        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.LineNumber).ToArray());
    }

    [Fact]
    public void A_quoted_field_left_open_names_the_row_it_opens_on()
    {
        var e = Assert.Throws<CsvException>(() => CsvTable.Parse("parties.csv", "code,name\n0305,\"Håbo\n0319,Älvkarleby\n"));

        Assert.Equal("parties.csv, row 2: a quoted field is not closed.", e.Message);
    }

    [Fact]
    public void CSV_records_keep_quoted_separators_line_breaks_and_doubled_quotes_for_any_separator()
    {
        Gen.Select(Gen.String[Gen.Char["ab;,\t\"\n "], 0, 12].Array[1, 5].Array[1, 4], Gen.Int[0, 2]).Sample((rows, which) =>
        {
            var separator = ";,\t"[which];
            var text = string.Concat(rows.Select(fields => string.Join(separator, fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n"));

            var records = CsvRecords.Read(text, separator, "p.csv").ToList();

            Assert.Equal(rows.Length, records.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i], records[i].Fields);
            }
        });
    }
}
