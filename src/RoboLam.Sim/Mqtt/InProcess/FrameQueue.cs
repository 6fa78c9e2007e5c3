using System.Threading.Tasks.Sources;

namespace RoboLam.Sim.Mqtt.InProcess;

/// <summary>
/// One direction of an in-process connection: whole MQTT packets, encoded, in the order they were written. Its one
/// reader waits on a reused completion source, where reading a byte stream took a chain of async calls, each
/// allocated afresh, for every packet. Completing the queue is the peer's close: reads then return null once the
/// written frames are drained. The reader's continuation runs on the thread pool, never on the writer's thread, as
/// with a socket.
/// </summary>
internal sealed class FrameQueue : IValueTaskSource<byte[]?>
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _frames = new();
    private ManualResetValueTaskSourceCore<byte[]?> _waiter = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;
    private bool _waiting;
    private bool _completed;

    /// <returns>False once the queue is completed (the connection is closed).</returns>
    public bool TryWrite(byte[] frame)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (!_waiting)
            {
                _frames.Enqueue(frame);
                return true;
            }

            _waiting = false;
        }

        Wake(frame, error: null);
        return true;
    }

    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        Wake(frame: null, error: null);
    }

    /// <summary>The next frame, or null once the peer closed and every frame was read. One read at a time.</summary>
    public ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_frames.TryDequeue(out var frame))
            {
                return new ValueTask<byte[]?>(frame);
            }

            if (_completed)
            {
                return new ValueTask<byte[]?>((byte[]?)null);
            }

            cancellationToken.ThrowIfCancellationRequested();
            _waiter.Reset();
            _waiting = true;

            // Registered under the lock, so that a writer that takes this read over unregisters this registration.
            // A cancellation racing with it runs Cancel here, on this thread (the lock is reentrant).
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static state => ((FrameQueue)state!).Cancel(), this);
            }
        }

        return new ValueTask<byte[]?>(this, _waiter.Version);
    }

    byte[]? IValueTaskSource<byte[]?>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<byte[]?>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<byte[]?>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    private void Cancel()
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        Wake(frame: null, new OperationCanceledException("the read on the in-process connection was cancelled"));
    }

    /// <summary>Completes the one pending read (the caller took it over by clearing <see cref="_waiting"/> under the lock).</summary>
    private void Wake(byte[]? frame, Exception? error)
    {
        // Unregister, not Dispose: Dispose would wait for a running Cancel, which may be the caller.
        _cancellation.Unregister();
        if (error is null)
        {
            _waiter.SetResult(frame);
        }
        else
        {
            _waiter.SetException(error);
        }
    }
}
