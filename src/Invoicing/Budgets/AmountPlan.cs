using System.Globalization;

namespace Invoicing.Budgets;

/// <summary>
/// A line's amounts over several years (budget.json <c>"amounts": { "2027": "…", "2028": "…" }</c>, docs/allocation.md):
/// a year it names has that figure; any other year has <see cref="Default"/>, the line's <c>amount</c>, or none when the
/// line gave only <c>amounts</c>. <c>budget prepare</c> takes the new year's figure from here.
/// </summary>
public sealed record AmountPlan(Money? Default, IReadOnlyDictionary<int, Money> ByYear)
{
    /// <summary>The figure for <paramref name="year"/>: the year's own, else the default, else null (the plan does not reach it).</summary>
    public Money? For(int year) => ByYear.TryGetValue(year, out var amount) ? amount : Default;

    /// <summary>The stored form, <c>2027:8000000 2028:9000000</c> (öre by year, in year order).</summary>
    public string YearsToText() =>
        string.Join(' ', ByYear.OrderBy(y => y.Key).Select(y => $"{y.Key.ToString(CultureInfo.InvariantCulture)}:{y.Value.Ore.ToString(CultureInfo.InvariantCulture)}"));

    public static AmountPlan Parse(Money? defaultAmount, string years) => new(
        defaultAmount,
        years.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':')).ToDictionary(
            pair => int.Parse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture),
            pair => new Money(long.Parse(pair[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));

    public bool Equals(AmountPlan? other) =>
        other is not null && Default == other.Default && ByYear.Count == other.ByYear.Count && ByYear.All(y => other.ByYear.TryGetValue(y.Key, out var o) && o == y.Value);

    public override int GetHashCode() => HashCode.Combine(Default, ByYear.Count);
}
