using EdgeNet.IO;
using EdgeNet.Layers;
using EdgeNet.Models;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>
/// Walks an ONNX graph node by node as one chain from its input: Gemm, or MatMul then Add, makes a layer; an
/// activation may follow each layer but the last; Softmax may end the chain; Constant and Identity nodes may hold
/// weights. Any other node, or a node off the chain, is refused with one line naming it.
/// </summary>
internal sealed class MlpMatcher(GraphProto graph, string source)
{
    private const string LateActivation = "follows the last layer; EdgeNet's last layer goes straight to softmax";

    private readonly Dictionary<string, TensorProto> _constants = [];
    private readonly List<PendingLayer> _layers = [];
    private string _current = string.Empty;
    private bool _softmax;
    private long _parameters;

    public Network<double> Match()
    {
        if (graph.Node.Count > OnnxLimits.MaxNodes)
        {
            throw Refuse($"it has {graph.Node.Count} nodes, more than the {OnnxLimits.MaxNodes} EdgeNet reads");
        }
        foreach (TensorProto tensor in graph.Initializer)
        {
            _constants[tensor.Name] = tensor;
        }
        if (graph.SparseInitializer.Count > 0)
        {
            throw Refuse("it has sparse initializers, which EdgeNet does not read");
        }
        ValueInfoProto[] inputs = [.. graph.Input.Where(i => !_constants.ContainsKey(i.Name))];
        if (inputs.Length != 1)
        {
            throw Refuse($"it has {inputs.Length} inputs besides its weights; an MLP has one");
        }
        ValueInfoProto input = inputs[0];
        CheckElementType(input, "input");
        _current = input.Name;
        for (int n = 0; n < graph.Node.Count; n++)
        {
            Step(graph.Node[n], n);
        }
        if (_layers.Count == 0)
        {
            throw Refuse("it has no Gemm or MatMul layer");
        }
        if (graph.Output.Count != 1 || graph.Output[0].Name != _current)
        {
            throw Refuse($"its output is not the end of the chain of layers (it has {graph.Output.Count} outputs)");
        }
        CheckElementType(graph.Output[0], "output");
        return Build(input);
    }

    private void Step(NodeProto node, int index)
    {
        if (node.Domain is not ("" or "ai.onnx"))
        {
            throw Refuse(node, index, $"is from the operator domain {UserText.Quote(node.Domain)}; EdgeNet reads standard ONNX operators only");
        }
        switch (node.OpType)
        {
            case "Constant":
                Constant(node, index);
                return;
            case "Identity" when Inputs(node, index, 1) is var x && _constants.TryGetValue(x[0], out TensorProto? held):
                _constants[Output(node, index)] = held;
                return;
        }
        if (_softmax)
        {
            throw Refuse(node, index, "comes after the final Softmax");
        }
        switch (node.OpType)
        {
            case "Identity":
                Chain(node, index, 1);
                break;
            case "Flatten":
                Flatten(node, index);
                break;
            case "Gemm":
                Gemm(node, index);
                break;
            case "MatMul":
                MatMul(node, index);
                break;
            case "Add":
                Add(node, index);
                break;
            case "Softmax":
                Softmax(node, index);
                break;
            case var op when OnnxActivations.OpTypes.Contains(op):
                Activation(node, index);
                break;
            default:
                throw Refuse(node, index, "is not part of an MLP; EdgeNet imports Gemm or MatMul + Add layers, Relu, LeakyRelu (or PRelu), Tanh or Sigmoid between them and a final Softmax");
        }
    }

    private void Constant(NodeProto node, int index)
    {
        Inputs(node, index, 0);
        AttributeProto? value = node.Attribute.FirstOrDefault(a => a.Name == "value");
        if (value?.T is null || node.Attribute.Count != 1)
        {
            throw Refuse(node, index, "is a Constant without a single tensor 'value'; EdgeNet reads weights held as tensors only");
        }
        _constants[Output(node, index)] = value.T;
    }

    private void Flatten(NodeProto node, int index)
    {
        if (_layers.Count > 0)
        {
            throw Refuse(node, index, "flattens between layers; EdgeNet flattens the input only");
        }
        if (Int(node, "axis", 1) != 1)
        {
            throw Refuse(node, index, "flattens with an axis other than 1; EdgeNet reads one patch per row");
        }
        Chain(node, index, 1);
    }

    private void Gemm(NodeProto node, int index)
    {
        string[] inputs = Inputs(node, index, 2, 3);
        OnChain(node, index, inputs[0]);
        foreach (AttributeProto attribute in node.Attribute)
        {
            bool plain = attribute.Name switch
            {
                "alpha" or "beta" => attribute.F == 1f,
                "transA" => attribute.I == 0,
                "transB" => attribute.I is 0 or 1,
                _ => false,
            };
            if (!plain)
            {
                throw Refuse(node, index, $"has {UserText.Escape(attribute.Name)} = {(attribute.Type == AttributeProto.Types.AttributeType.Float ? attribute.F : attribute.I)}; EdgeNet reads Gemm with alpha = beta = 1, transA = 0");
            }
        }
        bool transposed = Int(node, "transB", 0) == 1;
        PendingLayer layer = Weights(node, index, inputs[1], transposed);
        if (inputs.Length == 3 && inputs[2].Length > 0)
        {
            layer.Bias = Bias(node, index, inputs[2], layer.Outputs);
        }
        layer.HasBias = true;
        _layers.Add(layer);
        _current = Output(node, index);
    }

