using System.Diagnostics;
using System.Globalization;
using RoboLam.Cli.Intent;
using RoboLam.Intent;
using RoboLam.Intent.Evaluation;
using RoboLam.Intent.Providers;
using RoboLam.Intent.Worlds;
using RoboLam.Speech;
using RoboLam.Speech.Adaptation;
using RoboLam.Speech.Audio;
using RoboLam.Speech.Recognition;
using RoboLam.Speech.Synthesis;

namespace RoboLam.Cli.Speech;

/// <summary>
/// <c>robolam listen --eval FILE.jsonl</c>: speaks every utterance with espeak-ng in each voice (optionally under
/// pink noise), recognises it as it would arrive from a microphone (100 ms pieces fed while "speaking"), reads it with
/// the intent layer, and reports word error rate, goal accuracy, stop recognition and the latency from the end of
/// speech to the goal. Context commands are given as text.
/// </summary>
internal sealed class ListenEvaluation
{
    public const string Usage = "robolam listen --eval FILE.jsonl [--voices en-us,en-gb,en-us+f3] [--noise SNR_DB] [--limit N] [--enrol PROMPTS | --profile DIR] [--verbose]";

    private const int PieceSamples = 1600;

    public int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        int? enrol = null;
        if (line.Value("--enrol") is { } enrolText)
        {
            if (!int.TryParse(enrolText, CultureInfo.InvariantCulture, out var prompts) || prompts < 1 || line.Value("--profile") is not null)
            {
                error.WriteLine($"robolam listen --eval: --enrol takes a number of prompts per voice (1 or more, such as --enrol 20), and not with --profile; got \"{enrolText}\"");
                return ExitCodes.UsageError;
            }

            enrol = prompts;
        }

