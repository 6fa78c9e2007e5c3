namespace RoboLam.Speech.Adaptation;

/// <summary>
/// The acoustic model's <c>feat.params</c>: how its features were computed. <c>sphinx_fe</c> reads the file itself;
/// <c>bw</c> must be told the feature type, the stream split and the model type (PTM or semi-continuous models share
/// codebooks, which <c>-ts2cbfn</c> names).
/// </summary>
internal sealed record FeatureParameters(string Path, IReadOnlyDictionary<string, string> Values)
{
    public static FeatureParameters Read(string acousticFolder)
    {
        var path = System.IO.Path.Combine(acousticFolder, "feat.params");
        if (!File.Exists(path))
        {
            throw new SpeechUnavailableException($"speech: the acoustic model has no {path}; reinstall pocketsphinx-en-us");
        }

        var values = File.ReadAllLines(path)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(pair => pair.Length == 2 && pair[0].StartsWith('-'))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return new FeatureParameters(path, values);
    }

    /// <summary>How features are split into streams, for <c>bw</c>.</summary>
    public IReadOnlyList<string> FeatureArguments
    {
        get
        {
            var arguments = new List<string> { "-feat", Values.GetValueOrDefault("-feat", "1s_c_d_dd") };
            if (Values.TryGetValue("-svspec", out var streams))
            {
                arguments.AddRange(["-svspec", streams]);
            }

            return arguments;
        }
    }

    /// <summary>Which senones share a codebook (PTM: one per base phone; semi-continuous: one for all), for <c>bw</c> and <c>map_adapt</c>.</summary>
    public IReadOnlyList<string> CodebookArguments => Values.GetValueOrDefault("-model") switch
    {
        "ptm" => ["-ts2cbfn", ".ptm."],
        "semi" => ["-ts2cbfn", ".semi."],
        _ => [],
    };
}
