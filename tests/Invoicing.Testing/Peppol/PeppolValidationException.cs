namespace Invoicing.Testing.Peppol;

/// <summary>A document failed Peppol BIS 3.0 validation; the message names each rule id and its text.</summary>
public sealed class PeppolValidationException(string message) : Exception(message);
