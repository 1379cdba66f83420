namespace Invoicing.Backup;

/// <summary>A backup or restore refused: a damaged backup, a store that is not empty, a folder that is not. The message is one line.</summary>
public sealed class BackupException(string message) : InvalidOperationException(message);
