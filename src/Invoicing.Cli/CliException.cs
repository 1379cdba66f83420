namespace Invoicing.Cli;

/// <summary>A problem the user can fix; printed as its message alone, without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
