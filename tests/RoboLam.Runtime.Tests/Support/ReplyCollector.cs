using System.Threading.Channels;
using Akka.Actor;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>A client actor outside any TestKit that keeps every message it hears, for tests on real actor systems.</summary>
internal sealed class ReplyCollector
{
    private readonly Channel<object> _replies = Channel.CreateUnbounded<object>();

    public ReplyCollector(ActorSystem system, string name)
    {
        var writer = _replies.Writer;
        Ref = system.ActorOf(Props.Create(() => new CollectingActor(writer)), name);
    }

    public IActorRef Ref { get; }

    /// <summary>The next message of type <typeparamref name="T"/>, skipping others.</summary>
    public async Task<T> NextAsync<T>(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await _replies.Reader.ReadAsync(cancellation.Token) is T reply)
            {
                return reply;
            }
        }
    }

    private sealed class CollectingActor : ReceiveActor
    {
        public CollectingActor(ChannelWriter<object> replies) => ReceiveAny(message => replies.TryWrite(message));
    }
}