        VoiceProfile? profile = null;
        try
        {
            profile = line.Value("--profile") is { } folder ? VoiceProfile.Load(folder) : null;
        }
        catch (SpeechUnavailableException exception)
        {
            error.WriteLine("robolam listen --eval: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }

        IReadOnlyList<EvalItem> items;
        try
        {
            items = EvalFile.Read(line.Value("--eval")!);
        }
        catch (EvalFileException exception)
        {
            error.WriteLine("robolam listen --eval: " + exception.Message);
            return ExitCodes.FileError;
        }

        var voices = line.Value("--voices")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [.. SpeechSynthesizer.DefaultVoices];
        double? noise = line.Value("--noise") is { } text && double.TryParse(text, CultureInfo.InvariantCulture, out var snr) ? snr : null;
        if (line.Value("--limit") is { } limit && int.TryParse(limit, CultureInfo.InvariantCulture, out var count))
        {
            items = items.Take(count).ToList();
        }

        try
        {
            return Evaluate(items, voices, noise, new Adaptation(enrol, profile), line.Has("--verbose"), output, error);
        }
        catch (Exception exception) when (exception is SpeechUnavailableException or AudioFormatException or WorldFileException)
        {
            error.WriteLine("robolam listen --eval: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }
    }

    /// <summary>Speaker adaptation for the run: enrol each voice on this many generated prompts first, or use one given profile.</summary>
    private sealed record Adaptation(int? EnrolPrompts, VoiceProfile? Profile);

    private static int Evaluate(IReadOnlyList<EvalItem> items, IReadOnlyList<string> voices, double? noise, Adaptation adaptation, bool verbose, TextWriter output, TextWriter error)
    {
        // Without enrolment every voice is heard by one recognizer (as before enrolment existed); with it, each voice by
        // a recognizer on its own adapted model.
        using var shared = new SpeechFront(profile: adaptation.Profile);
        using var provider = NeuralIntentProvider.LoadShipped();
        var parser = new IntentParser(provider);
        var policy = new ConfidencePolicy();
        var worlds = new Dictionary<string, (World World, RoboLam.Pddl.Ast.Domain Domain)>();
        foreach (var path in items.Select(item => item.WorldPath).Distinct())
        {
            var (session, code, problem) = SessionLoader.Load(path, null);
            if (session is null)
            {
                error.WriteLine($"robolam listen --eval: {problem}");
                return code;
            }

            worlds[path] = (session.World, session.Schema.Domain);
        }

        var tally = new Tally();
        var profiles = Directory.CreateTempSubdirectory("robolam-eval-profiles-");
        try
        {
            foreach (var voice in voices)
            {
                SpeechFront? enrolled = null;
                if (adaptation.EnrolPrompts is { } prompts)
                {
                    var domains = worlds.Values.Select(pair => pair.World.DomainName).ToHashSet();
                    var report = EvaluationEnrolment.Enrol(
                        shared.Recognizer.Knows, voice, noise, domains, prompts, items.Select(item => item.Utterance), Path.Combine(profiles.FullName, voice));
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"enrolled {voice}: {report.Prompts} prompts ({report.Aligned} aligned, {report.AudioSeconds:F0} s of speech), profile made in {report.Elapsed.TotalSeconds:F1} s"));
                    enrolled = new SpeechFront(profile: report.Profile);
                }

                using (enrolled)
                {
                    EvaluateVoice(enrolled ?? shared, voice, items, worlds, noise, parser, policy, tally, verbose, output);
                }
            }
        }
        finally
        {
            profiles.Delete(recursive: true);
        }

        output.WriteLine(tally.Summary(voices.Count, noise));
        return ExitCodes.Success;
    }

    private static void EvaluateVoice(
        SpeechFront front,
        string voice,
        IReadOnlyList<EvalItem> items,
        Dictionary<string, (World World, RoboLam.Pddl.Ast.Domain Domain)> worlds,
        double? noise,
        IntentParser parser,
        ConfidencePolicy policy,
        Tally tally,
        bool verbose,
        TextWriter output)
    {
        foreach (var item in items)
        {
            var loaded = worlds[item.WorldPath];
            front.UseWorld(loaded.World);
            var fresh = new IntentSession(loaded.World, loaded.Domain);
            foreach (var earlier in item.Context)
            {
                parser.Parse(earlier, fresh);
            }

            var clip = SpeechSynthesizer.Synthesize(item.Utterance, voice, noise);
            var (recognition, latency, earlyStop) = HearAsStream(front, clip);
            tally.FalseEarlyStop(earlyStop);

            var heard = HeardCommand.Judge(recognition, policy, parser, fresh);
            latency += heard.IntentTime;
            // The live loop acts on a stop heard part-way and drops the rest of the utterance: a miss.
            var (correct, explanation) = earlyStop ? (false, "a stop was heard while it was being said") : Score(item, heard, loaded.World);
            var errors = WordErrors.Count(WordErrors.Spoken(item.Utterance), WordErrors.Spoken(recognition.Words));
            tally.Add(item, correct, heard.Heard == HeardKind.Confirm, errors, WordErrors.Spoken(item.Utterance).Count, latency, recognition, clip.Length);
            if (!correct || verbose)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(correct ? "ok  " : "MISS")} {item.Id} [{voice}] said \"{item.Utterance}\" heard \"{recognition.Words}\"{(heard.FirstHeard is null ? string.Empty : $" then \"{heard.Recognition.Words}\"")} ({heard.Recognition.Confidence:F2}, {heard.Heard.ToString().ToLowerInvariant()}): {explanation}"));
            }
        }

        foreach (var phrase in new[] { "stop", "emergency stop" })
        {
            front.UseWorld(worlds.Values.First().World);
            var (recognition, _, early) = HearAsStream(front, SpeechSynthesizer.Synthesize(phrase, voice, noise));
            var stopped = early || policy.Judge(recognition) == HeardKind.Stop;
            tally.Stop(stopped, early);
            if (!stopped)
            {
                output.WriteLine($"MISS stop [{voice}] said \"{phrase}\" heard \"{recognition.Words}\"");
            }
        }
    }

    /// <summary>
    /// Feeds the speech in 100 ms pieces as a microphone would, checking after each whether a stop has been heard yet
    /// (as the live loop does); the clock runs from the last piece to the words.
    /// </summary>
    private static (RecognitionResult Recognition, TimeSpan Latency, bool EarlyStop) HearAsStream(SpeechFront front, short[] clip)
    {
        var speech = SpeechFront.SpeechOf(clip);

        var recognizer = front.Recognizer;
        recognizer.Start();
        var earlyStop = false;
        for (var start = 0; start < speech.Length; start += PieceSamples)
        {
            recognizer.Feed(speech.AsSpan(start, Math.Min(PieceSamples, speech.Length - start)));
            earlyStop = earlyStop || recognizer.StopHeardSoFar();
        }

        var clock = Stopwatch.StartNew();
        var recognition = recognizer.Finish();
        return (recognition, clock.Elapsed, earlyStop);
    }

    private static (bool Correct, string Explanation) Score(EvalItem item, HeardCommand heard, World world)
    {
        if (heard.Intent is null)
        {
            // Nothing acted: right only where the item must be refused.
            return item.Expect == IntentKind.Refuse
                ? (true, "refused by the recognizer")
                : (false, $"the recognizer {(heard.Heard == HeardKind.Stop ? "heard a stop" : "rejected it")}");
        }

        return EvalScorer.Score(item, heard.Intent, world);
    }

    /// <summary>Counts and timings over the whole run.</summary>
    private sealed class Tally
    {
        private readonly List<double> _latencies = [];
        private int _clips;
        private int _correct;
        private int _confirmed;
        private int _wordErrors;
        private int _words;
        private int _stops;
        private int _stopsHeard;
        private int _stopsEarly;
        private int _falseEarlyStops;
        private double _decodeSeconds;
        private double _audioSeconds;
        private readonly Dictionary<IntentKind, (int Correct, int Total)> _byKind = [];

        public void Add(EvalItem item, bool correct, bool confirmed, int errors, int words, TimeSpan latency, RecognitionResult recognition, int samples)
        {
            _clips++;
            _correct += correct ? 1 : 0;
            _confirmed += correct && confirmed ? 1 : 0;
            _wordErrors += errors;
            _words += words;
            _latencies.Add(latency.TotalMilliseconds);
            _decodeSeconds += recognition.DecodeTime.TotalSeconds;
            _audioSeconds += samples / (double)SpeechRecognizer.SampleRate;
            var (right, total) = _byKind.GetValueOrDefault(item.Expect);
            _byKind[item.Expect] = (right + (correct ? 1 : 0), total + 1);
        }

        public void Stop(bool heard, bool early)
        {
            _stops++;
            _stopsHeard += heard ? 1 : 0;
            _stopsEarly += early ? 1 : 0;
        }

        public void FalseEarlyStop(bool stopped) => _falseEarlyStops += stopped ? 1 : 0;

        public string Summary(int voices, double? noise)
        {
            _latencies.Sort();
            double Percentile(double p) => _latencies.Count == 0 ? 0 : _latencies[(int)Math.Min(_latencies.Count - 1, Math.Ceiling(p / 100 * _latencies.Count) - 1)];
            string Kind(IntentKind kind) => _byKind.TryGetValue(kind, out var pair) ? $"{pair.Correct}/{pair.Total}" : "0/0";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"speech: {_clips} clips, {voices} voice(s){(noise is null ? string.Empty : $", pink noise at {noise} dB SNR")}; " +
                $"WER {100.0 * _wordErrors / Math.Max(1, _words):F1}%; " +
                $"goal accuracy {100.0 * _correct / Math.Max(1, _clips):F1}% ({_correct}/{_clips}; goal {Kind(IntentKind.Goal)}, clarify {Kind(IntentKind.Clarify)}, reject {Kind(IntentKind.Refuse)}; {_confirmed} after read-back); " +
                $"stop {_stopsHeard}/{_stops} ({_stopsEarly} before the end of speech; {_falseEarlyStops} commands stopped while said); end of speech to goal p50 {Percentile(50):F0} ms, p95 {Percentile(95):F0} ms; " +
                $"decoding {_decodeSeconds / Math.Max(0.001, _audioSeconds):F2}x real time");
        }
    }
}
