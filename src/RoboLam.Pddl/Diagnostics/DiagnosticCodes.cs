namespace RoboLam.Pddl.Diagnostics;

/// <summary>
/// The stable diagnostic codes; README.md lists them with examples. Never renumber: scripts and
/// tests match on them.
/// </summary>
public static class DiagnosticCodes
{
    // Reading and syntax (the parser).
    public const string SyntaxError = "PDDL001";
    public const string UnrecognisedCharacter = "PDDL002";
    public const string UnreadableFile = "PDDL003";
    public const string NestingTooDeep = "PDDL004";
    public const string MalformedTypedList = "PDDL005";
    public const string RepeatedSection = "PDDL006";
    public const string MisplacedSection = "PDDL007";
    public const string BadMetricDirection = "PDDL008";
    public const string VariableNotNumeric = "PDDL009";

    // Meaning (the checker).
    public const string UndeclaredType = "PDDL010";
    public const string UndeclaredPredicate = "PDDL011";
    public const string UndeclaredFunction = "PDDL012";
    public const string UndeclaredObject = "PDDL013";
    public const string UndeclaredVariable = "PDDL014";
    public const string WrongArity = "PDDL015";
    public const string WrongArgumentType = "PDDL016";
    public const string Duplicate = "PDDL017";
    public const string MissingRequirement = "PDDL018";
    public const string DomainMismatch = "PDDL019";
    public const string UnknownRequirement = "PDDL020";
    public const string CyclicTypes = "PDDL021";
    public const string MisplacedConstruct = "PDDL022";
    public const string WrongFunctionKind = "PDDL023";
    public const string UndeclaredPreference = "PDDL024";
    public const string DerivedPredicateInEffect = "PDDL025";
}
