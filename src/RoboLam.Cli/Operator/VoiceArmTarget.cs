using RoboLam.Cli.Speech;
using RoboLam.Safety.EmergencyStop;

namespace RoboLam.Cli.Operator;

/// <summary>
/// The voice loop's target on the live simulated arm: a spoken stop latches Safety's e-stop at once (nothing is
/// planned); a goal goes into the runtime's goal queue, and its progress and end are printed.
/// </summary>
internal sealed class VoiceArmTarget(LiveArmCell cell, TextWriter output) : IVoiceCommandTarget
{
    public void EmergencyStop(string words)
    {
        var reply = cell.EmergencyStop(StopSource.Voice, $"heard \"{words}\"");
        Write($"EMERGENCY STOP (heard \"{words}\"): {reply.Text}");
    }

    public void Goal(IReadOnlyList<string> goal, string words) =>
        cell.Goal(goal, words, reply => Write($"{reply.Kind}: {reply.Text}"));

    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
        }
    }
}
