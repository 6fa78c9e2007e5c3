namespace RoboLam.Hardware.Contracts;

/// <summary>
/// Identifies one actuator command. A device that receives an id it has already executed answers with the
/// earlier outcome instead of moving again, so a retried message can never act twice.
/// </summary>
public readonly record struct CommandId
{
    public CommandId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    /// <summary>A fresh id for a command that has no natural one.</summary>
    public static CommandId New() => new(Guid.NewGuid().ToString("N"));

    /// <summary>The id of step <paramref name="step"/> of an action, stable across retries of that action.</summary>
    public static CommandId ForStep(string actionId, int step) => new($"{actionId}#{step}");

    public override string ToString() => Value;
}
