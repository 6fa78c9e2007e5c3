using System.Runtime.InteropServices;

namespace RoboLam.Speech.Native;

/// <summary>One PocketSphinx decoder (<c>ps_decoder_t</c>) with its configuration; not thread-safe, as the C library.</summary>
internal sealed class Decoder : IDisposable
{
    private IntPtr _decoder;
    private IntPtr _config;

    public Decoder(IReadOnlyList<string> arguments)
    {
        try
        {
            PocketSphinxNative.err_set_logfp(IntPtr.Zero);
            var argv = arguments.ToArray();
            _config = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), argv.Length, argv, 1);
        }
        catch (DllNotFoundException exception)
        {
            throw new SpeechUnavailableException(
                $"speech: PocketSphinx is not installed ({exception.Message.Split(':')[0]}): {Recognition.AcousticModel.InstallHint}", exception);
        }

        if (_config == IntPtr.Zero)
        {
            throw new SpeechUnavailableException($"speech: PocketSphinx refused its configuration ({string.Join(' ', arguments)})");
        }

        _decoder = PocketSphinxNative.ps_init(_config);
        if (_decoder == IntPtr.Zero)
        {
            PocketSphinxNative.cmd_ln_free_r(_config);
            _config = IntPtr.Zero;
            throw new SpeechUnavailableException(
                $"speech: PocketSphinx could not load its model ({string.Join(' ', arguments)}): {Recognition.AcousticModel.InstallHint}");
        }
    }

    public bool Knows(string word) => PocketSphinxNative.ps_lookup_word(Handle, word) != IntPtr.Zero;

    /// <summary>Loads a finite-state grammar in PocketSphinx's FSG text format and makes it the active search.</summary>
    public void UseFiniteStateGrammar(string name, string fsgText, float languageWeight)
    {
        var path = Path.Combine(Path.GetTempPath(), $"robolam-{Environment.ProcessId}-{Guid.NewGuid():N}.fsg");
        File.WriteAllText(path, fsgText);
        try
        {
            var fsg = PocketSphinxNative.fsg_model_readfile(path, PocketSphinxNative.ps_get_logmath(Handle), languageWeight);
            if (fsg == IntPtr.Zero)
            {
                throw new SpeechUnavailableException("speech: PocketSphinx cannot read the generated grammar (a bug in the grammar writer)");
            }

            // The search keeps its own reference to the grammar.
            var status = PocketSphinxNative.ps_set_fsg(Handle, name, fsg);
            PocketSphinxNative.fsg_model_free(fsg);
            Check(status, "refused the generated grammar (a word missing from the dictionary?)");
            Check(PocketSphinxNative.ps_set_search(Handle, name), $"cannot switch to the search '{name}'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Start() => Check(PocketSphinxNative.ps_start_utt(Handle), "cannot start an utterance");

    public unsafe void Process(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        fixed (short* data = samples)
        {
            Check(PocketSphinxNative.ps_process_raw(Handle, data, (nuint)samples.Length, 0, 0), "failed to decode audio");
        }
    }

    public void End() => Check(PocketSphinxNative.ps_end_utt(Handle), "cannot end the utterance");

    /// <summary>The best word sequence ("" when none) and its path score (log base 1.0001).</summary>
    public (string Words, int Score) Hypothesis()
    {
        var text = PocketSphinxNative.ps_get_hyp(Handle, out var score);
        return (text == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty, score);
    }

    /// <summary>The acoustic part of the best path's score (without the grammar's weights), summed over its words.</summary>
    public long AcousticScore()
    {
        long total = 0;
        for (var segment = PocketSphinxNative.ps_seg_iter(Handle); segment != IntPtr.Zero; segment = PocketSphinxNative.ps_seg_next(segment))
        {
            PocketSphinxNative.ps_seg_prob(segment, out var acoustic, out _, out _);
            total += acoustic;
        }

        return total;
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct word sequences of the last utterance, best first, from an A* search of
    /// its lattice (at most <paramref name="steps"/> paths are looked at: many differ only in silences and fillers),
    /// each with the acoustic part of its score. Empty when the decoder kept no lattice.
    /// </summary>
    public IReadOnlyList<(string Words, long AcousticScore)> NBest(int count, int steps)
    {
        var found = new List<(string Words, long AcousticScore)>(count);
        // ROBOLAM_SPEECH_TRACE=1 times the lattice (the costly part) apart from the paths, for tuning the pruning.
        var trace = Environment.GetEnvironmentVariable("ROBOLAM_SPEECH_TRACE") is { Length: > 0 } ? System.Diagnostics.Stopwatch.StartNew() : null;
        if (trace is not null)
        {
            PocketSphinxNative.ps_get_lattice(Handle);
            Console.Error.WriteLine($"speech trace: lattice {trace.Elapsed.TotalMilliseconds:F0} ms");
            trace.Restart();
        }

        var nbest = PocketSphinxNative.ps_nbest(Handle);
        var step = 0;
        while (nbest != IntPtr.Zero && found.Count < count && step++ < steps)
        {
            var text = PocketSphinxNative.ps_nbest_hyp(nbest, out _);
            var words = text == IntPtr.Zero ? string.Empty : RealWords(Marshal.PtrToStringUTF8(text) ?? string.Empty);
            if (words.Length > 0 && !found.Exists(entry => entry.Words == words))
            {
                long acoustic = 0;
                for (var segment = PocketSphinxNative.ps_nbest_seg(nbest); segment != IntPtr.Zero; segment = PocketSphinxNative.ps_seg_next(segment))
                {
                    PocketSphinxNative.ps_seg_prob(segment, out var score, out _, out _);
                    acoustic += score;
                }

                found.Add((words, acoustic));
            }

            nbest = PocketSphinxNative.ps_nbest_next(nbest);
        }

        if (nbest != IntPtr.Zero)
        {
            PocketSphinxNative.ps_nbest_free(nbest);
        }

        if (trace is not null)
        {
            Console.Error.WriteLine($"speech trace: {step} paths, {found.Count} distinct, {trace.Elapsed.TotalMilliseconds:F0} ms");
        }

        return found;
    }

    /// <summary>A hypothesis without fillers and sentence marks, and without alternative-pronunciation numbers ("the(2)").</summary>
    internal static string RealWords(string hypothesis) => string.Join(' ', hypothesis
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(word => word[0] is not ('<' or '[' or '+'))
        .Select(word => word.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? word[..open] : word));

    public int Frames => PocketSphinxNative.ps_get_n_frames(Handle);

    private IntPtr Handle => _decoder != IntPtr.Zero ? _decoder : throw new ObjectDisposedException(nameof(Decoder));

    public void Dispose()
    {
        if (_decoder != IntPtr.Zero)
        {
            PocketSphinxNative.ps_free(_decoder);
            _decoder = IntPtr.Zero;
        }

        if (_config != IntPtr.Zero)
        {
            PocketSphinxNative.cmd_ln_free_r(_config);
            _config = IntPtr.Zero;
        }
    }

    private static void Check(int status, string what)
    {
        if (status < 0)
        {
            throw new SpeechUnavailableException($"speech: PocketSphinx {what} (status {status})");
        }
    }
}
