using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// One font's Flate-compressed subset programs (<see cref="TrueTypeSubset"/>), by glyph set. Subsetting and
/// compressing the program was more than half of a render's CPU time, and documents of one run mostly draw the same
/// glyphs: the 290 invoices to the real municipality names draw one glyph set of the regular font and 145 of the
/// bold one (the buyer's name). An entry holds exactly the bytes a render would compute, so what is cached never
/// changes a document. Thread-safe; bounded by emptying it when full, so a long-lived process keeps at most
/// <see cref="Capacity"/> programs of ≈ 10 KB per font.
/// </summary>
internal sealed class SubsetProgramCache(TrueTypeFont font)
{
    /// <summary>Room for a national run's glyph sets (311 parties) with margin; about 2.5 MB of programs at most.</summary>
    public const int Capacity = 256;

    // The key is the glyph numbers as a string's UTF-16 units: a cheap, ordinal, value-equal key for a ushort[].
    private readonly ConcurrentDictionary<string, SubsetProgram> _programs = new(StringComparer.Ordinal);

    /// <summary>How many programs are held now.</summary>
    public int Count => _programs.Count;

    /// <summary>The compressed subset program for <paramref name="glyphs"/>, a <see cref="TrueTypeSubset.Closure"/>.</summary>
    public SubsetProgram Get(ushort[] glyphs)
    {
        var key = new string(MemoryMarshal.Cast<ushort, char>(glyphs.AsSpan()));
        if (_programs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        using var subset = new ByteBuffer(32 * 1024);
        TrueTypeSubset.Write(font, glyphs, subset);
        using var compressed = new ByteBuffer(16 * 1024);
        PdfObjectWriter.Compress(subset.WrittenSpan, compressed);
        var program = new SubsetProgram(compressed.WrittenSpan.ToArray(), subset.Length);

        if (_programs.Count >= Capacity)
        {
            _programs.Clear();
        }

        // Two threads may compute the same program; both results are the same bytes, so either may win.
        return _programs.GetOrAdd(key, program);
    }
}

/// <summary>A subset font program, Flate-compressed, and its length before compression (the stream's /Length1).</summary>
internal sealed record SubsetProgram(byte[] Compressed, int Length);
