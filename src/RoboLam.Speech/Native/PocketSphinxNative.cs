using System.Runtime.InteropServices;

namespace RoboLam.Speech.Native;

/// <summary>
/// The C API of Debian bookworm's PocketSphinx 0.8+5prealpha (libpocketsphinx.so.3, libsphinxbase.so.3).
/// The 5.x API (ps_config_*) is different; these names were checked with <c>nm -D</c> against the installed libraries.
/// Configuration goes through <c>cmd_ln_parse_r</c> because <c>cmd_ln_init</c> is variadic.
/// </summary>
internal static partial class PocketSphinxNative
{
    public const string PocketSphinxLibrary = "libpocketsphinx.so.3";

    public const string SphinxBaseLibrary = "libsphinxbase.so.3";

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_args();

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_init(IntPtr config);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_free(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_jsgf_string(IntPtr decoder, string name, string jsgf);

    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_fsg(IntPtr decoder, string name, IntPtr fsg);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_logmath(IntPtr decoder);

    [LibraryImport(SphinxBaseLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr fsg_model_readfile(string path, IntPtr logMath, float languageWeight);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int fsg_model_free(IntPtr fsg);

    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_search(IntPtr decoder, string name);

    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_unset_search(IntPtr decoder, string name);

    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ps_lookup_word(IntPtr decoder, string word);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_start_utt(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static unsafe partial int ps_process_raw(IntPtr decoder, short* data, nuint sampleCount, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_end_utt(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_hyp(IntPtr decoder, out int bestScore);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_get_prob(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_get_n_frames(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_seg_iter(IntPtr decoder);

    /// <summary>The next word segment, or NULL at the end (the iterator is then freed by the library).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_seg_next(IntPtr segment);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_seg_prob(IntPtr segment, out int acousticScore, out int languageScore, out int backoff);

    /// <summary>The word lattice of the last utterance (owned by the decoder and kept for <see cref="ps_nbest"/>), or NULL.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_lattice(IntPtr decoder);

    /// <summary>An iterator over the n-best hypotheses of the last utterance (A* over its lattice), or NULL.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_nbest(IntPtr decoder);

    /// <summary>The next hypothesis, or NULL at the end (the iterator is then freed by the library).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_nbest_next(IntPtr nbest);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_nbest_hyp(IntPtr nbest, out int score);

    /// <summary>The word segments of the current hypothesis; walked with <see cref="ps_seg_next"/> to its end.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_nbest_seg(IntPtr nbest);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial void ps_nbest_free(IntPtr nbest);

    /// <summary>Adds a keyword-spotting search over the phrases of a file ("phrase /threshold/" a line).</summary>
    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_kws(IntPtr decoder, string name, string keyfile);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial IntPtr cmd_ln_parse_r(
        IntPtr previous,
        IntPtr definitions,
        int argumentCount,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] arguments,
        int strict);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int cmd_ln_free_r(IntPtr config);

    /// <summary>NULL turns PocketSphinx's own logging off (it would otherwise write pages to stderr).</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial IntPtr err_set_logfp(IntPtr stream);
}
