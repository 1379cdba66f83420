using System.Globalization;
using System.Text;

namespace Invoicing.Testing.Sie;

/// <summary>
/// A strict reader of SIE files of types 1–4, written from the SIE group's format specification (SIE filformat,
/// version 4B), not from the product's writer, and sharing no code with it: its own IBM 437 table for <c>#FORMAT PC8</c>;
/// the post grammar (a label, then fields separated by blanks or tabs, a field quoted when it holds a blank, <c>\"</c>
/// for a quote inside, <c>{…}</c> for an object list, <c>""</c> for an empty field); every 4B label with the fields it
/// takes; the order of the file's parts (flag post, identification, chart of accounts, balances, vouchers); <c>#VER</c>
/// blocks of <c>#TRANS</c> rows in <c>{</c> <c>}</c> that must balance to zero; and the labels each type requires or
/// excludes. <c>#SIETYP 4</c> with balances (<c>#IB</c>, <c>#UB</c>, <c>#RES</c>) is 4E, an accounting system's
/// export of its year, which must then have all three; without any is 4I, a file for import. Anything it does not
/// understand fails the test with the line and the rule.
/// </summary>
public static class SieReader
{
    /// <summary>IBM code page 437, 0x80–0xFF (0x00–0x7F is ASCII), from the code page chart.</summary>
    private const string Pc8UpperHalf =
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
        "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0";

    /// <summary>The labels of SIE 4B and their fields; a kind ending in '?' is optional (and so are all after it).</summary>
    private static readonly Dictionary<string, (Part Part, string[] Fields)> Labels = new(StringComparer.Ordinal)
    {
        ["#FLAGGA"] = (Part.Flag, ["flag"]),
        ["#PROGRAM"] = (Part.Identification, ["text", "text"]),
        ["#FORMAT"] = (Part.Identification, ["text"]),
        ["#GEN"] = (Part.Identification, ["date", "text?"]),
        ["#SIETYP"] = (Part.Identification, ["int"]),
        ["#PROSA"] = (Part.Identification, ["text"]),
        ["#FTYP"] = (Part.Identification, ["text"]),
        ["#FNR"] = (Part.Identification, ["text"]),
        ["#ORGNR"] = (Part.Identification, ["orgnr", "int?", "int?"]),
        ["#BKOD"] = (Part.Identification, ["text"]),
        ["#ADRESS"] = (Part.Identification, ["text", "text", "text", "text"]),
        ["#FNAMN"] = (Part.Identification, ["text"]),
        ["#RAR"] = (Part.Identification, ["int", "date", "date"]),
        ["#TAXAR"] = (Part.Identification, ["int"]),
        ["#OMFATTN"] = (Part.Identification, ["date"]),
        ["#KPTYP"] = (Part.Identification, ["text"]),
        ["#VALUTA"] = (Part.Identification, ["text"]),
        ["#KONTO"] = (Part.Chart, ["account", "text"]),
        ["#KTYP"] = (Part.Chart, ["account", "text"]),
        ["#ENHET"] = (Part.Chart, ["account", "text"]),
        ["#SRU"] = (Part.Chart, ["account", "int"]),
        ["#DIM"] = (Part.Chart, ["int", "text"]),
        ["#UNDERDIM"] = (Part.Chart, ["int", "text", "int"]),
        ["#OBJEKT"] = (Part.Chart, ["int", "text", "text"]),
        ["#IB"] = (Part.Balances, ["int", "account", "amount", "quantity?"]),
        ["#UB"] = (Part.Balances, ["int", "account", "amount", "quantity?"]),
        ["#OIB"] = (Part.Balances, ["int", "account", "objects", "amount", "quantity?"]),
        ["#OUB"] = (Part.Balances, ["int", "account", "objects", "amount", "quantity?"]),
        ["#RES"] = (Part.Balances, ["int", "account", "amount", "quantity?"]),
        ["#PSALDO"] = (Part.Balances, ["int", "int", "account", "objects", "amount", "quantity?"]),
        ["#PBUDGET"] = (Part.Balances, ["int", "int", "account", "objects", "amount", "quantity?"]),
        ["#VER"] = (Part.Vouchers, ["text", "text", "date", "text?", "date?", "text?"]),
        ["#TRANS"] = (Part.Voucher, ["account", "objects", "amount", "date?", "text?", "quantity?", "text?"]),
        ["#RTRANS"] = (Part.Voucher, ["account", "objects", "amount", "date?", "text?", "quantity?", "text?"]),
        ["#BTRANS"] = (Part.Voucher, ["account", "objects", "amount", "date?", "text?", "quantity?", "text?"]),
    };

