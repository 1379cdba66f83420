using Azure.Core;

namespace Invoicing.Testing;

/// <summary>What a storage request is, for a fault to pick it.</summary>
public static class StorageRequests
{
    /// <summary>
    /// An entity group transaction (<c>POST …/$batch</c>) whose operations go to the table named
    /// <paramref name="table"/> (with its prefix): each operation in the body names its table in its URL.
    /// </summary>
    public static bool IsTransactionOn(Request request, string table)
    {
        if (request.Method != RequestMethod.Post || !request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || request.Content is null)
        {
            return false;
        }

        using var body = new MemoryStream();
        request.Content.WriteTo(body, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
        return new[] { " ", "?", "(" }.Any(end => text.Contains("/" + table + end, StringComparison.Ordinal));
    }
}
