using System.Diagnostics;
using System.Globalization;

namespace RoboLam.Cli.Bench;

/// <summary>
/// Runs <c>robolam plan</c> in a fresh process, so that each figure is a whole-process wall time with start-up included,
/// as a user (or another planner's benchmark) would see it.
/// </summary>
public static class PlannerProcess
{
    public sealed record Outcome(int ExitCode, double WallSeconds, string Output);

    public static Outcome Run(BenchEntry entry, string search, TimeSpan timeLimit, string planFile)
    {
        var start = StartInfo();
        foreach (var argument in new[]
        {
            "plan", entry.DomainPath, entry.ProblemPath, "--search", search,
            "--time-limit", timeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--plan-file", planFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the planner process");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // The planner stops itself at its time limit; the margin covers start-up and translation.
        if (!process.WaitForExit(timeLimit + TimeSpan.FromSeconds(15)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Outcome(ExitCodes.TimeLimit, stopwatch.Elapsed.TotalSeconds, string.Empty);
        }

        var wall = stopwatch.Elapsed.TotalSeconds;
        return new Outcome(process.ExitCode, wall, output.Result + error.Result);
    }

    private static ProcessStartInfo StartInfo()
    {
        // Run as `robolam` when this is the apphost, or as `dotnet robolam.dll` when started through the host.
        var processPath = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(processPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "robolam.dll"));
        }

        return start;
    }
}
