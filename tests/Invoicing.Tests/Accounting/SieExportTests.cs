using System.Text;
using CsCheck;
using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Payments;
using Invoicing.Testing.Sie;

namespace Invoicing.Tests.Accounting;

/// <summary>SIE 4I: one balanced voucher per document, read back by an independent reader, byte for byte repeatable.</summary>
public sealed class SieExportTests
{
    private static readonly SieChart Chart = SieChart.FromOptions(new SieOptions
    {
        Receivables = new() { Number = "1510", Name = "Kundfordringar" },
        ContributionIncome = new() { Number = "3490", Name = "Bidrag från kommuner och regioner" },
        Bank = new() { Number = "1930", Name = "Bank" },
        RefundsOwed = new() { Number = "2890", Name = "Övriga kortfristiga skulder" },
        PartyDimension = 20,
    });

    private static readonly DateOnly Generated = new(2026, 11, 24);

    [Fact]
    public void The_file_is_a_4I_import_file_with_kptyp_and_no_balances_in_pc8_with_the_identification_posts_and_only_the_accounts_used()
    {
        var invoice = Invoice(1, "2180", "Gävle kommun", 4_303_500);

        var sie = SieReader.Read(SieWriter.Write(File([new InvoiceIssued(invoice)])));

        Assert.Equal("4I", sie.Type);
        Assert.Equal(["0"], sie.Post("#FLAGGA"));
        Assert.Equal(["PC8"], sie.Post("#FORMAT"));
        Assert.Equal(["4"], sie.Post("#SIETYP"));
        Assert.Equal(["EUBAS97"], sie.Post("#KPTYP"));
        Assert.DoesNotContain(sie.Posts, p => p.Post is "#IB" or "#UB" or "#RES" or "#OIB" or "#OUB" or "#PSALDO");
        Assert.Equal(["Invoicing", "1.0"], sie.Post("#PROGRAM"));
        Assert.Equal(["20261124"], sie.Post("#GEN"));
        Assert.Equal(["Verifikationer 2026-01-01 till 2026-03-31"], sie.Post("#PROSA"));
        Assert.Equal(["Västerås stad"], sie.Post("#FNAMN"));
        Assert.Equal(["212000-2080"], sie.Post("#ORGNR"));
        Assert.Equal(["0", "20260101", "20261231"], sie.Post("#RAR"));
        Assert.Equal(["20", "Motpart"], sie.Post("#DIM"));
        Assert.Equal(new Dictionary<string, string> { ["1510"] = "Kundfordringar", ["3490"] = "Bidrag från kommuner och regioner" }, sie.Accounts);
        Assert.Equal(new Dictionary<string, string> { ["1510"] = "T", ["3490"] = "I" }, sie.AccountTypes);
        Assert.Equal("Gävle kommun", sie.Objects[("20", "2180")]);
        var voucher = Assert.Single(sie.Vouchers);
        Assert.Equal(("F", "", new DateOnly(2026, 1, 20), "Faktura 202600001 Gävle kommun (2180)"), (voucher.Series, voucher.Number, voucher.Date, voucher.Text));
        Assert.Equal([("1510", 4_303_500L), ("3490", -4_303_500L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.All(voucher.Rows, r => Assert.Equal([("20", "2180")], r.Objects));
    }

    [Fact]
    public void Vouchers_carry_no_number_so_the_accounting_system_numbers_them_in_its_own_series()
    {
        var invoice = Invoice(1, "2180", "Gävle kommun", 1_000_00);

        var text = SieWriter.Pc8.GetString(SieWriter.Write(File(SieExport.Events([invoice], [Payment(invoice, 1_000_00, 1)]))));

        Assert.Contains("\r\n#VER \"F\" \"\" 20260120 \"Faktura 202600001 Gävle kommun (2180)\"\r\n{\r\n   #TRANS 1510 {20 \"2180\"} 1000.00\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n#VER \"I\" \"\" 20260302 \"Inbetalning 202600001 Gävle kommun (2180)\"\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NE2007", null)]
    [InlineData("BAS2024", "Invoicing:Sie:ChartType = 'BAS2024' is not an SIE chart type (BAS95, BAS96, EUBAS97, NE2007).")]
    public void The_chart_type_is_one_that_SIE_4B_names(string chartType, string? problem)
    {
        var options = new SieOptions
        {
            Receivables = new() { Number = "1510", Name = "Kundfordringar" },
            ContributionIncome = new() { Number = "3490", Name = "Bidrag" },
            Bank = new() { Number = "1930", Name = "Bank" },
            RefundsOwed = new() { Number = "2890", Name = "Skulder" },
            ChartType = chartType,
        };

        if (problem is null)
        {
            Assert.Equal(chartType, SieChart.FromOptions(options).ChartType);
        }
        else
        {
            Assert.Equal(problem, Assert.Throws<SieConfigurationException>(() => SieChart.FromOptions(options)).Message);
        }
    }

    [Fact]
    public void Swedish_letters_are_written_in_code_page_437()
    {
        var bytes = SieWriter.Write(File([new InvoiceIssued(Invoice(1, "2180", "Gävle kommun", 100))]));

        // In IBM 437 'ä' is 0x84 and 'å' 0x86 (UTF-8 would need two bytes each, Latin-1 has 0xE4/0xE5).
        Assert.True(bytes.AsSpan().IndexOf((byte[])[(byte)'G', 0x84, (byte)'v', (byte)'l', (byte)'e']) >= 0);
        Assert.True(bytes.AsSpan().IndexOf((byte[])[(byte)'V', 0x84, (byte)'s', (byte)'t', (byte)'e', (byte)'r', 0x86, (byte)'s']) >= 0);
        Assert.DoesNotContain((byte)0xC3, bytes);
    }

    [Fact]
    public void Texts_with_spaces_quotes_and_backslashes_are_quoted_and_escaped_and_read_back_unchanged()
    {
        const string name = "Kommunförbundet \"Norra\" \\ Söder\tAB";

        var bytes = SieWriter.Write(File([new InvoiceIssued(Invoice(1, "2180", name, 100))]));
        var sie = SieReader.Read(bytes);

        Assert.Contains("\"Kommunförbundet \\\"Norra\\\" \\\\ Söder AB\"", SieWriter.Pc8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("Kommunförbundet \"Norra\" \\ Söder AB", sie.Objects[("20", "2180")]);
        Assert.Equal("Faktura 202600001 Kommunförbundet \"Norra\" \\ Söder AB (2180)", Assert.Single(sie.Vouchers).Text);
    }

    [Fact]
    public void A_payment_clears_the_receivable_and_what_exceeds_the_invoice_is_owed_back()
    {
        var invoice = Invoice(1, "2180", "Gävle kommun", 1_000_00);
        var events = SieExport.Events([invoice], [Payment(invoice, 600_00, 1), Payment(invoice, 600_00, 2), Payment(invoice, 50_00, 3)]);

        var sie = SieReader.Read(SieWriter.Write(File(events)));

        var payments = sie.Vouchers.Where(v => v.Series == "I").Select(v => v.Rows.Select(r => (r.Account, r.AmountOre)).ToArray()).ToArray();
        Assert.Equal([("1930", 600_00L), ("1510", -600_00L)], payments[0]);
        Assert.Equal([("1930", 600_00L), ("1510", -400_00L), ("2890", -200_00L)], payments[1]);
        Assert.Equal([("1930", 50_00L), ("2890", -50_00L)], payments[2]);
    }

    [Fact]
    public void Without_a_party_dimension_rows_carry_no_objects_and_no_dimension_is_declared()
    {
        var chart = Chart with { PartyDimension = null };
        var invoice = Invoice(1, "2180", "Gävle kommun", 100);

        var sie = SieReader.Read(SieWriter.Write(File([new InvoiceIssued(invoice)]) with { Chart = chart, Vouchers = VoucherBuilder.Build([new InvoiceIssued(invoice)], chart) }));

        Assert.DoesNotContain(sie.Posts, p => p.Post == "#DIM");
        Assert.Empty(sie.Objects);
        Assert.All(sie.Vouchers.SelectMany(v => v.Rows), r => Assert.Empty(r.Objects));
    }

    [Fact]
    public void The_same_documents_and_generation_date_give_the_same_bytes_in_any_input_order()
    {
        var a = Invoice(1, "2180", "Gävle kommun", 4_303_500);
        var b = Invoice(2, "0380", "Uppsala kommun", 4_560_100);
        var events = SieExport.Events([a, b], [Payment(b, 100_00, 1), Payment(a, 4_303_500, 2)]);

        var first = SieWriter.Write(File(events));
        var second = SieWriter.Write(File(events.Reverse().ToArray()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_voucher_balances_and_the_receivable_left_is_what_remains_to_pay()
    {
        var amounts = Gen.Long[1, 10_000_000];
        Gen.Select(amounts.Array[1, 6], Gen.Select(Gen.Long[1, 5_000_000], Gen.Int[0, 5]).Array[0, 8])
            .Sample((totals, paid) =>
            {
                var invoices = totals.Select((t, i) => Invoice(i + 1, "2180", "Gävle kommun", t)).ToArray();
                var payments = paid.Select((p, k) => Payment(invoices[p.Item2 % invoices.Length], p.Item1, k + 1)).ToArray();

                var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events(invoices, payments))));

                Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
                var receivable = sie.Vouchers.SelectMany(v => v.Rows).Where(r => r.Account == "1510").Sum(r => r.AmountOre);
                var owedBack = -sie.Vouchers.SelectMany(v => v.Rows).Where(r => r.Account == "2890").Sum(r => r.AmountOre);
                var stillDue = invoices.Sum(i => Math.Max(0, i.Total.Ore - payments.Where(p => p.Invoice == i.Number).Sum(p => p.Amount.Ore)));
                var overpaid = invoices.Sum(i => Math.Max(0, payments.Where(p => p.Invoice == i.Number).Sum(p => p.Amount.Ore) - i.Total.Ore));
                Assert.Equal((stillDue, overpaid), (receivable, owedBack));
                Assert.Equal(payments.Sum(p => p.Amount.Ore), sie.Vouchers.SelectMany(v => v.Rows).Where(r => r.Account == "1930").Sum(r => r.AmountOre));
            });
    }

    [Fact]
    public void A_credit_note_on_an_unpaid_invoice_debits_the_income_and_lowers_the_receivable()
    {
        var invoice = Invoice(1, "0380", "Region Uppsala", 75_000_00) with { Credited = new Money(15_000_00) };
        var credit = CreditNote(2, invoice, 15_000_00, revision: 1);

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([invoice, credit], []))));

        var voucher = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Kreditfaktura", StringComparison.Ordinal));
        Assert.Equal(("F", "", new DateOnly(2026, 3, 20), "Kreditfaktura 202600002 till faktura 202600001 Region Uppsala (0380)"), (voucher.Series, voucher.Number, voucher.Date, voucher.Text));
        Assert.Equal([("1510", -15_000_00L), ("3490", 15_000_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.All(voucher.Rows, r => Assert.Equal([("20", "0380")], r.Objects));
    }

    [Fact]
    public void A_credit_note_on_a_paid_invoice_books_a_refund_owed_instead_of_a_negative_receivable()
    {
        var invoice = Invoice(1, "0380", "Region Uppsala", 75_000_00) with { Credited = new Money(15_000_00), AmountPaid = new Money(70_000_00) };
        var credit = CreditNote(2, invoice, 15_000_00, revision: 1);

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([invoice, credit], [Payment(invoice, 70_000_00, 1)]))));

        var voucher = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Kreditfaktura", StringComparison.Ordinal));
        // 5 000 was still due (receivable); the other 10 000 had been paid and is owed back.
        Assert.Equal([("1510", -5_000_00L), ("2890", -10_000_00L), ("3490", 15_000_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public void A_supplementary_invoice_is_booked_like_an_invoice_and_names_the_invoice_it_adds_to()
    {
        var invoice = Invoice(1, "2101", "Ockelbo kommun", 1_506_00);
        var supplement = Invoice(2, "2101", "Ockelbo kommun", 302_00) with
        {
            AddsTo = new DocumentReference(invoice.Number, invoice.IssueDate),
            Revision = 1,
            IssueDate = new DateOnly(2026, 3, 20),
        };

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([invoice, supplement], []))));

        var voucher = sie.Vouchers[1];
        Assert.Equal(("F", "", "Tilläggsfaktura 202600002 till faktura 202600001 Ockelbo kommun (2101)"), (voucher.Series, voucher.Number, voucher.Text));
        Assert.Equal([("1510", 302_00L), ("3490", -302_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public void A_reversal_is_the_payment_voucher_reversed_and_takes_back_the_refund_owed_first()
    {
        var invoice = Invoice(1, "2180", "Gävle kommun", 1_000_00);
        var paid = Payment(invoice, 1_200_00, 1);
        var reversal = Payment(invoice, -1_200_00, 2) with { Reverses = paid.EntryReference };

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([invoice], [paid, reversal]))));

        var payments = sie.Vouchers.Where(v => v.Series == "I").ToArray();
        Assert.Equal([("1930", 1_200_00L), ("1510", -1_000_00L), ("2890", -200_00L)], payments[0].Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal("Återförd inbetalning 202600001 Gävle kommun (2180)", payments[1].Text);
        Assert.Equal([("1930", -1_200_00L), ("1510", 1_000_00L), ("2890", 200_00L)], payments[1].Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public void A_revision_credit_larger_than_the_original_invoice_is_also_taken_off_the_supplementary_invoice()
    {
        var original = Invoice(1, "2101", "Ockelbo kommun", 1_000_00) with { Credited = new Money(1_000_00) };
        var supplement = Invoice(2, "2101", "Ockelbo kommun", 300_00) with
        {
            AddsTo = new DocumentReference(original.Number, original.IssueDate), Revision = 1, Credited = new Money(100_00),
        };
        var credit = CreditNote(3, original, 1_100_00, revision: 2);

        var events = SieExport.Events([original, supplement, credit], [Payment(supplement, 300_00, 1)]);
        var sie = SieReader.Read(SieWriter.Write(File(events)));

        // 1 000 of the original (unpaid) lowers the receivable; 100 of the paid supplement is owed back.
        var voucher = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Kreditfaktura", StringComparison.Ordinal));
        Assert.Equal([("1510", -1_000_00L), ("2890", -100_00L), ("3490", 1_100_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
    }

    [Fact]
    public void A_refund_paid_out_debits_the_refund_owed_against_the_bank()
    {
        var invoice = Invoice(1, "1980", "Västerås kommun", 43_035_00);
        var paid = Payment(invoice, 43_035_00, 1);
        var twice = Payment(invoice, 43_035_00, 2);
        var refund = Payment(invoice, -43_035_00, 3) with { Flag = PaymentFlag.Refund };

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([invoice with { AmountPaid = new Money(86_070_00), Refunded = new Money(43_035_00) }], [paid, twice, refund]))));

        var voucher = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Återbetalning", StringComparison.Ordinal));
        Assert.Equal(("I", "", "Återbetalning 202600001 Västerås kommun (1980)"), (voucher.Series, voucher.Number, voucher.Text));
        Assert.Equal([("1930", -43_035_00L), ("2890", 43_035_00L)], voucher.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal(0, sie.Vouchers.SelectMany(v => v.Rows).Where(r => r.Account == "2890").Sum(r => r.AmountOre));
        Assert.Equal(VoucherKind.Refund, VoucherBuilder.Build(SieExport.Events([invoice], [paid, twice, refund]), Chart)[^1].Kind);
    }

    [Fact]
    public void A_supplement_to_an_overpaid_original_is_first_settled_by_the_surplus_so_nothing_is_owed_back_while_it_lacks_money()
    {
        var original = Invoice(1, "2180", "Gävle kommun", 27_368_00);
        var supplement = Invoice(2, "2180", "Gävle kommun", 5_474_00) with
        {
            AddsTo = new DocumentReference(original.Number, original.IssueDate),
            Revision = 1,
            IssueDate = new DateOnly(2026, 3, 20),
        };

        var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([original, supplement], [Payment(original, 30_000_00, 1)]))));

        var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
        var issued = Assert.Single(sie.Vouchers, v => v.Text.StartsWith("Tilläggsfaktura", StringComparison.Ordinal));
        Assert.Equal([("1510", 2_842_00L), ("2890", 2_632_00L), ("3490", -5_474_00L)], issued.Rows.Select(r => (r.Account, r.AmountOre)));
        Assert.Equal((2_842_00L, 0L), (rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre), rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre)));
    }

    [Fact]
    public void Credits_that_do_not_add_up_to_what_the_invoice_records_are_refused_naming_the_invoice()
    {
        var invoice = Invoice(1, "0380", "Region Uppsala", 75_000_00) with { Credited = new Money(10_000_00) };
        var credit = CreditNote(2, invoice, 15_000_00, revision: 1);

        var e = Assert.Throws<InvalidDataException>(() => SieExport.Events([invoice, credit], []));

        Assert.Equal("Table Invoices: invoice 202600001 records 10 000,00 kr credited, but the credit notes to 0380 come to 15 000,00 kr on it.", e.Message.Replace('\u00A0', ' '));
    }

    [Fact]
    public void With_credits_and_reversals_every_voucher_balances_and_receivable_and_refunds_owed_are_what_the_invoices_say()
    {
        Gen.Select(Gen.Long[1, 10_000_000].Array[1, 4], Gen.Select(Gen.Long[1, 5_000_000], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 30]).Array[0, 10])
            .Sample((totals, steps) =>
            {
                // One party; each step pays, credits (as a later revision's credit note) or reverses the last payment, on one of its invoices.
                var invoices = totals.Select((t, i) => Invoice(i + 1, "2180", "Gävle kommun", t)).ToList();
                var credits = new List<CreditNote>();
                var payments = new List<PaymentRecord>();
                var next = invoices.Count + 1;
                foreach (var (amount, which, kind, day) in steps)
                {
                    var index = which % invoices.Count;
                    var invoice = invoices[index];
                    var date = new DateOnly(2026, 2, 1).AddDays(day);
                    if (kind == 0)
                    {
                        payments.Add(Payment(invoice, amount, payments.Count + 1) with { PaidOn = date });
                    }
                    else if (kind == 1 && invoice.Total - invoice.Credited > Money.Zero)
                    {
                        var credit = Math.Min(amount, (invoice.Total - invoice.Credited).Ore);
                        credits.Add(CreditNote(next++, invoice, credit, revision: credits.Count + 1) with { IssueDate = date });
                        invoices[index] = invoice with { Credited = invoice.Credited + new Money(credit) };
                    }
                    else if (payments.LastOrDefault(p => p.Invoice == invoice.Number && p.Amount > Money.Zero) is { } last)
                    {
                        payments.Add(Payment(invoice, -last.Amount.Ore, payments.Count + 1) with { PaidOn = date, Reverses = last.EntryReference });
                    }
                }

                var sie = SieReader.Read(SieWriter.Write(File(SieExport.Events([.. invoices, .. credits], payments))));

                Assert.All(sie.Vouchers, v => Assert.Equal(0, v.BalanceOre));
                var rows = sie.Vouchers.SelectMany(v => v.Rows).ToArray();
                var due = invoices.Select(i => i.Total.Ore - i.Credited.Ore - payments.Where(p => p.Invoice == i.Number).Sum(p => p.Amount.Ore)).ToArray();
                Assert.Equal(due.Sum(d => Math.Max(0, d)), rows.Where(r => r.Account == "1510").Sum(r => r.AmountOre));
                Assert.Equal(due.Sum(d => Math.Max(0, -d)), -rows.Where(r => r.Account == "2890").Sum(r => r.AmountOre));
                Assert.Equal(invoices.Sum(i => i.Total.Ore) - credits.Sum(c => c.Total.Ore), -rows.Where(r => r.Account == "3490").Sum(r => r.AmountOre));
                Assert.Equal(payments.Sum(p => p.Amount.Ore), rows.Where(r => r.Account == "1930").Sum(r => r.AmountOre));
                Assert.Equal(invoices.Count + credits.Count, sie.Vouchers.Count(v => v.Series == "F"));
                Assert.Equal(payments.Count, sie.Vouchers.Count(v => v.Series == "I"));
            });
    }

    [Fact]
    public void Missing_accounts_are_refused_naming_the_setting()
    {
        var e = Assert.Throws<SieConfigurationException>(() => SieChart.FromOptions(new SieOptions { Receivables = new() { Number = "15x0", Name = "Kundfordringar" } }));

        Assert.Contains("Invoicing:Sie:Receivables: Account number '15x0' must be 1-10 digits.", e.Message, StringComparison.Ordinal);
        Assert.Contains("Invoicing:Sie:Bank:Number and :Name must be set", e.Message, StringComparison.Ordinal);
    }

    private static SieFile File(IReadOnlyList<AccountingEvent> events) =>
        new("Västerås stad", new OrganisationNumber("212000-2080"), new SiePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), Generated, Chart,
            events.GroupBy(e => e.Document.DebtorCode).ToDictionary(g => g.Key, g => g.First().Document.DebtorName),
            VoucherBuilder.Build(events, Chart));

