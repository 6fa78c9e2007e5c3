using System.Collections.Concurrent;
using RoboLam.Runtime.Safety;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>
/// The permissive gate that only tests may use: allows everything (or refuses what a rule says) and records
/// every review so a test can see that the gate was asked before and during each action.
/// </summary>
internal sealed class RecordingGate : ISafetyGate
{
    private readonly Func<SafetyReview, string?> _refusal;

    public RecordingGate(Func<SafetyReview, string?>? refusal = null)
    {
        _refusal = refusal ?? (_ => null);
    }

    public ConcurrentQueue<SafetyReview> Reviews { get; } = new();

    public SafetyDecision Review(SafetyReview review)
    {
        Reviews.Enqueue(review);
        return _refusal(review) is { } reason ? SafetyDecision.Refuse(reason) : SafetyDecision.Allow;
    }
}
