using System.Security.Cryptography;
using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

/// <summary>The check a bank file's bytes pass on their way into and out of the archive: all of them, or not the last.</summary>
public sealed class Sha256CheckedStreamTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task The_bytes_that_match_their_length_and_sha256_are_handed_on_whole()
    {
        using var copy = new MemoryStream();

        await using (var stream = Checked(Content, Content.Length, Sha256(Content)))
        {
            await stream.CopyToAsync(copy, 4096);
        }

        Assert.Equal(Content, copy.ToArray());
    }

    [Fact]
    public void Read_synchronously_the_same_bytes_are_handed_on_whole()
    {
        using var copy = new MemoryStream();

        using (var stream = Checked(Content, Content.Length, Sha256(Content)))
        {
            stream.CopyTo(copy, 333);
        }

        Assert.Equal(Content, copy.ToArray());
    }

    [Fact]
    public async Task Other_bytes_of_the_same_length_are_refused_before_their_last_chunk()
    {
        var other = Content.ToArray();
        other[^1] ^= 0xFF;
        using var copy = new MemoryStream();
        await using var stream = Checked(other, Content.Length, Sha256(Content));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => stream.CopyToAsync(copy, 4096));

        Assert.Equal($"found SHA-256 {Sha256(other)}", error.Message);
        Assert.True(copy.Length < Content.Length);
    }

    [Theory]
    [InlineData(-1, "found only 99999 of 100000 bytes")]
    [InlineData(1, "found more than 100000 bytes")]
    public async Task A_shorter_or_longer_source_is_refused_before_its_last_chunk(int difference, string expected)
    {
        var source = difference < 0 ? Content[..^1] : [.. Content, 0];
        using var copy = new MemoryStream();
        await using var stream = Checked(source, Content.Length, Sha256(Content));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => stream.CopyToAsync(copy, 4096));

        Assert.Equal(expected, error.Message);
        Assert.True(copy.Length < Content.Length);
    }

    private static Sha256CheckedStream Checked(byte[] source, long length, string sha256) =>
        new Sha256CheckedStream(new MemoryStream(source, writable: false), length, sha256, found => "found " + found);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
