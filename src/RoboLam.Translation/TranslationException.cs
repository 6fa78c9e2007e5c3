using RoboLam.Pddl.Ast;

namespace RoboLam.Translation;

/// <summary>
/// The task cannot be translated: it uses a construct the translator does not support (numeric fluents beyond
/// <c>total-cost</c>, durative actions, ...) or it is inconsistent in a way the semantic checker does not catch
/// (a missing action cost, unstratifiable derived predicates). The message names the construct and, where known,
/// <see cref="Span"/> says where it is.
/// </summary>
public sealed class TranslationException : Exception
{
    public TranslationException()
    {
    }

    public TranslationException(string message)
        : base(message)
    {
    }

    public TranslationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TranslationException(string message, SourceSpan span)
        : base(WithLocation(message, span))
    {
        Span = span;
    }

    /// <summary>Where the offending construct is written; <see cref="SourceSpan.None"/> when unknown.</summary>
    public SourceSpan Span { get; } = SourceSpan.None;

    private static string WithLocation(string message, SourceSpan span) =>
        span.Line > 0 ? $"{span.File}({span.Line},{span.Column}): {message}" : message;
}
