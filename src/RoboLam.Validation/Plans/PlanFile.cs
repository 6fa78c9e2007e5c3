namespace RoboLam.Validation.Plans;

/// <summary>
/// Reads the IPC plan format: one <c>(action arg...)</c> a line, <c>;</c> comments, an optional
/// <c>0.000:</c> timestamp before a step and an optional <c>[1.000]</c> duration after it (both ignored).
/// Names are case-insensitive and come back lower-cased.
/// </summary>
public static class PlanFile
{
    public static PlanFileResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);

        var steps = new List<PlanStep>();
        var errors = new List<PlanFileError>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var reader = new PlanLineReader(lines[index].TrimEnd('\r'), index + 1, fileName);
            reader.Read(steps, errors);
        }

        return new PlanFileResult(steps, errors);
    }
}
