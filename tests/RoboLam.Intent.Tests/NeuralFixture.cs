using RoboLam.Intent.Providers;

namespace RoboLam.Intent.Tests;

/// <summary>The shipped encoder and tagger head, loaded once for every test that needs them.</summary>
public sealed class NeuralFixture : IDisposable
{
    public NeuralFixture()
    {
        Provider = NeuralIntentProvider.LoadShipped();
        Parser = new IntentParser(Provider);
    }

    public NeuralIntentProvider Provider { get; }

    public IntentParser Parser { get; }

    public void Dispose() => Provider.Dispose();
}

[CollectionDefinition(Name)]
public sealed class NeuralCollection : ICollectionFixture<NeuralFixture>
{
    public const string Name = "neural";
}
