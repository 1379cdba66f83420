namespace Invoicing.Dataset;

/// <summary>A dataset file is wrong; the message names file, row and field. Nothing has been written.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
