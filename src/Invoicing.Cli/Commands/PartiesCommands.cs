using System.CommandLine;
using Invoicing.Cli.Output;
using Invoicing.Parties;

namespace Invoicing.Cli.Commands;

internal static class PartiesCommands
{
    public static Command Create()
    {
        var command = new Command("parties", "The parties as seeded: identity, addresses and how they receive invoices.");
        command.Subcommands.Add(List());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every party with org number, buyer reference, Peppol endpoint, address and invoice delivery.");
        CliAction.Set(command, async (parse, services, cancellationToken) =>
        {
            var parties = await services.Get<PartyStore>().GetAllAsync(cancellationToken);
            var table = new TextTable(("Code", false), ("Name", false), ("Org.nr", false), ("Er referens", false), ("Peppol", false), ("Address", false), ("Delivery", false));
            foreach (var party in parties.Values.OrderBy(p => p.Code.Value, StringComparer.Ordinal))
            {
                table.Add(
                    party.Code.Value,
                    party.Name,
                    party.OrganisationNumber?.ToString() ?? "-",
                    party.BuyerReference ?? "-",
                    party.PeppolEndpoint?.ToString() ?? "-",
                    party.AddressLines.Count == 0 ? "-" : string.Join(", ", party.AddressLines),
                    Delivery(party));
            }

            table.WriteTo(Console.Out);
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>How the party's invoices go out, and when there is no e-invoice, why.</summary>
    private static string Delivery(Party party)
    {
        if (string.IsNullOrWhiteSpace(party.BuyerReference))
        {
            return "PDF only: no buyer reference" + (party.InvoiceEmail is null ? "" : ", e-mail");
        }

        if (party.OrganisationNumber is null && party.PeppolEndpoint is null)
        {
            return "PDF only: no org number or Peppol endpoint" + (party.InvoiceEmail is null ? "" : ", e-mail");
        }

        return party.PeppolEndpoint is not null ? "e-invoice via operator" : "e-invoice (download)" + (party.InvoiceEmail is null ? "" : ", PDF by e-mail");
    }
}
