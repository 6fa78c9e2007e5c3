using RoboLam.Cli.Speech;
using RoboLam.Safety.EmergencyStop;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The voice loop's target on the live simulated arm: a spoken stop latches Safety's e-stop at once (nothing is
/// planned); a goal goes into the runtime's goal queue, and how it ended is printed.
/// </summary>
internal sealed class VoiceArmTarget(LiveArmCell cell, TextWriter output) : IVoiceCommandTarget
{
    public void EmergencyStop(string words)
    {
        var reply = cell.EmergencyStop(StopSource.Voice, $"heard \"{words}\"");
        Write($"EMERGENCY STOP (heard \"{words}\"): {reply.Text}");
    }

    /// <summary>The cell's log shows the goal's progress; here only how it ended.</summary>
    public void Goal(IReadOnlyList<string> goal, string words) =>
        cell.Goal(goal, words, reply =>
        {
            if (reply.Final)
            {
                Write($"result of \"{words}\": {reply.Text} (exit code {reply.ExitCode})");
            }
        });

    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
        }
    }
}
