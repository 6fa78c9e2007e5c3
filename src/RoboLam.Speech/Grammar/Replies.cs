namespace RoboLam.Speech.Grammar;

/// <summary>Answers to a read-back ("did you say ...?"): every grammar has them.</summary>
public static class Replies
{
    public static readonly IReadOnlyList<string> Phrases = ["yes", "yes please", "yes do it", "correct", "no", "no thanks", "cancel", "wrong"];

    /// <summary>True for a yes, false for a no, null for anything else.</summary>
    public static bool? Answer(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() switch
    {
        "yes" or "correct" => true,
        "no" or "cancel" or "wrong" => false,
        _ => null,
    };
}
