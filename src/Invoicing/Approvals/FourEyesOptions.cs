namespace Invoicing.Approvals;

/// <summary>
/// <c>Invoicing:FourEyes</c>: whether a void or a refund made through the API takes a second finance user's
/// confirmation. <c>Enabled</c> for every scheme (the Azure deployment sets it), <c>Schemes:{scheme}</c> to differ
/// for one scheme. The CLI is the operator's own tool on the storage account and is not held by it.
/// </summary>
public sealed class FourEyesOptions
{
    public const string Section = "Invoicing:FourEyes";

    public bool Enabled { get; set; }

    /// <summary>Per scheme, overriding <see cref="Enabled"/>: <c>Invoicing:FourEyes:Schemes:stockholm-pom = false</c>.</summary>
    public Dictionary<string, bool> Schemes { get; set; } = new(StringComparer.Ordinal);

    public bool RequiredFor(SchemeId scheme) => Schemes.TryGetValue(scheme.Value, out var required) ? required : Enabled;
}