    /// <summary>Posts every SIE file has, whatever its type.</summary>
    private static readonly string[] AlwaysRequired = ["#FLAGGA", "#PROGRAM", "#FORMAT", "#GEN", "#SIETYP", "#FNAMN"];

    /// <summary>A year's balances: required in types 1, 2, 3 and 4E; what a 4I file never has.</summary>
    private static readonly string[] YearBalances = ["#IB", "#UB", "#RES"];

    private static readonly string[] ChartTypes = ["BAS95", "BAS96", "EUBAS97", "NE2007"];

    private static readonly string[] AccountTypes = ["T", "S", "K", "I"];

    /// <summary>Decodes <c>#FORMAT PC8</c> bytes (IBM code page 437).</summary>
    public static string DecodePc8(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b < 0x80 ? (char)b : Pc8UpperHalf[b - 0x80]);
        }

        return text.ToString();
    }

    public static SieDocument Read(byte[] bytes)
    {
        var document = new SieDocument();
        var part = Part.Flag;
        SieVoucher? voucher = null;
        var inBlock = false;
        var lines = DecodePc8(bytes).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].EndsWith('\r') ? lines[index][..^1] : lines[index];
            if (line.Any(c => c < ' ' && c != '\t'))
            {
                throw Fail(number, "a control character other than a tab (a line ends in LF, or CR LF)");
            }

            var trimmed = line.Trim(' ', '\t');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed is "{" or "}")
            {
                (voucher, inBlock) = Brace(trimmed, voucher, inBlock, document, number);
                continue;
            }

            var tokens = Tokens(trimmed, number);
            var label = tokens[0] is { Quoted: false, Objects: null } first ? first.Text : throw Fail(number, "a post starts with its label, e.g. #VER");
            if (!Labels.TryGetValue(label, out var spec))
            {
                throw Fail(number, $"'{label}' is not a label of SIE 4B");
            }

            var fields = Fields(label, spec.Fields, tokens.Skip(1).ToArray(), number);
            if (spec.Part == Part.Voucher)
            {
                if (!inBlock)
                {
                    throw Fail(number, $"{label} stands only inside a voucher's {{ }}");
                }

                if (label == "#TRANS")
                {
                    voucher!.Rows.Add(new SieTrans(fields[0].Text, fields[1].Objects!, Ore(fields[2].Text)));
                }

                continue;
            }

            if (inBlock || voucher is not null)
            {
                throw Fail(number, inBlock ? "a voucher's block ends with }" : "#VER is followed by its block {");
            }

            if (spec.Part < part)
            {
                throw Fail(number, $"{label} belongs before the {part.ToString().ToLowerInvariant()} posts (flag, identification, chart of accounts, balances, vouchers)");
            }

            if (part == Part.Flag && label != "#FLAGGA")
            {
                throw Fail(number, "the file starts with #FLAGGA");
            }

            part = spec.Part == Part.Flag ? Part.Identification : spec.Part;
            if (label == "#VER")
            {
                voucher = new SieVoucher(fields[0].Text, fields[1].Text, Date(fields[2].Text), fields.Count > 3 ? fields[3].Text : "");
            }
            else
            {
                Record(document, label, fields, number);
            }
        }

        if (inBlock || voucher is not null)
        {
            throw new FormatException("SIE: the file ends inside a voucher.");
        }

        Check(document);
        return document;
    }

    /// <summary>A block opens right after its <c>#VER</c> and closes once; the voucher then balances to zero.</summary>
    private static (SieVoucher? Voucher, bool InBlock) Brace(string brace, SieVoucher? voucher, bool inBlock, SieDocument document, int number)
    {
        if (brace == "{")
        {
            return voucher is not null && !inBlock ? (voucher, true) : throw Fail(number, "{ opens the block of the #VER just before it");
        }

        if (!inBlock)
        {
            throw Fail(number, "} closes a voucher's block");
        }

        if (voucher!.Rows.Count == 0 || voucher.BalanceOre != 0)
        {
            throw Fail(number, $"voucher {voucher.Series} {voucher.Number} {voucher.Text} does not balance: its #TRANS rows sum to {voucher.BalanceOre} öre");
        }

        document.Vouchers.Add(voucher);
        return (null, false);
    }

    /// <summary>Keeps a post outside vouchers and checks what a post says on its own (identification posts once each).</summary>
    private static void Record(SieDocument document, string label, IReadOnlyList<Token> fields, int number)
    {
        var values = fields.Select(f => f.Text).ToArray();
        if (Labels[label].Part == Part.Identification && label != "#RAR" && document.Posts.Any(p => p.Post == label))
        {
            throw Fail(number, $"{label} appears twice");
        }

        switch (label)
        {
            case "#FLAGGA" when values[0] is not ("0" or "1"):
                throw Fail(number, "#FLAGGA is 0 (not yet read) or 1");
            case "#FORMAT" when values[0] != "PC8":
                throw Fail(number, "#FORMAT is PC8 (IBM 437)");
            case "#SIETYP" when values[0] is not ("1" or "2" or "3" or "4"):
                throw Fail(number, "#SIETYP is 1, 2, 3 or 4");
            case "#KPTYP" when !ChartTypes.Contains(values[0]):
                throw Fail(number, $"#KPTYP is one of {string.Join(", ", ChartTypes)}");
            case "#VALUTA" when values[0].Length != 3 || !values[0].All(char.IsAsciiLetterUpper):
                throw Fail(number, "#VALUTA is an ISO 4217 code");
            case "#RAR" when int.Parse(values[0], CultureInfo.InvariantCulture) > 0 || Date(values[1]) > Date(values[2]) || document.Posts.Any(p => p.Post == "#RAR" && p.Fields[0] == values[0]):
                throw Fail(number, "#RAR gives each year (0 this one, -1 the one before …) once, first day before last");
            case "#KONTO":
                document.Accounts.Add(values[0], values[1]);
                break;
            case "#KTYP" when !document.Accounts.ContainsKey(values[0]) || !AccountTypes.Contains(values[1]):
                throw Fail(number, "#KTYP gives a declared account its type T, S, K or I");
            case "#KTYP":
                document.AccountTypes.Add(values[0], values[1]);
                break;
            case "#DIM":
                document.Dimensions.Add(values[0], values[1]);
                break;
            case "#OBJEKT" when !document.Dimensions.ContainsKey(values[0]) && int.Parse(values[0], CultureInfo.InvariantCulture) >= 20:
                throw Fail(number, $"#OBJEKT of dimension {values[0]}, which no #DIM declares (20 and above are the user's own)");
            case "#OBJEKT":
                document.Objects.Add((values[0], values[1]), values[2]);
                break;
        }

        document.Posts.Add((label, values));
    }

    /// <summary>What the whole file must have: the required posts, the type's balances, vouchers in the year, objects declared.</summary>
    private static void Check(SieDocument document)
    {
        foreach (var label in AlwaysRequired.Where(l => document.Posts.All(p => p.Post != l)))
        {
            throw new FormatException($"SIE: {label} is missing; every SIE file has {string.Join(", ", AlwaysRequired)}.");
        }

        var balances = document.Posts.Where(p => Labels[p.Post].Part == Part.Balances).Select(p => p.Post).ToHashSet();
        var type = document.Post("#SIETYP")[0];
        document.Type = type != "4" ? type : balances.Count > 0 ? "4E" : "4I";
        if (document.Type != "4I")
        {
            foreach (var label in YearBalances.Append("#RAR").Where(l => document.Posts.All(p => p.Post != l)))
            {
                throw new FormatException($"SIE: type {document.Type} has balances, so it needs {label} ({string.Join(", ", YearBalances)} and #RAR); only 4I has none.");
            }

            if (document.Type != "4E" && document.Vouchers.Count > 0)
            {
                throw new FormatException($"SIE: type {document.Type} has no vouchers; they belong to type 4.");
            }
        }

        if (document.Posts.FirstOrDefault(p => p.Post == "#RAR" && p.Fields[0] == "0") is { Fields: var year }
            && document.Vouchers.FirstOrDefault(v => v.Date < Date(year[1]) || v.Date > Date(year[2])) is { } outside)
        {
            throw new FormatException($"SIE: voucher {outside.Series} {outside.Number} is dated {outside.Date:yyyy-MM-dd}, outside the fiscal year #RAR 0 {year[1]}–{year[2]}.");
        }

        foreach (var (dimension, objectId) in document.Vouchers.SelectMany(v => v.Rows).SelectMany(r => r.Objects).Distinct())
        {
            if (!document.Objects.ContainsKey((dimension, objectId)) && (document.Dimensions.ContainsKey(dimension) || int.Parse(dimension, CultureInfo.InvariantCulture) >= 20))
            {
                throw new FormatException($"SIE: a #TRANS names object {objectId} of dimension {dimension}, which no #OBJEKT declares.");
            }
        }
    }

    /// <summary>The fields a label takes, in order, each checked against its kind; too few or too many fail.</summary>
    private static List<Token> Fields(string label, string[] kinds, Token[] given, int number)
    {
        var required = kinds.TakeWhile(k => !k.EndsWith('?')).Count();
        if (given.Length < required || given.Length > kinds.Length)
        {
            throw Fail(number, $"{label} takes {required}{(kinds.Length > required ? $"–{kinds.Length}" : "")} fields, not {given.Length}");
        }

        for (var i = 0; i < given.Length; i++)
        {
            var kind = kinds[i].TrimEnd('?');
            var field = given[i];
            var optionalEmpty = kinds[i].EndsWith('?') && field is { Quoted: true, Text: "" };
            if (kind == "objects" ? field.Objects is null : field.Objects is not null)
            {
                throw Fail(number, $"field {i + 1} of {label} is {(kind == "objects" ? "an object list {…}" : "not an object list")}");
            }

            var valid = optionalEmpty || kind switch
            {
                "flag" or "int" => int.TryParse(field.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "date" => DateOnly.TryParseExact(field.Text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "account" => field.Text.Length > 0 && field.Text.All(char.IsAsciiDigit),
                "amount" => IsAmount(field.Text, decimals: 2),
                "quantity" => IsAmount(field.Text, decimals: 10),
                "orgnr" => field.Text.Length == 11 && field.Text[6] == '-' && field.Text.Remove(6, 1).All(char.IsAsciiDigit),
                _ => true,
            };
            if (!valid)
            {
                throw Fail(number, $"field {i + 1} of {label}, '{field.Text}', is not {Describe(kind)}");
            }
        }

        return [.. given];
    }

    /// <summary>
    /// Splits a post into its fields: blanks and tabs separate; quotes group (<c>\"</c> is a quote, <c>\\</c> a backslash
    /// inside them); braces hold an object list of dimension and object pairs, which may be quoted too.
    /// </summary>
    private static List<Token> Tokens(string line, int number)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
            }
            else if (line[i] == '{')
            {
                var inner = new List<Token>();
                i++;
                while (true)
                {
                    while (i < line.Length && line[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    if (i >= line.Length)
                    {
                        throw Fail(number, "an object list { … } is not closed");
                    }

                    if (line[i] == '}')
                    {
                        i++;
                        break;
                    }

                    inner.Add(Simple(line, ref i, number, inList: true));
                }

                if (inner.Count % 2 != 0 || inner.Where((_, k) => k % 2 == 0).Any(d => d.Text.Length == 0 || !d.Text.All(char.IsAsciiDigit)))
                {
                    throw Fail(number, "an object list holds pairs of a dimension number and an object");
                }

                tokens.Add(new Token("", false, Enumerable.Range(0, inner.Count / 2).Select(k => (inner[2 * k].Text, inner[2 * k + 1].Text)).ToArray()));
            }
            else
            {
                tokens.Add(Simple(line, ref i, number, inList: false));
            }
        }

        return tokens;
    }

    private static Token Simple(string line, ref int i, int number, bool inList)
    {
        var text = new StringBuilder();
        if (line[i] != '"')
        {
            while (i < line.Length && line[i] is not (' ' or '\t') && !(inList && line[i] == '}'))
            {
                if (line[i] is '"' or '{' or '}')
                {
                    throw Fail(number, $"'{line[i]}' inside an unquoted field");
                }

                text.Append(line[i++]);
            }

            return new Token(text.ToString(), false, null);
        }

        for (i++; ; i++)
        {
            if (i >= line.Length)
            {
                throw Fail(number, "a quoted field is not closed");
            }

            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                text.Append(line[++i]);
            }
            else if (line[i] == '"')
            {
                i++;
                break;
            }
            else
            {
                text.Append(line[i]);
            }
        }

        if (i < line.Length && line[i] is not (' ' or '\t') && !(inList && line[i] == '}'))
        {
            throw Fail(number, "a blank follows a quoted field");
        }

        return new Token(text.ToString(), true, null);
    }

    private static string Describe(string kind) => kind switch
    {
        "flag" or "int" => "a whole number",
        "date" => "a date yyyymmdd",
        "account" => "an account number (digits)",
        "amount" => "an amount (digits, a point and at most two decimals)",
        "quantity" => "a quantity",
        _ => "an organisation number nnnnnn-nnnn",
    };

    /// <summary>An amount: digits, an optional leading minus, a point and at most <paramref name="decimals"/> decimals.</summary>
    private static bool IsAmount(string text, int decimals)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        var parts = digits.Split('.');
        return parts.Length <= 2 && parts[0].Length > 0 && parts.All(p => p.All(char.IsAsciiDigit))
            && (parts.Length == 1 || (parts[1].Length > 0 && parts[1].Length <= decimals));
    }

    private static long Ore(string amount)
    {
        var negative = amount.StartsWith('-');
        var parts = (negative ? amount[1..] : amount).Split('.');
        var ore = long.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + (parts.Length == 2 ? long.Parse(parts[1].PadRight(2, '0'), CultureInfo.InvariantCulture) : 0);
        return negative ? -ore : ore;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture);

    private static FormatException Fail(int line, string rule) => new($"SIE line {line}: {rule}.");

    /// <summary>The parts of a file, in the order they must come.</summary>
    private enum Part
    {
        Flag,
        Identification,
        Chart,
        Balances,
        Vouchers,
        Voucher,
    }

    /// <summary>A field as written: its text (unquoted), whether it was quoted, or the pairs of an object list.</summary>
    private sealed record Token(string Text, bool Quoted, (string Dimension, string Object)[]? Objects);
}

