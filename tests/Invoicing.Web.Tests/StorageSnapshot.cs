using Invoicing.Storage;
using Invoicing.Testing;

namespace Invoicing.Web.Tests;

/// <summary>
/// Every row of every table and every blob, each with its ETag (<see cref="StorageContents"/>): two equal
/// snapshots mean nothing was written in between.
/// </summary>
internal static class StorageSnapshot
{
    public static Task<IReadOnlyList<string>> TakeAsync(WebWorld world) => StorageContents.TakeAsync(world.Get<InvoicingStorage>());
}
