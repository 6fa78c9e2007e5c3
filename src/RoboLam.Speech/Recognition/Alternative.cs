namespace RoboLam.Speech.Recognition;

/// <summary>Another word sequence the grammar found for the same audio, with its confidence on the same scale as the best one.</summary>
public sealed record Alternative(string Words, double Confidence);
