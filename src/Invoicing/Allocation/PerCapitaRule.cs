namespace Invoicing.Allocation;

/// <summary>
/// The rule of a per-capita line: a party pays its rate (öre per inhabitant) × its population, rounded half up to whole
/// kronor. The line's total is the sum of these shares, so there is nothing to distribute and nothing lost.
/// </summary>
public static class PerCapitaRule
{
    public static Money Share(Money ratePerInhabitant, long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerInhabitant.Ore);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        var ore = (Int128)ratePerInhabitant.Ore * population;
        var kronor = (ore + Money.OrePerKrona / 2) / Money.OrePerKrona;
        return Money.FromKronor(checked((long)kronor));
    }
}
