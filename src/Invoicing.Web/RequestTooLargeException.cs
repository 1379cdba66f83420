namespace Invoicing.Web;

/// <summary>A request body went past the limit of its endpoint (see <see cref="RequestBodyLimit"/>); answered with 413.</summary>
public sealed class RequestTooLargeException(long maxBytes)
    : IOException($"The request body is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
