namespace RoboLam.Cli.Speech;

/// <summary>
/// Where the live voice loop sends what it heard: the simulated arm (<see cref="Operator.VoiceArmTarget"/>: stop to
/// the safety latch, goals to the runtime's goal queue) or, with no arm, <see cref="PrintingVoiceTarget"/>.
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
            output.WriteLine($"goal: {string.Join(' ', goal)} (from \"{words}\"; no arm runs with --world)");
        }
    }
}
