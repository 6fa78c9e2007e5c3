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

    public IReadOnlyList<string> TrainingArguments
    {
        get
        {
            var arguments = new List<string> { "-feat", Values.GetValueOrDefault("-feat", "1s_c_d_dd") };
            if (Values.TryGetValue("-svspec", out var streams))
            {
                arguments.AddRange(["-svspec", streams]);
            }

            switch (Values.GetValueOrDefault("-model"))
            {
                case "ptm":
                    arguments.AddRange(["-ts2cbfn", ".ptm."]);
                    break;
                case "semi":
                    arguments.AddRange(["-ts2cbfn", ".semi."]);
                    break;
            }

            return arguments;
        }
    }
}
