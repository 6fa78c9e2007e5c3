using System.Globalization;
using System.Text.Json;
using RoboLam.Hardware.Contracts;
using RoboLam.Hardware.Motion;

namespace RoboLam.Hardware.Description;

/// <summary>Reads the JSON of a robot file into a <see cref="RobotDraft"/>, recording every shape error with its path.</summary>
internal sealed class RobotFileReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<string, JointRole> s_jointRoles = new(StringComparer.Ordinal)
    {
        ["base-yaw"] = JointRole.BaseYaw,
        ["shoulder-pitch"] = JointRole.ShoulderPitch,
        ["elbow-pitch"] = JointRole.ElbowPitch,
        ["wrist-pitch"] = JointRole.WristPitch,
    };

    private static readonly Dictionary<string, InputRole> s_inputRoles = new(StringComparer.Ordinal)
    {
        ["emergency-stop"] = InputRole.EmergencyStop,
        ["limit-switch"] = InputRole.LimitSwitch,
        ["object-held"] = InputRole.ObjectHeld,
        ["part-present"] = InputRole.PartPresent,
        ["door-closed"] = InputRole.DoorClosed,
        ["general"] = InputRole.General,
    };

    private static readonly Dictionary<string, bool> s_pulls = new(StringComparer.Ordinal)
    {
        ["up"] = true,
        ["down"] = false,
    };

    private static readonly Dictionary<string, PlaceKind> s_placeKinds = new(StringComparer.Ordinal)
    {
        ["home"] = PlaceKind.Home,
        ["table-slot"] = PlaceKind.TableSlot,
        ["bin"] = PlaceKind.Bin,
    };

    private static readonly Dictionary<string, OutputsAfterStop> s_afterStop = new(StringComparer.Ordinal)
    {
        ["released"] = OutputsAfterStop.Released,
        ["held"] = OutputsAfterStop.Held,
    };

    /// <summary>The servo boards there is a driver for.</summary>
    private static readonly Dictionary<string, bool> s_boardTypes = new(StringComparer.Ordinal)
    {
        ["pca9685"] = true,
    };

    public RobotDraft Read(string json)
    {
        var draft = new RobotDraft();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            diagnostics.Error($"$ (line {line}, column {column})", "the file is not valid JSON: " + FirstSentence(exception.Message));
            return draft;
        }

        draft.IsJson = true;
        using (document)
        {
            if (JsonFields.Of(document.RootElement, "$", diagnostics) is { } root)
            {
                ReadRoot(root, draft);
            }
        }

        return draft;
    }

    private void ReadRoot(JsonFields root, RobotDraft draft)
    {
        draft.Name = root.String("name");
        draft.Description = root.String("description", required: false) ?? string.Empty;
        if (root.Object("servoBoard") is { } board)
        {
            ReadServoBoard(board, draft);
        }

        if (root.Object("arm") is { } arm)
        {
            ReadArm(arm, draft);
        }

        foreach (var (path, element) in root.Array("inputs"))
        {
            ReadInput(path, element, draft);
        }

        foreach (var (path, element) in root.Array("outputs", required: false))
        {
            ReadOutput(path, element, draft);
        }

        if (root.Object("workspace") is { } workspace)
        {
            ReadWorkspace(workspace, draft);
        }

        foreach (var (path, element) in root.Array("places"))
        {
            ReadPlace(path, element, draft);
        }

        if (root.Object("motion") is { } motion)
        {
            draft.MotionPath = motion.Path;
            ReadMotion(motion, draft);
        }

        if (root.Object("stop") is { } stop)
        {
            ReadStop(stop, draft);
        }

        draft.HeartbeatPeriod = root.Duration("heartbeatPeriod");
        if (root.Object("bindings") is { } bindings)
        {
            ReadBindings(bindings, draft);
        }

        if (root.Object("safety", required: false) is { } safety)
        {
            draft.Safety = new SafetySectionReader(diagnostics).Read(safety);
        }

        root.RejectUnknown("$schema");
    }

    private static void ReadServoBoard(JsonFields board, RobotDraft draft)
    {
        board.Choice("type", s_boardTypes);
        var bus = board.Integer("i2cBus", minimum: 0, maximum: 255);
        var address = ReadI2cAddress(board);
        var frequency = board.Frequency("pwmFrequency");
        board.RejectUnknown();
        if (bus is { } busNumber && address is { } addressNumber && frequency is { } pwmFrequency)
        {
            draft.ServoBoard = new ServoBoardDescription(busNumber, addressNumber, pwmFrequency);
        }
    }

    private static int? ReadI2cAddress(JsonFields board)
    {
        var text = board.String("address");
        if (text is null)
        {
            return null;
        }

        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : string.Empty;
        if (!int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address) || address is < 0x03 or > 0x77)
        {
            board.Error("address", $"\"{text}\" is not a 7-bit I2C address; write it in hex between 0x03 and 0x77, e.g. \"0x40\"");
            return null;
        }

        return address;
    }

    private void ReadArm(JsonFields arm, RobotDraft draft)
    {
        if (arm.Object("base") is { } armBase)
        {
            var x = armBase.Length("x");
            var y = armBase.Length("y");
            var shoulder = armBase.Length("shoulderHeight");
            var heading = armBase.Angle("heading");
            armBase.RejectUnknown();
            if (x is { } bx && y is { } by && shoulder is { } height && heading is { } direction)
            {
                draft.Base = new ArmBase(bx, by, height, direction);
            }
        }

        if (arm.Object("links") is { } links)
        {
            var upper = links.Length("upperArm");
            var fore = links.Length("forearm");
            var tool = links.Length("tool");
            links.RejectUnknown();
            if (upper is { } upperArm && fore is { } forearm && tool is { } toolLength)
            {
                draft.Links = new ArmLinks(upperArm, forearm, toolLength);
            }
        }

        draft.JointsPath = arm.PathOf("joints");
        foreach (var (path, element) in arm.Array("joints"))
        {
            if (JsonFields.Of(element, path, diagnostics) is { } joint)
            {
                ReadJoint(joint, draft);
            }
        }

        if (arm.Object("gripper") is { } gripper)
        {
            ReadGripper(gripper, draft);
        }

        arm.RejectUnknown();
    }

    private void ReadJoint(JsonFields joint, RobotDraft draft)
    {
        var name = joint.String("name");
        var role = joint.Choice("role", s_jointRoles);
        var servo = ReadServo(joint);
        var minimum = joint.Angle("min");
        var maximum = joint.Angle("max");
        var speed = joint.RotationalSpeed("maxSpeed");
        var home = joint.Angle("home");
        joint.RejectUnknown();
        if (name is not null && role is { } jointRole && servo is not null && minimum is { } low && maximum is { } high && speed is { } maxSpeed && home is { } homeAngle)
        {
            draft.Joints.Add(new Located<JointDescription>(joint.Path, new JointDescription(name, jointRole, servo, low, high, maxSpeed, homeAngle)));
        }
    }

    /// <summary>The "channel" of the owner plus its "servo" calibration object.</summary>
    private static ServoCalibration? ReadServo(JsonFields owner)
    {
        var channel = owner.Integer("channel", minimum: 0, maximum: 15);
        if (owner.Object("servo") is not { } servo)
        {
            return null;
        }

        var minimumPulse = servo.Duration("minPulse");
        var maximumPulse = servo.Duration("maxPulse");
        var travel = servo.Angle("travel");
        var zeroAt = servo.Angle("zeroAt");
        var direction = servo.Integer("direction", minimum: -1, maximum: 1);
        servo.RejectUnknown();
        if (channel is { } number && minimumPulse is { } low && maximumPulse is { } high && travel is { } range && zeroAt is { } zero && direction is { } sign)
        {
            return new ServoCalibration(number, low, high, range, zero, sign);
        }

        return null;
    }

    private static void ReadGripper(JsonFields gripper, RobotDraft draft)
    {
        var servo = ReadServo(gripper);
        var open = gripper.Angle("open");
        var closed = gripper.Angle("closed");
        var actuation = gripper.Duration("actuationTime");
        var opening = gripper.Length("maxOpening");
        gripper.RejectUnknown();
        if (servo is not null && open is { } openAngle && closed is { } closedAngle && actuation is { } time && opening is { } maxOpening)
        {
            draft.Gripper = new Located<GripperDescription>(gripper.Path, new GripperDescription(servo, openAngle, closedAngle, time, maxOpening));
        }
    }

    private void ReadInput(string path, JsonElement element, RobotDraft draft)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } input)
        {
            return;
        }

        var name = input.String("name");
        var role = input.Choice("role", s_inputRoles);
        var pin = input.Integer("pin", minimum: 0, maximum: 63);
        var pullUp = input.Choice("pull", s_pulls);
        var activeLow = input.Boolean("activeLow");
        var debounce = input.Duration("debounce", required: false) ?? UnitsNet.Duration.Zero;
        var joint = input.String("joint", required: false);
        var place = input.String("place", required: false);
        input.RejectUnknown();
        if (name is not null && role is { } inputRole && pin is { } number && pullUp is { } pull && activeLow is { } low)
        {
            draft.Inputs.Add(new Located<DigitalInputDescription>(path, new DigitalInputDescription(name, number, inputRole, pull, low, debounce, joint, place)));
        }
    }

    private void ReadOutput(string path, JsonElement element, RobotDraft draft)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } output)
        {
            return;
        }

        var name = output.String("name");
        var pin = output.Integer("pin", minimum: 0, maximum: 63);
        var activeLow = output.Boolean("activeLow");
        var initially = output.Boolean("initiallyActive", required: false) ?? false;
        output.RejectUnknown();
        if (name is not null && pin is { } number && activeLow is { } low)
        {
            draft.Outputs.Add(new Located<DigitalOutputDescription>(path, new DigitalOutputDescription(name, number, low, initially)));
        }
    }

    private static void ReadWorkspace(JsonFields workspace, RobotDraft draft)
    {
        var xMin = workspace.Length("xMin");
        var xMax = workspace.Length("xMax");
        var yMin = workspace.Length("yMin");
        var yMax = workspace.Length("yMax");
        var lowest = workspace.Length("lowestReach");
        workspace.RejectUnknown();
        if (xMin is { } x0 && xMax is { } x1 && yMin is { } y0 && yMax is { } y1 && lowest is { } z)
        {
            draft.Workspace = new Located<WorkspaceDescription>(workspace.Path, new WorkspaceDescription(x0, x1, y0, y1, z));
        }
    }

    private void ReadPlace(string path, JsonElement element, RobotDraft draft)
    {
        if (JsonFields.Of(element, path, diagnostics) is not { } place)
        {
            return;
        }

        var name = place.String("name");
        var kind = place.Choice("kind", s_placeKinds);
        var x = place.Length("x");
        var y = place.Length("y");
        var z = place.Length("z");
        place.RejectUnknown();
        if (name is not null && kind is { } placeKind && x is { } px && y is { } py && z is { } pz)
        {
            draft.Places.Add(new Located<NamedPlace>(path, new NamedPlace(name, placeKind, px, py, pz)));
        }
    }

    private static void ReadMotion(JsonFields motion, RobotDraft draft)
    {
        var approach = motion.Length("approachHeight");
        var travel = motion.Length("travelHeight");
        var grasp = motion.Length("graspDepth");
        var sample = motion.Duration("samplePeriod");
        var step = motion.Length("pathStep");
        motion.RejectUnknown();
        if (approach is { } a && travel is { } t && grasp is { } g && sample is { } s && step is { } p)
        {
            draft.Motion = new MotionSettings(a, t, g, s, p);
        }
    }

    private static void ReadStop(JsonFields stop, RobotDraft draft)
    {
        var category = stop.Integer("category", minimum: 0, maximum: 1);
        var deceleration = stop.Duration("decelerationTime");
        var after = stop.Choice("outputsAfterStop", s_afterStop);
        stop.RejectUnknown();
        if (category is { } number && deceleration is { } time && after is { } outputs)
        {
            draft.Stop = new StopBehaviour((StopCategory)number, time, outputs);
        }
    }

    private void ReadBindings(JsonFields bindings, RobotDraft draft)
    {
        foreach (var property in EnumerateProperties(bindings))
        {
            var path = bindings.PathOf(property.Name);
            if (ActionBindingParser.Parse(property.Name, property.Value, path, diagnostics) is { } binding)
            {
                draft.Bindings.Add(new Located<ActionBinding>(path, binding));
            }
        }
    }

    private static IEnumerable<JsonProperty> EnumerateProperties(JsonFields fields) => fields.Properties();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
