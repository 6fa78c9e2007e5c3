using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoboLam.Intent.Worlds;

namespace RoboLam.Intent.Providers;

/// <summary>
/// Asks an OpenAI-compatible chat endpoint (<c>POST {endpoint}/chat/completions</c>) for a goal. Off unless
/// configured. Its answer is only a proposal: <see cref="IntentParser"/> checks it like any other, and an answer
/// that cannot be read is refused. An endpoint that does not answer raises <see cref="IntentProviderException"/>.
/// </summary>
public sealed class OpenAiCompatibleProvider : IIntentProvider, IDisposable
{
    private readonly LanguageModelOptions _options;
    private readonly HttpClient _client;

    public OpenAiCompatibleProvider(LanguageModelOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = options.Timeout;
    }

    public string Name => "llm";

    public IntentProposal Propose(string utterance, IReadOnlyList<string> words, IntentSession session)
    {
        var answer = Ask(LanguageModelPrompt.System(session), utterance);
        return Read(answer);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Turns the model's reply text into a proposal; anything unreadable becomes a refusal that says so.</summary>
    internal static IntentProposal Read(string reply)
    {
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return IntentProposal.Refused("the language model did not answer with a goal");
        }

        try
        {
            var json = JsonNode.Parse(reply[start..(end + 1)])?.AsObject();
            var kind = json?["kind"]?.GetValue<string>();
            switch (kind)
            {
                case "goal":
                    var facts = new List<Fact>();
                    foreach (var literal in json!["goal"]?.AsArray() ?? [])
                    {
                        if (literal is null || !Fact.TryParse(literal.GetValue<string>(), out var fact))
                        {
                            return IntentProposal.Refused($"the language model proposed '{literal}', which is not a ground fact");
                        }

                        facts.Add(fact);
                    }

                    return new IntentProposal(IntentKind.Goal) { Goal = facts, Mentioned = facts.Where(fact => fact.Arguments.Count > 0).Select(fact => fact.Arguments[0]).Distinct().ToArray() };
                case "clarify":
                    var candidates = (json!["candidates"]?.AsArray() ?? []).Select(node => node?.GetValue<string>().ToLowerInvariant() ?? string.Empty).ToArray();
                    return IntentProposal.Asked(json["question"]?.GetValue<string>() ?? "Which one do you mean?", [candidates]);
                case "refuse":
                    return IntentProposal.Refused(json!["reason"]?.GetValue<string>() ?? "the language model refused");
                default:
                    return IntentProposal.Refused($"the language model answered with an unknown kind '{kind}'");
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return IntentProposal.Refused($"the language model's answer could not be read: {exception.Message}");
        }
    }

    private string Ask(string system, string utterance)
    {
        var body = new JsonObject
        {
            ["model"] = _options.Model,
            ["temperature"] = 0,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = system },
                new JsonObject { ["role"] = "user", ["content"] = utterance }),
        };
        var address = new Uri(_options.Endpoint.ToString().TrimEnd('/') + "/chat/completions");
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (_options.ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        try
        {
            using var response = _client.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var text = reader.ReadToEnd();
            if (!response.IsSuccessStatusCode)
            {
                throw new IntentProviderException($"the language-model endpoint {address} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return JsonNode.Parse(text)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>()
                ?? throw new IntentProviderException($"the language-model endpoint {address} sent no message content");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            var why = exception is TaskCanceledException ? $"no answer within {_options.Timeout.TotalSeconds:0} s" : exception.Message;
            throw new IntentProviderException($"the language-model endpoint {address} is unreachable: {why}", exception);
        }
        catch (JsonException exception)
        {
            throw new IntentProviderException($"the language-model endpoint {address} did not send OpenAI-style JSON: {exception.Message}", exception);
        }
    }
}
