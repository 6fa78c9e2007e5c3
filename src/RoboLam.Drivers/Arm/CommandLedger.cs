using RoboLam.Hardware.Contracts;

namespace RoboLam.Drivers.Arm;

/// <summary>
/// Remembers the outcome of every command id a device has finished, so a retried command is answered
/// from memory instead of being executed twice.
/// </summary>
internal sealed class CommandLedger
{
    private readonly Dictionary<CommandId, CommandOutcome> _outcomes = [];
    private readonly object _gate = new();

    public bool TryGetEarlier(CommandId id, out CommandOutcome outcome)
    {
        lock (_gate)
        {
            if (_outcomes.TryGetValue(id, out var earlier))
            {
                outcome = earlier with { WasDuplicate = true };
                return true;
            }
        }

        outcome = null!;
        return false;
    }

    public CommandOutcome Record(CommandOutcome outcome)
    {
        lock (_gate)
        {
            _outcomes[outcome.Id] = outcome;
        }

        return outcome;
    }
}
