namespace RoboLam.Intent.Lexicons;

/// <summary>A noun's meaning: the world type it names and whether the form is plural ("blocks").</summary>
public readonly record struct NounSense(string Type, bool IsPlural);
