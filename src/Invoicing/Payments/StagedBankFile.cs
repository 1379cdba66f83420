namespace Invoicing.Payments;

/// <summary>
/// A bank file's bytes on their way into the archive while the file is read and planned
/// (<see cref="BankFileArchive.Stage"/>): uncommitted blocks of the blob named by its SHA-256. Blocks that are not
/// committed are not a blob — not listed, not readable, discarded by the storage (Azure after a week) — so nothing is
/// kept until <see cref="BankFileArchive.KeepAsync"/> commits them, once the whole file is checked and planned. A
/// refused file's blocks are never committed. Disposing stops a staging still under way and waits for it.
/// </summary>
public sealed class StagedBankFile : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    internal StagedBankFile(string sha256, Func<CancellationToken, Task<IReadOnlyList<string>?>> stage, CancellationToken cancellationToken)
    {
        Sha256 = sha256;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // On the thread pool: the caller reads the file on its own thread meanwhile, and storage takes the bytes.
        Blocks = Task.Run(() => stage(_stop.Token), _stop.Token);
    }

    /// <summary>The blob's name in the archive.</summary>
    public string Sha256 { get; }

    /// <summary>The staged blocks' ids in order; null when the archive holds the file already (kept by an earlier import).</summary>
    internal Task<IReadOnlyList<string>?> Blocks { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Blocks;
        }
        catch (Exception)
        {
            // Either KeepAsync awaited the staging and threw its failure already, or the import stopped before that
            // for a reason of its own, which is the one to report: a staging stopped or failed then has nothing to add.
        }

        _stop.Dispose();
    }
}
