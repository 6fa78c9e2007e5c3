using RoboLam.Speech.Recognition;

namespace RoboLam.Speech.Tests;

public sealed class TuningTests
{
    [Fact]
    public void An_option_given_for_tuning_replaces_the_default_of_the_same_name_and_keeps_the_others()
    {
        var options = SpeechRecognizer.Tuning(["-wbeam", "1e-24", "-fsgusealtpron", "no"], ["-wbeam", "1e-30", "-beam", "1e-40"]);

        Assert.Equal(["-fsgusealtpron", "no", "-wbeam", "1e-30", "-beam", "1e-40"], options);
    }

    [Fact]
    public void Without_tuning_the_defaults_stay_as_they_are()
    {
        Assert.Equal(["-wbeam", "1e-24"], SpeechRecognizer.Tuning(["-wbeam", "1e-24"], []));
    }
}
