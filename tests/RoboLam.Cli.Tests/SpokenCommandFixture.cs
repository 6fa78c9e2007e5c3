using RoboLam.Cli.Intent;
using RoboLam.Cli.Speech;
using RoboLam.Intent;
using RoboLam.Intent.Providers;

namespace RoboLam.Cli.Tests;

/// <summary>The recognizer and the intent parser, loaded once for all spoken-command tests.</summary>
public sealed class SpokenCommandFixture : IDisposable
{
    private readonly NeuralIntentProvider _provider = NeuralIntentProvider.LoadShipped();

    public SpokenCommandFixture()
    {
        Front = new SpeechFront();
        Parser = new IntentParser(_provider);
    }

    internal SpeechFront Front { get; }

    internal IntentParser Parser { get; }

    public static string World(string name) => Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "nl", "worlds", name + ".json"));

    private readonly Dictionary<string, IntentSession> _loaded = [];

    /// <summary>A fresh conversation on the world, whose object is loaded once (the recognizer's grammar is made per world object).</summary>
    internal IntentSession Session(string world)
    {
        if (!_loaded.TryGetValue(world, out var loaded))
        {
            var (session, _, problem) = SessionLoader.Load(World(world), null);
            loaded = _loaded[world] = session ?? throw new InvalidOperationException(problem);
        }

        return new IntentSession(loaded.World, loaded.Schema.Domain);
    }

    public void Dispose()
    {
        Front.Dispose();
        _provider.Dispose();
    }
}
