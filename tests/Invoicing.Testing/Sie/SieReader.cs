using System.Globalization;
using System.Text;

namespace Invoicing.Testing.Sie;

/// <summary>
/// A strict reader of the SIE 4 files the product writes, independent of its writer: decodes IBM 437, splits
/// posts into fields (quoted fields with backslash escapes, <c>{…}</c> object lists), and collects the
/// identification posts, accounts, objects and vouchers. Anything it does not understand fails the test.
/// </summary>
public static class SieReader
{
    public static SieDocument Read(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(437, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        if (text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
        {
            throw new FormatException("A line ends in LF without CR.");
        }

        var document = new SieDocument();
        SieVoucher? open = null;
        var inBlock = false;
        var lineNumber = 0;
        foreach (var line in text.Split("\r\n"))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Fields(line.Trim(), lineNumber);
            switch (fields[0])
            {
                case "{" when open is not null && !inBlock:
                    inBlock = true;
                    break;
                case "}" when inBlock:
                    document.Vouchers.Add(open!);
                    open = null;
                    inBlock = false;
                    break;
                case "#VER" when !inBlock:
                    open = new SieVoucher(fields[1], fields[2], DateOnly.ParseExact(fields[3], "yyyyMMdd", CultureInfo.InvariantCulture), fields[4]);
                    break;
                case "#TRANS" when inBlock:
                    open!.Rows.Add(new SieTrans(fields[1], Objects(fields[2], lineNumber), Ore(fields[3], lineNumber)));
                    break;
                case "#KONTO":
                    document.Accounts.Add(fields[1], fields[2]);
                    break;
                case "#OBJEKT":
                    document.Objects.Add((fields[1], fields[2]), fields[3]);
                    break;
                case var post when post.StartsWith('#') && !inBlock:
                    document.Posts.Add((post, fields.Skip(1).ToArray()));
                    break;
                default:
                    throw new FormatException($"Line {lineNumber}: unexpected '{line}'.");
            }
        }

        if (inBlock || open is not null)
        {
            throw new FormatException("The file ends inside a voucher.");
        }

        return document;
    }

    /// <summary>Splits a post: blanks separate fields, quotes group them (<c>\"</c> and <c>\\</c> escaped), braces hold an object list.</summary>
    private static List<string> Fields(string line, int lineNumber)
    {
        var fields = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            var field = new StringBuilder();
            if (line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException($"Line {lineNumber}: unterminated quote.");
                    }

                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                    {
                        field.Append(line[i + 1]);
                        i += 2;
                    }
                    else if (line[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(line[i++]);
                    }
                }
            }
            else if (line[i] == '{' && line != "{")
            {
                var close = line.IndexOf('}', i);
                if (close < 0)
                {
                    throw new FormatException($"Line {lineNumber}: unterminated object list.");
                }

                field.Append(line, i, close - i + 1);
                i = close + 1;
            }
            else
            {
                while (i < line.Length && line[i] != ' ')
                {
                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString());
        }

        return fields;
    }

    private static (string Dimension, string Object)[] Objects(string list, int lineNumber)
    {
        if (!list.StartsWith('{') || !list.EndsWith('}'))
        {
            throw new FormatException($"Line {lineNumber}: '{list}' is not an object list.");
        }

        var inner = Fields(list[1..^1], lineNumber);
        if (inner.Count % 2 != 0)
        {
            throw new FormatException($"Line {lineNumber}: object list '{list}' is not dimension/object pairs.");
        }

        return Enumerable.Range(0, inner.Count / 2).Select(k => (inner[2 * k], inner[2 * k + 1])).ToArray();
    }

    private static long Ore(string amount, int lineNumber)
    {
        var parsed = decimal.Parse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (decimal.Round(parsed, 2) != parsed || !amount.Contains('.', StringComparison.Ordinal))
        {
            throw new FormatException($"Line {lineNumber}: amount '{amount}' is not kronor with two decimals.");
        }

        return (long)(parsed * 100);
    }
}

/// <summary>An SIE file as read back.</summary>
public sealed class SieDocument
{
    /// <summary>Identification and other posts outside vouchers (except <c>#KONTO</c>/<c>#OBJEKT</c>), in file order.</summary>
    public List<(string Post, string[] Fields)> Posts { get; } = [];

    public Dictionary<string, string> Accounts { get; } = [];

    public Dictionary<(string Dimension, string Object), string> Objects { get; } = [];

    public List<SieVoucher> Vouchers { get; } = [];

    public string[] Post(string name) => Posts.Single(p => p.Post == name).Fields;
}

public sealed record SieVoucher(string Series, string Number, DateOnly Date, string Text)
{
    public List<SieTrans> Rows { get; } = [];

    public long BalanceOre => Rows.Sum(r => r.AmountOre);
}

public sealed record SieTrans(string Account, IReadOnlyList<(string Dimension, string Object)> Objects, long AmountOre);
