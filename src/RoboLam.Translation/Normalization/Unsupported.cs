using RoboLam.Pddl.Ast;

namespace RoboLam.Translation.Normalization;

internal static class Unsupported
{
    public static TranslationException Construct(string construct, SourceSpan span) =>
        new($"{construct} is not supported by the translator.", span);
}
