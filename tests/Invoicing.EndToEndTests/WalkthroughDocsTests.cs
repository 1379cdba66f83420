using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Cli;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// The walk-throughs in <c>docs/</c> are end-to-end tests, and these checks keep them so:
/// <list type="number">
/// <item>each walk-through names, on its line "End-to-end test(s): …", the test classes that run its steps, and each is a
/// class of this assembly with tests in it;</item>
/// <item>every <c>./invoicing …</c> line in a code block of the walk-throughs, the README and the other docs parses with
/// the CLI's own parser (<see cref="CliRoot"/>, the one <c>Program</c> parses with): a mistyped command, an option that
/// does not exist, a missing required option or a value of the wrong kind is caught without running anything;</item>
/// <item>every line a named class asserts with <see cref="Walkthrough.Shows"/> is quoted in a code block of a
/// walk-through that names the class, and each walk-through quotes at least <see cref="QuotedAtLeast"/> of them.</item>
/// </list>
/// Why the third ties the quotes to the tests' assertions instead of replaying each page: a page's output is of one day
/// (2026-12-04: issue and due dates, booking times, the machine's paths), and a replay on another day prints other
/// dates, so comparing line by line would fail from tomorrow on, or need every date masked. The named tests run the same
/// steps through the CLI against Azurite on every test run and assert the lines that do not depend on the day; this test
/// reads those assertions from the tests' source and finds each one, verbatim, in the page. A change to what the CLI
/// prints fails the test that asserts it; a change to the quote fails this one.
/// </summary>
public sealed class WalkthroughDocsTests
{
    private const int QuotedAtLeast = 5;

    private static readonly string Docs = Path.Combine(TestPaths.RepositoryRoot, "docs");

    private static readonly string TestSources = Path.Combine(TestPaths.RepositoryRoot, "tests", "Invoicing.EndToEndTests");

    public static TheoryData<string> Walkthroughs() => new(WalkthroughNames());

    /// <summary>Every markdown page whose commands are checked: the README and the docs, walk-throughs included.</summary>
    public static TheoryData<string> Pages() =>
        new(new[] { "README.md" }.Concat(Directory.GetFiles(Docs, "*.md").Order(StringComparer.Ordinal).Select(f => "docs/" + Path.GetFileName(f))));

    [Fact]
    public void There_is_a_walkthrough_for_each_task()
    {
        Assert.Equal(
            ["walkthrough-einvoices.md", "walkthrough-payments.md", "walkthrough-revision.md", "walkthrough-sie.md", "walkthrough-stockholm.md", "walkthrough-year.md"],
            WalkthroughNames());
    }

    [Theory]
    [MemberData(nameof(Walkthroughs))]
    public void A_walkthrough_names_end_to_end_tests_of_this_assembly_and_shows_cli_commands(string walkthrough)
    {
        var classes = NamedTestClasses(walkthrough);

        Assert.True(classes.Count > 0, $"docs/{walkthrough} has no line \"End-to-end test: `SomeTests` …\" naming the tests that run its steps.");
        foreach (var name in classes)
        {
            var type = typeof(WalkthroughDocsTests).Assembly.GetType($"{typeof(WalkthroughDocsTests).Namespace}.{name}");
            Assert.True(type is not null, $"docs/{walkthrough} names {name}, which is not a class of {typeof(WalkthroughDocsTests).Assembly.GetName().Name}.");
            Assert.True(
                type.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()),
                $"docs/{walkthrough} names {name}, which has no tests.");
        }

