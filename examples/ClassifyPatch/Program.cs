// Loads a model saved by `edgenet train --save` (or the TrainTutorial example) and classifies one 5×5 patch.
// Usage: ClassifyPatch MODEL.json
using EdgeNet.Models;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ClassifyPatch MODEL.json");
    return 2;
}
Model model;
try
{
    model = ModelFile.Load(args[0]);
}
catch (Exception e) when (e is ModelFormatException or FileNotFoundException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

double[] patch =                         // 5×5 pixels, row by row: dark on the left, bright on the right
[
    0.1, 0.1, 0.5, 0.9, 0.9,
    0.1, 0.1, 0.5, 0.9, 0.9,
    0.1, 0.1, 0.5, 0.9, 0.9,
    0.1, 0.1, 0.5, 0.9, 0.9,
    0.1, 0.1, 0.5, 0.9, 0.9,
];
if (patch.Length != model.Network.Inputs)
{
    Console.Error.WriteLine($"This example's patch has {patch.Length} pixels; the model reads {model.Network.Inputs}.");
    return 1;
}
var probabilities = new double[model.Network.Classes];
model.Network.Predict(patch, batch: 1, probabilities);
for (int k = 0; k < probabilities.Length; k++)
{
    Console.WriteLine($"{model.ClassNames[k],-12} {probabilities[k]:P1}");
}
return 0;