    private void MatMul(NodeProto node, int index)
    {
        string[] inputs = Inputs(node, index, 2);
        OnChain(node, index, inputs[0]);
        PendingLayer layer = Weights(node, index, inputs[1], transposed: false);
        _layers.Add(layer);
        _current = Output(node, index);
    }

    private void Add(NodeProto node, int index)
    {
        string[] inputs = Inputs(node, index, 2);
        string? bias = inputs[0] == _current ? inputs[1] : inputs[1] == _current ? inputs[0] : null;
        if (bias is null)
        {
            throw Refuse(node, index, "does not take the previous node's output; EdgeNet imports one chain of layers");
        }
        if (_layers.Count == 0 || _layers[^1].HasBias || _layers[^1].Activation is not null)
        {
            throw Refuse(node, index, "adds outside a layer; EdgeNet reads Add only as the bias right after a MatMul");
        }
        PendingLayer layer = _layers[^1];
        layer.Bias = Bias(node, index, bias, layer.Outputs);
        layer.HasBias = true;
        _current = Output(node, index);
    }

    private void Activation(NodeProto node, int index)
    {
        bool prelu = node.OpType == "PRelu";                   // PRelu(z, slope): the slope is a constant
        string[] inputs = Inputs(node, index, prelu ? 2 : 1);
        OnChain(node, index, inputs[0]);
        _current = Output(node, index);
        if (_layers.Count == 0 || _layers[^1].Activation is not null)
        {
            throw Refuse(node, index, "is not right after a layer; EdgeNet has one activation after each hidden layer");
        }
        HiddenActivation? kind = OnnxActivations.Read(node, () => Values(Tensor(node, index, inputs[1])), out string why);
        _layers[^1].Activation = node;
        _layers[^1].ActivationKind = kind ?? throw Refuse(node, index, why);
        _layers[^1].ActivationIndex = index;
    }

    private void Softmax(NodeProto node, int index)
    {
        Chain(node, index, 1);
        long axis = Int(node, "axis", 1);
        if (axis is not (1 or -1))
        {
            throw Refuse(node, index, $"has axis {axis}; EdgeNet's softmax runs over the classes (axis 1)");
        }
        if (_layers.Count == 0)
        {
            throw Refuse(node, index, "comes before any layer; EdgeNet's softmax takes the last layer's outputs");
        }
        if (_layers[^1].Activation is { } activation)
        {
            throw Refuse(activation, _layers[^1].ActivationIndex, LateActivation);
        }
        _softmax = true;
    }

    private Network<double> Build(ValueInfoProto input)
    {
        PendingLayer last = _layers[^1];
        if (last.Activation is { } after)
        {
            throw Refuse(after, last.ActivationIndex, LateActivation);
        }
        for (int l = 0; l < _layers.Count - 1; l++)
        {
            if (_layers[l].Activation is null)
            {
                throw Refuse($"layer {l + 1} has no activation before layer {l + 2}; EdgeNet puts one between every two layers");
            }
            if (_layers[l + 1].Inputs != _layers[l].Outputs)
            {
                throw Refuse($"layer {l + 2} takes {_layers[l + 1].Inputs} inputs but layer {l + 1} gives {_layers[l].Outputs}");
            }
            if (_layers[l].ActivationKind != _layers[0].ActivationKind)
            {
                throw Refuse(_layers[l].Activation!, _layers[l].ActivationIndex, $"differs from the first hidden layer's activation ({_layers[0].Activation!.OpType}); EdgeNet uses one activation for every hidden layer");
            }
        }
        if (_layers[^1].Outputs < 2)
        {
            throw Refuse("its last layer has 1 output; EdgeNet classifies into 2 or more classes");
        }
        IList<TensorShapeProto.Types.Dimension>? dims = input.Type?.TensorType?.Shape?.Dim;
        if (dims is { Count: 2 } && dims[1].HasDimValue && dims[1].DimValue != _layers[0].Inputs)
        {
            throw Refuse($"its input {UserText.Quote(input.Name)} has {dims[1].DimValue} values per row but the first layer takes {_layers[0].Inputs}");
        }
        var dense = new Dense<double>[_layers.Count];
        for (int l = 0; l < dense.Length; l++)
        {
            PendingLayer layer = _layers[l];
            dense[l] = new Dense<double>(layer.Inputs, layer.Outputs);
            layer.Weights.CopyTo(dense[l].Weights, 0);
            layer.Bias?.CopyTo(dense[l].Bias, 0);
        }
        return new Network<double>(dense, _layers[0].ActivationKind);
    }

