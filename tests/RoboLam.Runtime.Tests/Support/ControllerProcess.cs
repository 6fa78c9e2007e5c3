using Akka.Actor;
using Akka.Configuration;
using RoboLam.Runtime.Controller;
using RoboLam.Runtime.Hosting;

namespace RoboLam.Runtime.Tests.Support;

/// <summary>
/// One run of the controller in its own actor system, as a process would host it, with a client that collects
/// every reply. Real time and a real journal: used where virtual time cannot reach (persistence, hosting).
/// </summary>
internal sealed class ControllerProcess : IAsyncDisposable
{
    private readonly ReplyCollector _client;

    public ControllerProcess(ControllerSetup setup)
    {
        setup.Validate();
        System = ActorSystem.Create(setup.SystemName, ConfigurationFactory.ParseString(RoboLamHosting.ActorSystemConfig(setup)));
        Controller = System.ActorOf(ControllerActor.Props(setup), "robolam");
        _client = new ReplyCollector(System, "client");
    }

    public ActorSystem System { get; }

    public IActorRef Controller { get; }

    /// <summary>Sends to the controller as the client; replies arrive through <see cref="NextAsync{T}"/>.</summary>
    public void Send(object message) => Controller.Tell(message, _client.Ref);

    public Task<T> NextAsync<T>(TimeSpan? timeout = null) => _client.NextAsync<T>(timeout);

    /// <summary>Asks the controller (the edge of the actor system, where Ask belongs).</summary>
    public Task<T> AskAsync<T>(object message, TimeSpan? timeout = null) => Controller.Ask<T>(message, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Ends the actor system with whatever was running: the journal sees no conclusion.</summary>
    public Task KillAsync() => System.Terminate();

    public async ValueTask DisposeAsync() => await System.Terminate();
}
