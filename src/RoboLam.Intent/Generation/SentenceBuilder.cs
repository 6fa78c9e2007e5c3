using RoboLam.Intent.Neural;
using RoboLam.Intent.Text;

namespace RoboLam.Intent.Generation;

/// <summary>Collects words with their tags: plain words are O, a span gets B- then I- of its label.</summary>
internal sealed class SentenceBuilder
{
    private readonly List<string> _words = [];
    private readonly List<string> _tags = [];

    public int Count => _words.Count;

    public void Outside(string text)
    {
        foreach (var word in WordSplitter.Split(text))
        {
            _words.Add(word);
            _tags.Add(TagSet.Outside);
        }
    }

    public void Span(string text, string label)
    {
        var first = true;
        foreach (var word in WordSplitter.Split(text))
        {
            _words.Add(word);
            _tags.Add(first ? TagSet.Begin(label) : TagSet.Inside(label));
            first = false;
        }
    }

    public TaggedSentence Build(string domain) => new(domain, _words.ToArray(), _tags.ToArray());
}
