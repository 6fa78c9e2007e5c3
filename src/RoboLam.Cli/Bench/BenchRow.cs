using System.Globalization;

namespace RoboLam.Cli.Bench;

/// <summary>What one problem gave: the planner's exit code, whole-process wall time, cost and expansions, and the validator's word.</summary>
public sealed record BenchRow(BenchEntry Entry, int ExitCode, double WallSeconds, int? Cost, long? Expanded, string Validation)
{
    public bool IsSolved => ExitCode == ExitCodes.Success && Validation == "valid";

    public bool IsInvalid => ExitCode == ExitCodes.InvalidPlan || (ExitCode == ExitCodes.Success && Validation != "valid");

    public bool IsTimeOut => ExitCode == ExitCodes.TimeLimit;

    public string Result => IsSolved ? "solved" : IsInvalid ? "INVALID" : IsTimeOut ? "time-out" : $"exit {ExitCode}";

    public static string CsvHeader => "domain,problem,result,wall_s,cost,expanded,validation";

    public string ToCsv() => string.Join(
        ',',
        Entry.DomainName,
        Entry.ProblemName,
        Result,
        WallSeconds.ToString("0.000", CultureInfo.InvariantCulture),
        Cost?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        Expanded?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        '"' + Validation.Replace("\"", "'", StringComparison.Ordinal) + '"');
}
