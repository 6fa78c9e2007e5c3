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
        WarmUp();
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

    /// <summary>
    /// The decoder carries its cepstral mean from utterance to utterance, starting from the acoustic model's; until a few
    /// utterances have moved it towards these synthetic voices, a short word such as "stop" is misheard ("so open" for
    /// en-gb on the fresh decoder), while after them every stop clip is heard in any order (108/108 measured). A live
    /// session is past its first utterances too; so every test here starts from that state, whatever xUnit's order.
    /// </summary>
    private void WarmUp()
    {
        Front.UseWorld(Session("tabletop-1").World);
        foreach (var voice in RoboLam.Speech.Synthesis.SpeechSynthesizer.DefaultVoices)
        {
            foreach (var words in s_warmUp)
            {
                Front.HearClip(RoboLam.Speech.Synthesis.SpeechSynthesizer.Synthesize(words, voice));
            }
        }
    }

    private static readonly string[] s_warmUp = ["pick up the yellow block", "put the blue block in the left bin", "put the green block on the small red block"];

    public void Dispose()
    {
        Front.Dispose();
        _provider.Dispose();
    }
}