/// <summary>An SIE file as read back.</summary>
public sealed class SieDocument
{
    /// <summary>1, 2, 3, 4E (type 4 with the year's balances) or 4I (type 4 with vouchers only, for import).</summary>
    public string Type { get; internal set; } = "";

    /// <summary>Every post outside the vouchers, in file order, with its fields (an object list as empty text).</summary>
    public List<(string Post, string[] Fields)> Posts { get; } = [];

    public Dictionary<string, string> Accounts { get; } = [];

    /// <summary>Each declared account's <c>#KTYP</c>: T asset, S liability, K cost, I income.</summary>
    public Dictionary<string, string> AccountTypes { get; } = [];

    public Dictionary<string, string> Dimensions { get; } = [];

    public Dictionary<(string Dimension, string Object), string> Objects { get; } = [];

    public List<SieVoucher> Vouchers { get; } = [];

    /// <summary>The fields of the one post with this label.</summary>
    public string[] Post(string name) => Posts.Single(p => p.Post == name).Fields;
}

/// <summary>A <c>#VER</c>: series and number as written (either may be empty), date, text, and its <c>#TRANS</c> rows.</summary>
public sealed record SieVoucher(string Series, string Number, DateOnly Date, string Text)
{
    public List<SieTrans> Rows { get; } = [];

    public long BalanceOre => Rows.Sum(r => r.AmountOre);
}

public sealed record SieTrans(string Account, IReadOnlyList<(string Dimension, string Object)> Objects, long AmountOre);
