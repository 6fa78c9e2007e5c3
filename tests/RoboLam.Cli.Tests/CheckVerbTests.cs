namespace RoboLam.Cli.Tests;

/// <summary><c>robolam check</c> end to end, in process: diagnostics in compiler format, summary line, exit codes.</summary>
public sealed class CheckVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robolam-check-").FullName;

    [Fact]
    public void A_clean_domain_and_its_problems_exit_0_with_a_summary()
    {
        var (code, output, _) = Check(Tabletop("domain.pddl"), Tabletop("p01.pddl"), Tabletop("p02.pddl"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("checked 1 domain and 2 problems: no errors, no warnings", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Semantic_errors_are_printed_in_compiler_format_and_exit_32()
    {
        var problem = Write("ill-typed.pddl", """
            (define (problem q) (:domain tabletop)
              (:objects r1 - block)
              (:init (flying r1))
              (:goal (hand-empty)))
            """);

        var (code, output, _) = Check(Tabletop("domain.pddl"), problem);

        Assert.Equal(ExitCodes.PddlError, code);
        Assert.Contains($"{problem}(3,10): error PDDL011: predicate 'flying' is not declared", output, StringComparison.Ordinal);
        Assert.Contains("1 error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_exit_32_and_name_what_was_expected()
    {
        var domain = Write("broken.pddl", "(define (domain x)\n  (:predicates (p))\n  (:action a :parameters () :precondtion (p) :effect (not (p))))\n");

        var (code, output, _) = Check(domain);

        Assert.Equal(ExitCodes.PddlError, code);
        Assert.Contains($"{domain}(3,29): error PDDL001: unexpected ':precondtion'", output, StringComparison.Ordinal);
        Assert.Contains("did you mean ':precondition'?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var domain = Write("sloppy.pddl", "(define (domain x) (:predicates (p)) (:action a :parameters () :precondition (not (p)) :effect (p)))");

        var (code, output, _) = Check(domain);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("warning PDDL018", output, StringComparison.Ordinal);
        Assert.EndsWith("no errors, 1 warning", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_exits_31_even_when_another_has_pddl_errors()
    {
        var broken = Write("broken.pddl", "(define (problem q) (:domain tabletop) (:init (on)))");
        var missing = Path.Combine(_folder, "missing.pddl");

        var (code, output, _) = Check(Tabletop("domain.pddl"), missing, broken);

        Assert.Equal(ExitCodes.FileError, code);
        Assert.Contains($"{missing}(1,1): error PDDL003: cannot read the file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_or_an_unknown_option_exit_30_with_the_usage()
    {
        var (noArguments, _, error) = Check();
        var (unknownOption, _, _) = Check("--fast", Tabletop("domain.pddl"));

        Assert.Equal(ExitCodes.UsageError, noArguments);
        Assert.Equal(ExitCodes.UsageError, unknownOption);
        Assert.Contains("usage: robolam check DOMAIN [PROBLEM...]", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Check(params string[] files)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(["check", .. files], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Tabletop(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RoboLam.sln")))
            {
                return Path.Combine(directory.FullName, "domains", "tabletop", file);
            }
        }

        throw new DirectoryNotFoundException("RoboLam.sln was not found above the test binaries.");
    }
}
