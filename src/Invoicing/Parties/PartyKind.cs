namespace Invoicing.Parties;

public enum PartyKind
{
    Municipality,
    Region,
    Agency,
}
