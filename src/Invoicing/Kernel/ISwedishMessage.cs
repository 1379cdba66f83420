namespace Invoicing;

/// <summary>
/// A refusal said in both of the product's languages: <see cref="Exception.Message"/> in English for the
/// terminal and the logs (the CLI speaks English), <see cref="SwedishMessage"/> for the finance and member pages,
/// which speak only Swedish. Both are written where the refusal is raised, so the two cannot drift apart in
/// what they name (file, row, field, invoice, amount).
/// </summary>
public interface ISwedishMessage
{
    string SwedishMessage { get; }
}
