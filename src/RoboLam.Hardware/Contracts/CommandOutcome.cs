namespace RoboLam.Hardware.Contracts;

/// <summary>How a command ended. <see cref="WasDuplicate"/> tells that the device had already run this id.</summary>
public sealed record CommandOutcome(CommandId Id, CommandStatus Status, string? Reason = null, bool WasDuplicate = false)
{
    public bool Succeeded => Status == CommandStatus.Completed;

    public static CommandOutcome Completed(CommandId id) => new(id, CommandStatus.Completed);

    public static CommandOutcome Stopped(CommandId id, string reason) => new(id, CommandStatus.Stopped, reason);

    public static CommandOutcome Refused(CommandId id, string reason) => new(id, CommandStatus.Refused, reason);

    public static CommandOutcome Failed(CommandId id, string reason) => new(id, CommandStatus.Failed, reason);
}

public enum CommandStatus
{
    /// <summary>The device did all of it.</summary>
    Completed,

    /// <summary>A stop request ended it part-way; the device is in its safe state.</summary>
    Stopped,

    /// <summary>Nothing was done: the command was not acceptable (unknown output, busy, wrong kind, safety).</summary>
    Refused,

    /// <summary>The device failed while doing it (bus error, device not answering).</summary>
    Failed,
}
