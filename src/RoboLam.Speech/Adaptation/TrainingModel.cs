namespace RoboLam.Speech.Adaptation;

/// <summary>
/// The two files of the model that sphinxtrain needs and PocketSphinx's packaged model lacks: the model definition as
/// text (the package has the binary one; <c>pocketsphinx_mdef_convert</c> writes the text) and the mixture weights
/// (the package has only the quantised <c>sendump</c>, which <see cref="SendumpReader"/> expands).
/// </summary>
internal sealed record TrainingModel(string TextModelDefinition, string MixtureWeights)
{
    public static TrainingModel Prepare(Recognition.AcousticModel model, string folder)
    {
        var definition = Path.Combine(folder, "mdef.txt");
        SphinxTrainTools.Run("pocketsphinx_mdef_convert", ["-text", Path.Combine(model.AcousticFolder, "mdef"), definition]);
        var weights = Path.Combine(model.AcousticFolder, "mixture_weights");
        if (!File.Exists(weights))
        {
            weights = Path.Combine(folder, "mixture_weights");
            SendumpReader.Read(Path.Combine(model.AcousticFolder, "sendump")).WriteSphinxTrainFile(weights);
        }

        return new TrainingModel(definition, weights);
    }
}
