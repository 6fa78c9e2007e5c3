namespace RoboLam.Intent.Training;

/// <summary>What a training run did and how well the head tags generated sentences it never saw.</summary>
public sealed record HeadTrainingReport(
    int TrainingSentences,
    int TrainingWords,
    int HeldOutSentences,
    double HeldOutWordAccuracy,
    double HeldOutSentenceAccuracy,
    TimeSpan GenerateTime,
    TimeSpan EncodeTime,
    TimeSpan FitTime,
    long ModelBytes);
