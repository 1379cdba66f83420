namespace Invoicing.Populations;

/// <summary>
/// Where an imported snapshot's figures come from: SCB's table and content code, SCB's <c>updated</c> time for
/// the table (unknown for a CSV), and the request that produced them (method, URL and body, or the file).
/// </summary>
public sealed record PopulationProvenance(string TableId, string ContentCode, DateTimeOffset? Updated, string Request);
