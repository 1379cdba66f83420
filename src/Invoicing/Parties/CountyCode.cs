namespace Invoicing.Parties;

/// <summary>A Swedish county code (länskod) as SCB assigns them: two digits, <c>01</c> to <c>25</c>.</summary>
public readonly record struct CountyCode
{
    public CountyCode(string value)
    {
        if (value is null || value.Length != 2 || !Luhn.IsAllDigits(value) || value is "00" || int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) > 25)
        {
            throw new FormatException($"County code '{value}' must be two digits from 01 to 25.");
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value ?? "";
}
