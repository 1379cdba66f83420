using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Invoices;

/// <summary>
/// A table-key-safe, fixed-length form of a bank entry reference (which may contain '/', '#', spaces…):
/// the first 40 hex digits of its SHA-256. The same entry always gets the same key, so it is booked once.
/// </summary>
public static class EntryKey
{
    public static string For(string entryReference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryReference)))[..40];
}
