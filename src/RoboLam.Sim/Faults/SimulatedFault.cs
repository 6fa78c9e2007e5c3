namespace RoboLam.Sim.Faults;

/// <summary>A fault to inject at a virtual time after the simulation's start.</summary>
public abstract record SimulatedFault(TimeSpan At);

/// <summary>The e-stop button is pressed (and stays pressed).</summary>
public sealed record EmergencyStopPress(TimeSpan At, string Input = "e-stop") : SimulatedFault(At);

/// <summary>A joint's servo stops moving where it is.</summary>
public sealed record ServoStall(TimeSpan At, string Joint) : SimulatedFault(At);

/// <summary>A joint's servo moves at only <paramref name="SpeedFactor"/> of its speed.</summary>
public sealed record ServoLag(TimeSpan At, string Joint, double SpeedFactor) : SimulatedFault(At);

/// <summary>The block in the gripper slips out and falls.</summary>
public sealed record BlockSlip(TimeSpan At) : SimulatedFault(At);

/// <summary>An input reads <paramref name="Active"/> from now on, whatever happens.</summary>
public sealed record StuckInput(TimeSpan At, string Input, bool Active) : SimulatedFault(At);

/// <summary>The servo board stops answering on the I2C bus.</summary>
public sealed record DeviceSilent(TimeSpan At) : SimulatedFault(At);
