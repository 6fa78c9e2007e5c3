using System.Text;

namespace RoboLam.Intent.Text;

/// <summary>
/// Splits a command into lower-case words. Commas, semicolons and colons stay as words of their own (they
/// separate clauses and list items); other punctuation is dropped. Hyphens and apostrophes inside a word stay.
/// </summary>
public static class WordSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var character = raw switch
            {
                '\u2019' or '\u2018' or '`' => '\'',
                '\u2013' or '\u2014' => ',',
                _ => char.ToLowerInvariant(raw),
            };

            if (char.IsLetterOrDigit(character) || ((character is '-' or '\'' or '#') && current.Length > 0))
            {
                current.Append(character);
                continue;
            }

            Flush(current, words);
            if (character is ',' or ';' or ':')
            {
                words.Add(character.ToString());
            }
        }

        Flush(current, words);
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString().TrimEnd('-', '\'', '#');
        current.Clear();
        if (word.Length > 0)
        {
            words.Add(word);
        }
    }
}
