namespace RoboLam.Intent.Worlds;

/// <summary>
/// One object the robot perceives, with the attributes perception gives it. All are optional but the name and
/// type: <c>x</c> grows to the right, blocks in one stack share <c>x</c>.
/// </summary>
public sealed record WorldObject(
    string Name,
    string Type,
    string? Color = null,
    string? Size = null,
    string? Side = null,
    double? X = null,
    double? Y = null,
    int? Number = null,
    string? Label = null);
