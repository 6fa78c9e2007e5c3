namespace RoboLam.Speech.Adaptation;

/// <summary>One enrolment prompt as the operator said it: the words and 16 kHz mono audio (the speech, trimmed as for recognition).</summary>
public sealed record EnrolmentClip(string Words, short[] Samples);
