namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A problem found in a camt file while it is streamed, waiting to become its <see cref="BankFileException"/>.
/// The message names elements as <c>Ntry</c> when it is the only one and <c>Ntry[2]</c> when it has siblings, and
/// whether a streamed element has a later sibling is only known once its parent has been read to its end: so the
/// reader finishes reading the file (which also puts any XML error first, as reading the whole file did) and
/// only then words the message.
/// </summary>
internal sealed class CamtFault(string fileName, IReadOnlyList<CamtPathStep>? path, string line, string problem) : Exception(problem)
{
    /// <summary>A problem with the file as a whole (its root), named by the file alone.</summary>
    public static CamtFault InFile(string fileName, string problem) => new(fileName, null, "", problem);

    public BankFileException ToBankFileException() => path is null
        ? BankFileException.InFile(fileName, Message)
        : BankFileException.AtElement(fileName, $"{string.Join('/', path.Select(step => step.ToString()))}{line}", Message);
}