    private static Invoice Invoice(int sequence, string party, string name, long totalOre)
    {
        var number = InvoiceNumber.Parse($"2026{sequence:00000}");
        return new Invoice(new SchemeId("region-mitt-pom"), 2026, number, new PartyCode(party), name, OcrReference.Create(number.ToString()),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), [new InvoiceLine(1, "Bidrag", new Money(totalOre))],
            new Money(totalOre), Money.Zero, new Money(totalOre), $"region-mitt-pom/2026/{number}.pdf", new string('0', 64));
    }

    private static CreditNote CreditNote(int sequence, Invoice corrects, long ore, int revision)
    {
        var number = InvoiceNumber.Parse($"2026{sequence:00000}");
        return new CreditNote(new SchemeId("region-mitt-pom"), 2026, number, corrects.DebtorCode, corrects.DebtorName,
            new DateOnly(2026, 3, 20), [new InvoiceLine(1, "Bidrag", new Money(ore))],
            new Money(ore), Money.Zero, new Money(ore), $"region-mitt-pom/2026/{number}.pdf", new string('0', 64), new DocumentReference(corrects.Number, corrects.IssueDate))
        {
            Revision = revision,
        };
    }

    private static PaymentRecord Payment(Invoice invoice, long ore, int order) =>
        new(invoice.Number, $"entry-{order}", "camt054.xml", new Money(ore), new DateOnly(2026, 3, 1).AddDays(order),
            new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero).AddMinutes(order), PaymentStatus.Unpaid, PaymentStatus.PartiallyPaid, PaymentFlag.None, null, null);
}
