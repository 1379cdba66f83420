namespace Invoicing.Issuers;

/// <summary>The issuer configuration is missing or wrong; every problem is named.</summary>
public sealed class IssuerConfigurationException(IReadOnlyList<string> problems)
    : InvalidOperationException("Issuer configuration is not usable:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
