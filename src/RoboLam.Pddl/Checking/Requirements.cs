using RoboLam.Pddl.Ast;
using RoboLam.Pddl.Diagnostics;

namespace RoboLam.Pddl.Checking;

/// <summary>
/// The requirement flags in force (domain and problem together, with what each implies), and the check that a
/// feature is covered by one of them.
/// </summary>
internal sealed class Requirements
{
    /// <summary>Every flag of PDDL 3.1 and what declaring it also declares.</summary>
    private static readonly Dictionary<string, string[]> s_implied = new(StringComparer.Ordinal)
    {
        [":strips"] = [],
        [":typing"] = [],
        [":negative-preconditions"] = [],
        [":disjunctive-preconditions"] = [],
        [":equality"] = [],
        [":existential-preconditions"] = [],
        [":universal-preconditions"] = [],
        [":quantified-preconditions"] = [":existential-preconditions", ":universal-preconditions"],
        [":conditional-effects"] = [],
        [":fluents"] = [":numeric-fluents", ":object-fluents"],
        [":numeric-fluents"] = [],
        [":object-fluents"] = [],
        [":adl"] = [":strips", ":typing", ":negative-preconditions", ":disjunctive-preconditions", ":equality",
            ":existential-preconditions", ":universal-preconditions", ":quantified-preconditions", ":conditional-effects"],
        [":durative-actions"] = [],
        [":duration-inequalities"] = [],
        [":continuous-effects"] = [],
        [":derived-predicates"] = [],
        [":timed-initial-literals"] = [],
        [":preferences"] = [],
        [":constraints"] = [],
        [":action-costs"] = [],
    };

    private readonly HashSet<string> _flags = new(StringComparer.Ordinal) { ":strips" };
    private readonly Findings _findings;

    /// <summary>Reports each missing flag once per feature, so that a domain full of 'not' gets one sentence, not hundreds.</summary>
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public Requirements(Findings findings, params Seq<string>[] declarations)
    {
        _findings = findings;
        foreach (var declared in declarations)
        {
            foreach (var flag in declared)
            {
                Add(flag);
            }
        }
    }

    /// <summary>Flags the IPC uses loosely; a feature used without them is a warning, not an error.</summary>
    public static IReadOnlySet<string> Lenient { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ":typing", ":equality", ":negative-preconditions",
    };

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>Reports an unknown flag where it is declared.</summary>
    public static void CheckKnown(Seq<string> declared, SourceSpan span, Findings findings)
    {
        foreach (var flag in declared)
        {
            if (!s_implied.ContainsKey(flag))
            {
                findings.Warning(DiagnosticCodes.UnknownRequirement, span,
                    $"'{flag}' is not a PDDL requirement; the known ones are {string.Join(", ", s_implied.Keys)}");
            }
        }
    }

    /// <summary>Checks that <paramref name="feature"/> is allowed by one of <paramref name="flags"/> (the first is suggested).</summary>
    public void Require(SourceSpan span, string feature, params ReadOnlySpan<string> flags)
    {
        foreach (var flag in flags)
        {
            if (_flags.Contains(flag))
            {
                return;
            }
        }

        if (!_reported.Add(feature))
        {
            return;
        }

        var severity = Lenient.Contains(flags[0]) ? Severity.Warning : Severity.Error;
        var alternatives = flags.Length > 1 ? $" (or {string.Join(", ", flags[1..])})" : string.Empty;
        _findings.Add(DiagnosticCodes.MissingRequirement, severity, span,
            $"{feature} needs the requirement {flags[0]}{alternatives}; add it to (:requirements ...)");
    }

    private void Add(string flag)
    {
        if (!_flags.Add(flag) || !s_implied.TryGetValue(flag, out var implied))
        {
            return;
        }

        foreach (var other in implied)
        {
            Add(other);
        }
    }
}
