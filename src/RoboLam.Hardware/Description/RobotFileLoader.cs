namespace RoboLam.Hardware.Description;

/// <summary>
/// Loads robots/*.json: reads the JSON, checks everything (shape, units, channels, pins, reach, bindings
/// against the domain's actions) and reports every problem with its JSON path.
/// </summary>
public static class RobotFileLoader
{
    /// <param name="path">The robot file.</param>
    /// <param name="domainActions">The actions of the PDDL domain the robot will run, to check the bindings; null skips that check.</param>
    public static RobotFileResult LoadFile(string path, IReadOnlyCollection<DomainActionSignature>? domainActions = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new RobotFileResult(null, [new RobotFileDiagnostic(path, "$", DiagnosticSeverity.Error, "cannot read the file: " + exception.Message)]);
        }

        return Parse(json, path, domainActions);
    }

    /// <summary>Checks the JSON text of a robot file; <paramref name="source"/> names it in the diagnostics.</summary>
    public static RobotFileResult Parse(string json, string source, IReadOnlyCollection<DomainActionSignature>? domainActions = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var diagnostics = new DiagnosticBag(source);
        var draft = new RobotFileReader(diagnostics).Read(json);
        new RobotFileChecks(diagnostics).Run(draft, domainActions);
        if (diagnostics.HasErrors || !draft.IsComplete)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error("$", "the file is incomplete");
            }

            return new RobotFileResult(null, diagnostics.Items);
        }

        var robot = new RobotDescription(
            draft.Name!,
            draft.Description,
            draft.ServoBoard!,
            new ArmDescription(draft.Base!, draft.Links!, draft.Joints.Select(joint => joint.Value).ToArray(), draft.Gripper!.Value),
            draft.Inputs.Select(input => input.Value).ToArray(),
            draft.Outputs.Select(output => output.Value).ToArray(),
            draft.Workspace!.Value,
            draft.Places.Select(place => place.Value).ToArray(),
            draft.Motion!,
            draft.Stop!,
            draft.HeartbeatPeriod!.Value,
            draft.Bindings.Select(binding => binding.Value).ToArray())
        {
            Safety = draft.Safety?.Build(draft.Inputs.Select(input => input.Value), draft.HeartbeatPeriod!.Value, draft.Stop!.Category),
        };
        return new RobotFileResult(robot, diagnostics.Items);
    }

    /// <summary>Like <see cref="LoadFile"/>, but throws <see cref="RobotFileException"/> listing every error.</summary>
    public static RobotDescription LoadOrThrow(string path, IReadOnlyCollection<DomainActionSignature>? domainActions = null)
    {
        var result = LoadFile(path, domainActions);
        return result.Robot ?? throw new RobotFileException(result.Diagnostics);
    }
}
