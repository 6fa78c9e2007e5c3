namespace RoboLam.Planning.Search;

/// <summary>A runnable search configuration; <c>onPlan</c> hears of every plan it finds, better ones later.</summary>
internal interface IPlanSearch
{
    EngineResult Run(Action<EngineResult>? onPlan);
}
