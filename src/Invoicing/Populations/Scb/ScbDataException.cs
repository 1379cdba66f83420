namespace Invoicing.Populations.Scb;

/// <summary>An SCB response that cannot become a population snapshot; the message names the file and what is wrong. Nothing was recorded.</summary>
public sealed class ScbDataException(string message, Exception? inner = null) : Exception(message, inner);
