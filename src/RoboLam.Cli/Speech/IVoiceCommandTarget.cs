namespace RoboLam.Cli.Speech;

/// <summary>
/// Where the live voice loop sends what it heard. The simulated arm is being wired into the runtime on another
/// branch; until then <see cref="PrintingVoiceTarget"/> prints what it would send. Connecting the arm means
/// implementing this: <see cref="EmergencyStop"/> to the safety latch, <see cref="Goal"/> to the runtime's goal queue.
/// </summary>
internal interface IVoiceCommandTarget
{
    /// <summary>Called first and at once for a spoken stop; nothing is planned.</summary>
    void EmergencyStop(string words);

    /// <summary>A checked, confirmed goal to achieve.</summary>
    void Goal(IReadOnlyList<string> goal, string words);
}

/// <summary>Prints what would be sent to the arm.</summary>
internal sealed class PrintingVoiceTarget(TextWriter output) : IVoiceCommandTarget
{
    public void EmergencyStop(string words)
    {
        lock (output)
        {
            output.WriteLine($"EMERGENCY STOP (heard \"{words}\"): would latch the safety stop now; nothing planned");
        }
    }

    public void Goal(IReadOnlyList<string> goal, string words)
    {
        lock (output)
        {
            output.WriteLine($"goal to send: {string.Join(' ', goal)} (from \"{words}\"; not connected to an arm yet)");
        }
    }
}
