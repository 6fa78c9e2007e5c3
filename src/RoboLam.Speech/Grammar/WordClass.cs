namespace RoboLam.Speech.Grammar;

/// <summary>
/// Words that can stand for one another in a command (colours, numbers, station names). The grammar learns where the
/// class goes from the example sentences and lets any member stand there; <paramref name="InWorld"/> are the members
/// the current world has, which get most of the class's weight so that what the robot sees is heard most readily.
/// </summary>
public sealed record WordClass(string Name, IReadOnlyList<string> Members, IReadOnlyCollection<string> InWorld)
{
    /// <summary>The part of the class's weight that goes to <see cref="InWorld"/>; the rest is spread over every member.</summary>
    public double InWorldShare { get; init; } = 0.8;
}
