namespace RoboLam.Line.Tests.Support;

/// <summary>Waits for a condition that other threads make true (a message over the broker), failing with a sentence after a generous bound.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"still not true after {seconds} s: {what}");
            await Task.Delay(20);
        }
    }
}
