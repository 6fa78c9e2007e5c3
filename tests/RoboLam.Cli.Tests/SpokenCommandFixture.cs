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

    internal IntentSession Session(string world)
    {
        var (session, _, problem) = SessionLoader.Load(World(world), null);
        return session ?? throw new InvalidOperationException(problem);
    }

    public void Dispose()
    {
        Front.Dispose();
        _provider.Dispose();
    }
}
