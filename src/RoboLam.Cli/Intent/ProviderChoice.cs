using RoboLam.Intent.Providers;

namespace RoboLam.Cli.Intent;

/// <summary>
/// Which provider reads commands: the shipped neural tagger, or with <c>--llm URL [--llm-model NAME]</c> (or
/// ROBOLAM_LLM_URL / ROBOLAM_LLM_MODEL / ROBOLAM_LLM_KEY) an OpenAI-compatible endpoint.
/// </summary>
internal static class ProviderChoice
{
    public static readonly string[] Options = ["--llm", "--llm-model"];

    public const string Usage = "[--llm URL [--llm-model NAME]]";

    /// <summary>The provider; null with <paramref name="problem"/> set when the options are wrong.</summary>
    public static IIntentProvider? Create(CommandLine line, out string problem)
    {
        problem = string.Empty;
        var url = line.Value("--llm") ?? Environment.GetEnvironmentVariable("ROBOLAM_LLM_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            return NeuralIntentProvider.LoadShipped();
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problem = $"--llm needs an http(s) URL such as http://127.0.0.1:8080/v1, not '{url}'";
            return null;
        }

        var model = line.Value("--llm-model") ?? Environment.GetEnvironmentVariable("ROBOLAM_LLM_MODEL") ?? "default";
        return new OpenAiCompatibleProvider(new LanguageModelOptions(endpoint, model) { ApiKey = Environment.GetEnvironmentVariable("ROBOLAM_LLM_KEY") });
    }
}
