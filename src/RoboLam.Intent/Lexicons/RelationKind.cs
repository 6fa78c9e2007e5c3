namespace RoboLam.Intent.Lexicons;

/// <summary>How a preposition relates two things: "on the red one", "under", "in the bin", "to the station".</summary>
public enum RelationKind
{
    On,
    Under,
    In,
    To,
}
