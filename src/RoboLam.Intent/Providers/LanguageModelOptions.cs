namespace RoboLam.Intent.Providers;

/// <summary>Where an OpenAI-compatible chat endpoint is (e.g. a local model server at http://127.0.0.1:8080/v1) and which model to ask.</summary>
public sealed record LanguageModelOptions(Uri Endpoint, string Model)
{
    public string? ApiKey { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