    // W as the engine keeps it, [inputs × outputs] row by row, from B = W ([K, N]) or, with transB = 1, Wᵀ ([N, K]).
    private PendingLayer Weights(NodeProto node, int index, string name, bool transposed)
    {
        TensorProto tensor = Tensor(node, index, name);
        if (tensor.Dims.Count != 2)
        {
            throw Refuse(node, index, $"has weights {UserText.Quote(name)} with {tensor.Dims.Count} dimensions; a layer's weights are a matrix");
        }
        double[] values = Values(tensor);
        int rows = (int)tensor.Dims[0], columns = (int)tensor.Dims[1];
        var layer = new PendingLayer(transposed ? columns : rows, transposed ? rows : columns);
        if (_layers.Count > 0 && _layers[^1].Outputs != layer.Inputs)
        {
            throw Refuse(node, index, $"takes {layer.Inputs} inputs but the layer before gives {_layers[^1].Outputs}");
        }
        if (!transposed)
        {
            layer.Weights = values;
            return layer;
        }
        layer.Weights = new double[values.Length];
        for (int o = 0; o < rows; o++)
        {
            for (int i = 0; i < columns; i++)
            {
                layer.Weights[i * rows + o] = values[o * columns + i];
            }
        }
        return layer;
    }

    private double[] Bias(NodeProto node, int index, string name, int outputs)
    {
        TensorProto tensor = Tensor(node, index, name);
        bool shaped = tensor.Dims.Count switch
        {
            1 => tensor.Dims[0] == outputs,
            2 => tensor.Dims[0] == 1 && tensor.Dims[1] == outputs,
            _ => false,
        };
        if (!shaped)
        {
            throw Refuse(node, index, $"has a bias {UserText.Quote(name)} shaped [{string.Join(", ", tensor.Dims)}], not [{outputs}]");
        }
        return Values(tensor);
    }

    private TensorProto Tensor(NodeProto node, int index, string name) =>
        _constants.TryGetValue(name, out TensorProto? tensor)
            ? tensor
            : throw Refuse(node, index, $"takes {UserText.Quote(name)} as weights, but it is not a constant of the file");

    private double[] Values(TensorProto tensor)
    {
        double[] values = TensorValues.Read(tensor, why => Refuse($"tensor {UserText.Quote(tensor.Name)} {why}"));
        _parameters += values.LongLength;
        if (_parameters > OnnxLimits.MaxParameters)
        {
            throw Refuse($"its layers hold more than the {OnnxLimits.MaxParameters} numbers EdgeNet reads");
        }
        return values;
    }

    private void CheckElementType(ValueInfoProto value, string what)
    {
        int type = value.Type?.TensorType?.ElemType ?? 0;
        if (type is not ((int)TensorProto.Types.DataType.Float or (int)TensorProto.Types.DataType.Double))
        {
            throw Refuse($"its {what} {UserText.Quote(value.Name)} is not a float or double tensor");
        }
    }

    private void Chain(NodeProto node, int index, int inputs)
    {
        OnChain(node, index, Inputs(node, index, inputs)[0]);
        _current = Output(node, index);
    }

    private void OnChain(NodeProto node, int index, string input)
    {
        if (input != _current)
        {
            throw Refuse(node, index, "does not take the previous node's output; EdgeNet imports one chain of layers");
        }
    }

    private string[] Inputs(NodeProto node, int index, int least, int most = -1)
    {
        most = most < 0 ? least : most;
        if (node.Input.Count < least || node.Input.Count > most)
        {
            throw Refuse(node, index, $"has {node.Input.Count} inputs; expected {(least == most ? least : $"{least} to {most}")}");
        }
        return [.. node.Input];
    }

    private string Output(NodeProto node, int index) =>
        node.Output.Count == 1 ? node.Output[0] : throw Refuse(node, index, $"has {node.Output.Count} outputs; expected 1");

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    private ModelFormatException Refuse(NodeProto node, int index, string why)
    {
        string name = node.Name.Length > 0 ? UserText.Quote(node.Name) : $"#{index + 1}";
        return Refuse($"node {name} ({UserText.Escape(node.OpType)}) {why}");
    }

    private ModelFormatException Refuse(string why) => new($"{source} cannot be imported: {why}.");

    /// <summary>A layer as read so far.</summary>
    private sealed class PendingLayer(int inputs, int outputs)
    {
        public int Inputs { get; } = inputs;

        public int Outputs { get; } = outputs;

        public double[] Weights { get; set; } = [];

        public double[]? Bias { get; set; }

        public bool HasBias { get; set; }

        public NodeProto? Activation { get; set; }

        public HiddenActivation ActivationKind { get; set; }

        public int ActivationIndex { get; set; }
    }
}
