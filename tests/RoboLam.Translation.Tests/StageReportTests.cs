using RoboLam.Translation.Tests.Support;

namespace RoboLam.Translation.Tests;

public sealed class StageReportTests
{
    [Fact]
    public void The_four_stages_report_in_order_with_their_counts()
    {
        var result = Translator.Translate(Domains.Blocks(), Domains.BlocksTower());

        Assert.Equal(
            [Translator.NormalizeStage, Translator.GroundStage, Translator.SimplifyStage, Translator.EncodeStage],
            result.Stages.Select(stage => stage.Name));
        Assert.All(result.Stages, stage => Assert.True(stage.Elapsed >= TimeSpan.Zero));
        var encode = result.Stages[^1];
        Assert.Equal(result.Task.Operators.Count, encode.Counts.Single(count => count.Name == "operators").Value);
        Assert.Equal(result.Task.FactCount, encode.Counts.Single(count => count.Name == "facts").Value);
        Assert.Contains("ground", result.Stages[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_translated_task_passes_the_invariant_checker()
    {
        var task = Translator.Translate(Domains.Blocks(), Domains.BlocksTower()).Task;

        Assert.Empty(GroundTaskChecker.Check(task));
    }

    [Fact]
    public void The_checker_names_a_broken_invariant()
    {
        var op = new Planning.Tasks.GroundOperator("(go a)", [3, 1], [], 1);
        var task = new Planning.Tasks.GroundTask(["(p)", "(q)"], [0], [1], [op], [], [], false);

        var problems = GroundTaskChecker.Check(task);

        Assert.Contains(problems, problem => problem.Contains("(go a)", StringComparison.Ordinal));
    }
}
