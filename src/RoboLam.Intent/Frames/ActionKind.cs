namespace RoboLam.Intent.Frames;

/// <summary>What a clause asks the robot to do; the goal it yields depends on its arguments and the domain.</summary>
public enum ActionKind
{
    /// <summary>Put the theme at/on/in the destination: on, in, on-table or at, chosen by the destination.</summary>
    Place,

    /// <summary>Hold the theme in the gripper.</summary>
    PickUp,

    /// <summary>Make the theme clear: nothing on it.</summary>
    Clear,

    /// <summary>Take the theme (by default every block) down onto the table.</summary>
    Unstack,

    /// <summary>Build a tower from the themes, bottom first, or from "X on Y" pairs.</summary>
    Build,

    /// <summary>Empty the gripper.</summary>
    Release,

    Drill,

    /// <summary>Paint the theme in the colour argument.</summary>
    Paint,

    Inspect,

    /// <summary>"run part 1 through ...": names the theme for the steps that follow; no goal of its own.</summary>
    Process,

    /// <summary>A verb outside every domain (throw, melt): always refused.</summary>
    Foreign,
}
