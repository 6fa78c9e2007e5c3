namespace RoboLam.Sim.Line;

/// <summary>
/// What each kind of device can do to the floor: <see cref="Check"/> says why an operation cannot start (null when
/// it can) and <see cref="Apply"/> makes its effect when it completes. Argument lists follow the factory domain's
/// actions: <c>convey</c>/<c>transfer</c> (part, from, to), <c>drill</c>/<c>inspect</c> (part, station),
/// <c>paint</c> (part, station, colour), <c>repaint</c> (part, station, old, new).
/// </summary>
internal static class LineOperations
{
    public static string? Check(DeviceProfile device, LineFloor floor, string operation, IReadOnlyList<string> arguments)
    {
        var expected = (device.Kind, operation) switch
        {
            (LineDeviceKind.Conveyor, "convey") => 3,
            (LineDeviceKind.TransferRobot, "transfer") => 3,
            (LineDeviceKind.DrillingStation, "drill") => 2,
            (LineDeviceKind.PaintingStation, "paint") => 3,
            (LineDeviceKind.PaintingStation, "repaint") => 4,
            (LineDeviceKind.InspectionCamera, "inspect") => 2,
            _ => -1,
        };
        if (expected < 0)
        {
            return $"a {device.Kind} cannot {operation}";
        }

        if (arguments.Count != expected)
        {
            return $"{operation} takes {expected} arguments, not {arguments.Count}";
        }

        var part = arguments[0];
        return operation switch
        {
            "convey" when arguments[1] != device.From || arguments[2] != device.To =>
                $"this conveyor runs {device.From} → {device.To}, not {arguments[1]} → {arguments[2]}",
            "convey" or "transfer" => floor.Check(part, record => record.Station == arguments[1] ? null : $"{part} is at {record.Station ?? "no station"}, not {arguments[1]}"),
            _ when arguments[1] != device.Station => $"this device works at {device.Station}, not {arguments[1]}",
            "drill" => floor.Check(part, record => record.Station != device.Station ? $"{part} is not at {device.Station}" : record.Drilled ? $"{part} is already drilled" : null),
            "paint" => floor.Check(part, record => record.Station != device.Station ? $"{part} is not at {device.Station}" : record.Colour is { } colour ? $"{part} is already painted {colour}" : null),
            "repaint" => floor.Check(part, record => record.Station != device.Station ? $"{part} is not at {device.Station}" : record.Colour != arguments[2] ? $"{part} is not painted {arguments[2]}" : null),
            _ => floor.Check(part, record => record.Station != device.Station ? $"{part} is not at {device.Station}" : null),
        };
    }

    public static void Apply(LineFloor floor, string operation, IReadOnlyList<string> arguments)
    {
        var part = arguments[0];
        floor.Change(part, record =>
        {
            switch (operation)
            {
                case "convey" or "transfer":
                    record.Station = arguments[2];
                    break;
                case "drill":
                    record.Drilled = true;
                    record.Inspected = false;
                    break;
                case "paint":
                    record.Colour = arguments[2];
                    record.Inspected = false;
                    break;
                case "repaint":
                    record.Colour = arguments[3];
                    record.Inspected = false;
                    break;
                case "inspect":
                    record.Inspected = true;
                    break;
            }
        });
    }
}
