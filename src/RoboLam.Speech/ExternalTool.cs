using System.ComponentModel;
using System.Diagnostics;

namespace RoboLam.Speech;

/// <summary>Runs a Debian command-line tool (espeak-ng, sox, arecord) and turns "not installed" into the apt line that fixes it.</summary>
internal static class ExternalTool
{
    public static Process Start(string program, string package, IEnumerable<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new SpeechUnavailableException($"speech: {program} did not start");
        }
        catch (Win32Exception exception)
        {
            throw new SpeechUnavailableException($"speech: {program} is not installed ({exception.Message}): apt-get install {package}", exception);
        }
    }

    /// <summary>Runs to the end; a failure names the tool and its first line of complaint.</summary>
    public static void Run(string program, string package, IEnumerable<string> arguments) => RunForLog(program, package, arguments);

    /// <summary>Runs to the end and returns what it wrote (standard error, then standard output); a failure names the tool and its first error line.</summary>
    public static string RunForLog(string program, string package, IEnumerable<string> arguments)
    {
        using var process = Start(program, package, arguments);
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var lines = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var complaint = lines.FirstOrDefault(line => line.Contains("ERROR", StringComparison.Ordinal) || line.Contains("FATAL", StringComparison.Ordinal))
                ?? lines.FirstOrDefault() ?? "no message";
            throw new SpeechUnavailableException($"speech: {Path.GetFileName(program)} failed with exit code {process.ExitCode}: {complaint}");
        }

        return errors.Result + output;
    }
}
