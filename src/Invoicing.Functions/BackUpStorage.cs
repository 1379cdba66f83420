using Invoicing.Backup;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// The nightly backup timer (schedule: app setting <c>StorageBackupSchedule</c>, by default 02:00 UTC, before the
/// other timers): every table's rows and every container's blob listing (name, SHA-256, version id) into the
/// <c>backups</c> container under <c>yyyy-MM-dd/</c>. Once a day: a rerun the same day writes nothing, and no blob is
/// ever overwritten (If-None-Match: *). Logs <c>StorageBackupWritten</c>; a failed invocation is what the alert watches.
/// </summary>
public sealed class BackUpStorage(NightlyBackup backup)
{
    [Function(nameof(BackUpStorage))]
    public async Task RunAsync([TimerTrigger("%StorageBackupSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await backup.RunAsync(cancellationToken);
}
