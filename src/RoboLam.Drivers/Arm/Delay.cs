namespace RoboLam.Drivers.Arm;

/// <summary>
/// Waits on a <see cref="TimeProvider"/> and completes on the thread that fires the timer or cancels the
/// token. <c>Task.Delay(time, provider, token)</c> completes a cancellation on the thread pool instead, so on
/// a virtual clock the stop would land at some later, unpredictable virtual time; with this, a stop is
/// acted on before <c>Cancel()</c> returns.
/// </summary>
internal static class Delay
{
    public static Task For(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource();
        var timer = time.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), done, delay, Timeout.InfiniteTimeSpan);
        var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        _ = done.Task.ContinueWith(
            _ =>
            {
                timer.Dispose();
                registration.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return done.Task;
    }
}
