namespace RoboLam.Cli.Tests;

/// <summary>Runs the <c>robolam</c> command in process, as a user would type it, and keeps what it printed.</summary>
internal static class CliRun
{
    public static (int Code, string Output, string Error) Robolam(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
