using System.Globalization;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A problem found in a camt file while it is streamed, waiting to become its <see cref="BankFileException"/>.
/// The message names elements as <c>Ntry</c> when it is the only one and <c>Ntry[2]</c> when it has siblings, and
/// whether a streamed element has a later sibling is only known once its parent has been read to its end: so the
/// reader finishes reading the file (which also puts any XML error first, as reading the whole file did) and
/// only then words the message. The problem is said in English (<see cref="Exception.Message"/>) and in Swedish.
/// </summary>
internal sealed class CamtFault(string fileName, IReadOnlyList<CamtPathStep>? path, CamtLine? line, string problem, string swedishProblem) : Exception(problem)
{
    /// <summary>A problem with the file as a whole (its root), named by the file alone.</summary>
    public static CamtFault InFile(string fileName, string problem, string swedishProblem) => new(fileName, null, null, problem, swedishProblem);

    public BankFileException ToBankFileException() => path is null
        ? BankFileException.InFile(fileName, Message, swedishProblem)
        : BankFileException.AtElement(fileName, string.Join('/', path.Select(step => step.ToString())),
            line?.ToString() ?? "", line?.Swedish ?? "", Message, swedishProblem);
}

/// <summary>Where an element starts in the file, as the XML reader counts (1-based line and position).</summary>
internal sealed record CamtLine(int Number, int Position)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $" (line {Number}, position {Position})");

    public string Swedish => string.Create(CultureInfo.InvariantCulture, $" (rad {Number}, position {Position})");
}
