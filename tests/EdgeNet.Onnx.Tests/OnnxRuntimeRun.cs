using Microsoft.ML.OnnxRuntime;

namespace EdgeNet.Onnx.Tests;

/// <summary>Runs an ONNX file's bytes in ONNX Runtime on patches, one per row.</summary>
internal static class OnnxRuntimeRun
{
    public static double[] Double(byte[] onnx, double[] x, int inputs) => Run<double>(onnx, x, inputs);

    public static double[] Float(byte[] onnx, double[] x, int inputs) =>
        [.. Run(onnx, x.Select(v => (float)v).ToArray(), inputs).Select(v => (double)v)];

    private static T[] Run<T>(byte[] onnx, T[] x, int inputs)
        where T : unmanaged
    {
        using var session = new InferenceSession(onnx);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(x, [x.Length / inputs, inputs]);
        using var options = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs =
            session.Run(options, [OnnxExport.InputName], [input], [OnnxExport.OutputName]);
        return outputs[0].GetTensorDataAsSpan<T>().ToArray();
    }
}