        Assert.NotEmpty(Commands("docs/" + walkthrough));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_invoicing_command_in_a_code_block_is_one_the_cli_accepts(string page)
    {
        var root = CliRoot.Create();
        var refused = new List<string>();

        foreach (var (line, arguments) in Commands(page))
        {
            var parse = root.Parse(arguments);
            if (parse.Errors.Count > 0)
            {
                refused.Add($"{page}:{line}: ./invoicing {string.Join(' ', arguments)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            }
        }

        Assert.True(refused.Count == 0, "The CLI refuses these command lines:\n" + string.Join('\n', refused));
    }

    [Theory]
    [MemberData(nameof(Walkthroughs))]
    public void Every_line_its_tests_assert_for_it_is_quoted_in_a_walkthrough_that_names_them(string walkthrough)
    {
        var naming = WalkthroughNames().ToDictionary(w => w, NamedTestClasses);
        var asserted = NamedTestClasses(walkthrough).SelectMany(c => ShownLines(c).Select(line => (Class: c, Line: line))).ToList();

        var unquoted = asserted
            .Where(a => !naming.Where(n => n.Value.Contains(a.Class)).Any(n => CodeBlocks("docs/" + n.Key).Contains(a.Line, StringComparison.Ordinal)))
            .Select(a => $"{a.Class}: \"{a.Line}\"")
            .ToList();
        var quotedHere = asserted.Select(a => a.Line).Distinct().Count(line => CodeBlocks("docs/" + walkthrough).Contains(line, StringComparison.Ordinal));

        Assert.True(unquoted.Count == 0, $"Lines asserted by the tests docs/{walkthrough} names, quoted in no walk-through that names them:\n" + string.Join('\n', unquoted));
        Assert.True(
            quotedHere >= QuotedAtLeast,
            $"docs/{walkthrough} quotes {quotedHere} lines its tests assert (Walkthrough.Shows); at least {QuotedAtLeast}: a page whose output no test checks is no end-to-end test.");
    }

    [Fact]
    public void The_command_lines_are_read_as_a_shell_reads_them()
    {
        Assert.Equal(["payments", "refund", "202600014", "--amount", "6 051,00", "--reference", "utbetalning 2026-118"],
            Arguments("./invoicing payments refund 202600014 --amount \"6 051,00\" --reference \"utbetalning 2026-118\"   # a comment")!);
        Assert.Equal(["remind"], Arguments("faketime '2027-01-14 08:00:00' ./invoicing remind")!);
        Assert.Null(Arguments("Refunds owed (book one paid out with: ./invoicing payments refund NUMBER)"));

        var root = CliRoot.Create();
        Assert.NotEmpty(root.Parse(Arguments("./invoicing payments refnud 202600014 --year 2026")!).Errors);
        Assert.NotEmpty(root.Parse(Arguments("./invoicing payments refund 202600014 --year 2026 --amount 1")!).Errors);
        Assert.NotEmpty(root.Parse(Arguments("./invoicing invoices list --year Y")!).Errors);
        Assert.Empty(root.Parse(Arguments("./invoicing invoices void 202600017 --year 2026 --reason \"Fakturerad av misstag\"")!).Errors);
    }

    private static string[] WalkthroughNames() =>
        [.. Directory.GetFiles(Docs, "walkthrough-*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The classes named in backquotes on the page's line that starts "End-to-end test:" or "End-to-end tests:".</summary>
    private static List<string> NamedTestClasses(string walkthrough)
    {
        var text = File.ReadAllText(Path.Combine(Docs, walkthrough));
        var paragraph = Regex.Match(text, @"^End-to-end tests?:(.*?)(?:\n\n|\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return paragraph.Success
            ? Regex.Matches(paragraph.Groups[1].Value, @"`(\w+Tests)`").Select(m => m.Groups[1].Value).Distinct().ToList()
            : [];
    }

    /// <summary>The text of the page's fenced code blocks, digit groups as plain spaces.</summary>
    private static string CodeBlocks(string page)
    {
        var text = new StringBuilder();
        var inBlock = false;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, page)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
            }
            else if (inBlock)
            {
                text.Append(Walkthrough.Plain(line)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The <c>./invoicing</c> command lines in the page's code blocks (with or without a <c>$ </c> prompt, after
    /// <c>faketime '…'</c>, each part of an <c>&amp;&amp;</c> chain), as the arguments the CLI gets. A usage synopsis with
    /// optional parts in brackets (<c>[--year Y]</c>) is not a command line and is left out.
    /// </summary>
    private static List<(int Line, string[] Arguments)> Commands(string page)
    {
        var commands = new List<(int, string[])>();
        var inBlock = false;
        var number = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, page)))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock || line.Contains(" [--", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var part in line.Split("&&"))
            {
                if (Arguments(part) is { } arguments)
                {
                    commands.Add((number, arguments));
                }
            }
        }

        return commands;
    }

    /// <summary>
    /// The arguments of a command line that runs <c>./invoicing</c>, split as a shell splits them (blanks; "…" and '…'
    /// quote; # starts a comment), or null when the line runs something else.
    /// </summary>
    private static string[]? Arguments(string commandLine)
    {
        var line = Regex.Replace(commandLine.Trim(), @"^\$\s+", "");
        line = Regex.Replace(line, @"^faketime\s+('[^']*'|""[^""]*""|\S+)\s+", "");
        if (!(line == "./invoicing" || line.StartsWith("./invoicing ", StringComparison.Ordinal)))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line["./invoicing".Length..])
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    /// <summary>
    /// The lines a test class asserts with <c>Walkthrough.Shows("…", output)</c>, read from its source file. Each must be
    /// a plain string literal, so that the quote can be found as written; an interpolated or computed one fails here.
    /// </summary>
    private static List<string> ShownLines(string testClass)
    {
        var file = Path.Combine(TestSources, testClass + ".cs");
        Assert.True(File.Exists(file), $"{testClass} is expected in {file}.");
        var source = File.ReadAllText(file);

        var calls = Regex.Count(source, @"\bWalkthrough\.Shows\(");
        var literals = Regex.Matches(source, @"\bWalkthrough\.Shows\(\s*""((?:[^""\\\r\n]|\\.)*)""\s*,").Select(m => Unescape(m.Groups[1].Value)).ToList();
        Assert.True(literals.Count == calls, $"{testClass}: each Walkthrough.Shows takes a plain string literal first ({calls} calls, {literals.Count} literals).");
        return literals.Select(Walkthrough.Plain).ToList();
    }

    private static string Unescape(string literal) =>
        Regex.Replace(literal, @"\\(u[0-9A-Fa-f]{4}|.)", m => m.Groups[1].Value switch
        {
            { Length: 5 } hex => ((char)Convert.ToInt32(hex[1..], 16)).ToString(),
            "n" => "\n",
            "t" => "\t",
            var other => other,
        });
}
