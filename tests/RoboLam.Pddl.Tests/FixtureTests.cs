using System.Text.RegularExpressions;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Tests;

/// <summary>
/// Malformed and ill-typed PDDL files in Fixtures/, each stating the diagnostics it must produce, and nothing else:
/// <c>;   ^ PDDL011</c> under a line points at the column of the caret on the nearest line above that is not a comment;
/// <c>;@ 3:5 PDDL019</c> gives line and column outright. "warning" before the code expects a warning. A problem
/// is checked against Fixtures/base-domain.pddl.
/// </summary>
public sealed partial class FixtureTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Fixtures() => new(FixtureNames());

    private static List<string> FixtureNames() =>
        Directory.EnumerateFiles(s_folder, "*.pddl")
            .Select(path => Path.GetFileName(path))
            .Where(name => !name.StartsWith("base-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void There_are_at_least_thirty_fixtures_each_expecting_something()
    {
        var names = FixtureNames();

        Assert.True(names.Count >= 30, $"only {names.Count} fixtures");
        Assert.All(names, name => Assert.NotEmpty(Expected(File.ReadAllLines(Path.Combine(s_folder, name)))));
    }

    [Fact]
    public void The_base_domain_of_the_problem_fixtures_is_clean()
    {
        var parsed = PddlParser.LoadDomain(Path.Combine(s_folder, "base-domain.pddl"));

        Assert.Empty(parsed.Diagnostics);
        Assert.Empty(PddlChecker.Check(parsed.Value!));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_fixture_produces_exactly_the_diagnostics_it_states(string name)
    {
        var path = Path.Combine(s_folder, name);
        var text = File.ReadAllText(path);
        var expected = Expected(text.Split('\n'));

        var actual = Diagnose(text, name).Select(diagnostic => new Expectation(
            diagnostic.Severity, diagnostic.Code, diagnostic.Span.Line, diagnostic.Span.Column)).ToList();

        Assert.True(expected.SequenceEqual(actual), $"""
            {name}
            expected: {string.Join("; ", expected)}
            actual:   {string.Join("; ", Diagnose(text, name))}
            """);
    }

    /// <summary>What <c>robolam check</c> does: parse; when that succeeds, check (a problem against the base domain).</summary>
    private static IReadOnlyList<Diagnostic> Diagnose(string text, string name)
    {
        if (IsProblem(text))
        {
            var problem = PddlParser.ParseProblem(text, name);
            if (problem.HasErrors || problem.Value is null)
            {
                return problem.Diagnostics;
            }

            var domain = PddlParser.LoadDomain(Path.Combine(s_folder, "base-domain.pddl")).Value!;
            return [.. problem.Diagnostics, .. PddlChecker.Check(domain, problem.Value).Where(d => d.Span.File == name)];
        }

        var parsed = PddlParser.ParseDomain(text, name);
        return parsed.HasErrors || parsed.Value is null ? parsed.Diagnostics : [.. parsed.Diagnostics, .. PddlChecker.Check(parsed.Value)];
    }

    private static bool IsProblem(string text) => ProblemHeader().IsMatch(text);

    private static List<Expectation> Expected(IReadOnlyList<string> lines)
    {
        var result = new List<Expectation>();
        var lastCodeLine = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (CaretLine().Match(line) is { Success: true } caret)
            {
                result.Add(new Expectation(Severity(caret), caret.Groups["code"].Value, lastCodeLine, line.IndexOf('^', StringComparison.Ordinal) + 1));
            }
            else if (PlaceLine().Match(line) is { Success: true } place)
            {
                result.Add(new Expectation(Severity(place), place.Groups["code"].Value,
                    int.Parse(place.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(place.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (!line.TrimStart().StartsWith(';'))
            {
                lastCodeLine = i + 1;
            }
        }

        return result.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    private static Diagnostics.Severity Severity(Match match) =>
        match.Groups["warning"].Success ? Diagnostics.Severity.Warning : Diagnostics.Severity.Error;

    [GeneratedRegex(@"^;\s*\^\s+(?<warning>warning\s+)?(?<code>PDDL\d{3})\s*$")]
    private static partial Regex CaretLine();

    [GeneratedRegex(@"^;@\s*(?<line>\d+):(?<column>\d+)\s+(?<warning>warning\s+)?(?<code>PDDL\d{3})\s*$")]
    private static partial Regex PlaceLine();

    [GeneratedRegex(@"^\s*\(define\s+\(problem\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ProblemHeader();

    private sealed record Expectation(Severity Severity, string Code, int Line, int Column)
    {
        public override string ToString() => $"{(Severity == Diagnostics.Severity.Warning ? "warning " : string.Empty)}{Code} at {Line}:{Column}";
    }
}
