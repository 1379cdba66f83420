using Invoicing.Allocation;
using Invoicing.Parties;

namespace Invoicing.Reconciliation;

/// <summary>
/// Compares what the product computes for each party with a reference table. Rows are matched by party
/// code when the table has codes, otherwise by name: the party's name, or its name without a trailing
/// "kommun"/"s kommun", so a spreadsheet's "Tierp" matches "Tierps kommun".
/// </summary>
public static class Reconciler
{
    public static ReconciliationReport Compare(InvoicePlan plan, ReferenceTable reference)
    {
        var computed = plan.Invoices.ToDictionary(i => i.Debtor.Code, i => (i.Debtor, Amount: i.Net));
        var lines = new List<ReconciliationLine>();
        var unmatched = new List<ReferenceRow>();
        var matched = new HashSet<PartyCode>();
        foreach (var row in reference.Rows)
        {
            var party = computed.Values.Select(c => c.Debtor).FirstOrDefault(p => Matches(p, row));
            if (party is null)
            {
                unmatched.Add(row);
                continue;
            }

            if (!matched.Add(party.Code))
            {
                throw new Csv.CsvException($"{reference.Source}, row {row.LineNumber}: {row.Label} matches {party.Code} {party.Name}, which an earlier row already matched.");
            }

            lines.Add(new ReconciliationLine(party.Code, party.Name, computed[party.Code].Amount, row.Amount));
        }

        var notInReference = computed.Values
            .Where(c => !matched.Contains(c.Debtor.Code))
            .Select(c => new ReconciliationLine(c.Debtor.Code, c.Debtor.Name, c.Amount, null))
            .ToArray();
        return new ReconciliationReport(reference.Source, lines, unmatched, notInReference);
    }

    private static bool Matches(Party party, ReferenceRow row)
    {
        if (row.Code is not null)
        {
            return string.Equals(party.Code.Value, row.Code, StringComparison.OrdinalIgnoreCase);
        }

        var name = row.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        return string.Equals(party.Name, name, StringComparison.OrdinalIgnoreCase)
            || (party.Kind == PartyKind.Municipality
                && (string.Equals(party.Name, name + " kommun", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(party.Name, name + "s kommun", StringComparison.OrdinalIgnoreCase)));
    }
}
