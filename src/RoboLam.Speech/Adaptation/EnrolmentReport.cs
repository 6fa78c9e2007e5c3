namespace RoboLam.Speech.Adaptation;

/// <summary>What enrolment did: how many prompts it was given, how many the training aligned, how long it took.</summary>
public sealed record EnrolmentReport(VoiceProfile Profile, int Prompts, int Aligned, double AudioSeconds, TimeSpan Elapsed);
