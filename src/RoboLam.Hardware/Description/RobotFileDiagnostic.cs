namespace RoboLam.Hardware.Description;

/// <summary>
/// One problem in a robot file: the file, the JSON path of the offending value (e.g.
/// <c>$.arm.joints[2].channel</c>) and what to do about it.
/// </summary>
public sealed record RobotFileDiagnostic(string Source, string Path, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{Source}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} at {Path}: {Message}";
}

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>A domain action's name and number of parameters: all the PDDL the robot file check needs.</summary>
public sealed record DomainActionSignature(string Name, int Arity);

/// <summary>The result of loading a robot file: the robot when there were no errors, and every diagnostic found.</summary>
public sealed record RobotFileResult(RobotDescription? Robot, IReadOnlyList<RobotFileDiagnostic> Diagnostics)
{
    public bool Succeeded => Robot is not null;

    public IEnumerable<RobotFileDiagnostic> Errors => Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
}

/// <summary>Thrown by <see cref="RobotFileLoader.LoadOrThrow"/>; the message lists every error, one per line.</summary>
public sealed class RobotFileException : Exception
{
    public RobotFileException(IReadOnlyList<RobotFileDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public RobotFileException()
    {
        Diagnostics = [];
    }

    public RobotFileException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public RobotFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public IReadOnlyList<RobotFileDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<RobotFileDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        return $"The robot file has {errors.Length} error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(error => "  " + error));
    }
}
