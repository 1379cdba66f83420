namespace Invoicing.Populations.Scb;

/// <summary>SCB's API could not be reached or kept failing; the message says what happened and what to do instead.</summary>
public sealed class ScbUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
