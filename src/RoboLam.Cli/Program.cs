namespace RoboLam.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Out.WriteLine("robolam: verbs arrive with the next commits");
        return args.Length == 0 ? 0 : 30;
    }
}
