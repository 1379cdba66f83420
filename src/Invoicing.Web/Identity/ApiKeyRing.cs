using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Identity;

/// <summary>
/// The configured API keys, held as SHA-256 digests. A presented key is hashed and compared with every
/// digest in constant time, without stopping at a match, so neither the content nor the length of a key, nor
/// its position in the list, shows in how long a rejection takes.
/// </summary>
public sealed class ApiKeyRing(IOptions<InvoicingWebOptions> options)
{
    private readonly (ApiKeyOptions Key, byte[] Digest)[] _keys =
        [.. options.Value.ApiKeys.Select(k => (k, SHA256.HashData(Encoding.UTF8.GetBytes(k.Key ?? ""))))];

    /// <summary>The key's settings (name and role), or null when no configured key is <paramref name="presented"/>.</summary>
    public ApiKeyOptions? Find(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? match = null;
        foreach (var (key, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected) && match is null)
            {
                match = key;
            }
        }

        return match;
    }
}
