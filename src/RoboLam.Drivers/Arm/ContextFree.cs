namespace RoboLam.Drivers.Arm;

/// <summary>
/// Runs an action with no synchronization context, so continuations it triggers (a cancelled delay in the
/// motion loop) run right here instead of being queued: a stop has taken effect when the call returns,
/// whatever context the caller was on.
/// </summary>
internal static class ContextFree
{
    public static void Run(Action action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
