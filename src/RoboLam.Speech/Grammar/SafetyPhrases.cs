namespace RoboLam.Speech.Grammar;

/// <summary>
/// The words that stop the robot. Every grammar contains them, and a hypothesis made only of them (with "robot",
/// "please", "now") is a stop whatever its confidence: a false stop is safe, a missed one is not.
/// </summary>
public static class SafetyPhrases
{
    public static readonly IReadOnlyList<string> Phrases = ["stop", "emergency stop", "stop stop", "stop now", "robot stop"];

    private static readonly HashSet<string> s_allowed = ["stop", "emergency", "robot", "please", "now"];

    public static bool IsStop(string words)
    {
        var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Contains("stop") && tokens.All(s_allowed.Contains);
    }
}
