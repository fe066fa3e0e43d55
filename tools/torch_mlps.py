#!/usr/bin/env python3
"""Export PyTorch MLPs to ONNX with torch.onnx.export, for `edgenet import` to read and be checked against.

Usage: torch_mlps.py OUT_DIR [PATCHES]

Writes OUT_DIR/<name>.onnx for several shapes, activations and export settings, and OUT_DIR/cases.json with, per
model, the hidden activation, PATCHES (default 1000) random patches and PyTorch's class probabilities for them in
double precision (softmax of the outputs where the model has no Softmax of its own, as EdgeNet always applies one).
"""
import json
import os
import sys

import onnx
import onnx.numpy_helper
import torch


class MatMulAdd(torch.nn.Module):
    """x @ W + b with plain tensors: torch.onnx.export writes MatMul + Add with the weights as Constant nodes."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.w = torch.randn(inputs, outputs, dtype=torch.float64) * 0.5
        self.b = torch.randn(outputs, dtype=torch.float64) * 0.1

    def forward(self, x):
        return x @ self.w + self.b


def typed_fields(model):
    """Moves every initializer's numbers from raw_data to float_data/double_data (ONNX allows both)."""
    for tensor in model.graph.initializer:
        values = onnx.numpy_helper.to_array(tensor).ravel().tolist()
        tensor.ClearField("raw_data")
        if tensor.data_type == onnx.TensorProto.DOUBLE:
            tensor.double_data.extend(values)
        else:
            tensor.float_data.extend(values)


def cases():
    """(name, hidden activation, module, input shape, dtype, export options, typed fields)."""
    nn = torch.nn
    return [
        ("tutorial", "Relu", nn.Sequential(nn.Linear(25, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(dim=1)), (25,), torch.float64, {"opset_version": 17}, False),
        ("deep_logits", "Relu", nn.Sequential(nn.Linear(25, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 5)), (25,), torch.float64, {"keep_initializers_as_inputs": True}, False),
        ("matmul_constants", "Relu", nn.Sequential(MatMulAdd(9, 7), nn.ReLU(), nn.Linear(7, 3), nn.Softmax(dim=-1)), (9,), torch.float64, {"opset_version": 17}, False),
        ("flatten_float", "Relu", nn.Sequential(nn.Flatten(), nn.Linear(49, 12), nn.ReLU(), nn.Linear(12, 3)), (1, 7, 7), torch.float32, {"opset_version": 13}, True),
        ("no_bias_typed", "Relu", nn.Sequential(nn.Linear(9, 6, bias=False), nn.ReLU(), nn.Linear(6, 2)), (9,), torch.float64, {"opset_version": 17}, True),
        ("wide_float", "Relu", nn.Sequential(nn.Linear(25, 64), nn.ReLU(), nn.Linear(64, 2), nn.Softmax(dim=1)), (25,), torch.float32, {"opset_version": 17}, False),
        ("tanh", "Tanh", nn.Sequential(nn.Linear(25, 10), nn.Tanh(), nn.Linear(10, 2), nn.Softmax(dim=1)), (25,), torch.float64, {"opset_version": 17}, False),
        ("sigmoid", "Sigmoid", nn.Sequential(nn.Linear(16, 6), nn.Sigmoid(), nn.Linear(6, 4)), (16,), torch.float64, {"opset_version": 17}, False),
        ("leaky", "LeakyRelu", nn.Sequential(nn.Linear(25, 8), nn.LeakyReLU(), nn.Linear(8, 8), nn.LeakyReLU(), nn.Linear(8, 2), nn.Softmax(dim=1)), (25,), torch.float64, {"opset_version": 17}, False),
        ("tanh_float_typed", "Tanh", nn.Sequential(nn.Linear(9, 6), nn.Tanh(), nn.Linear(6, 4), nn.Tanh(), nn.Linear(4, 3)), (9,), torch.float32, {"opset_version": 17}, True),
        ("sigmoid_matmul", "Sigmoid", nn.Sequential(MatMulAdd(9, 5), nn.Sigmoid(), nn.Linear(5, 2, bias=False), nn.Softmax(dim=1)), (9,), torch.float64, {"opset_version": 17}, False),
        ("prelu_0_01", "LeakyRelu", nn.Sequential(nn.Linear(9, 6), nn.PReLU(), nn.Linear(6, 3)), (9,), torch.float64, {"opset_version": 17}, False),
        # Refused (the test names the line it expects): a slope other than 0.01, PReLU's default slope 0.25, and a
        # different activation per layer.
        ("leaky_slope_0_2", "LeakyRelu", nn.Sequential(nn.Linear(9, 5), nn.LeakyReLU(0.2), nn.Linear(5, 2)), (9,), torch.float64, {"opset_version": 17}, False),
        ("prelu_default", "PRelu", nn.Sequential(nn.Linear(9, 5), nn.PReLU(), nn.Linear(5, 2)), (9,), torch.float64, {"opset_version": 17}, False),
        ("mixed", "Relu", nn.Sequential(nn.Linear(9, 6), nn.Tanh(), nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 2)), (9,), torch.float64, {"opset_version": 17}, False),
    ]


def main():
    out = sys.argv[1]
    patches = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(14)
    written = []
    for name, activation, module, shape, dtype, options, typed in cases():
        module = module.to(dtype).eval()
        if name == "prelu_0_01":
            with torch.no_grad():
                module[1].weight.fill_(0.01)                  # EdgeNet's leaky slope, as a double
        path = os.path.join(out, name + ".onnx")
        torch.onnx.export(module, torch.zeros(1, *shape, dtype=dtype), path, input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "N"}, "y": {0: "N"}}, **options)
        if typed:
            model = onnx.load(path)
            typed_fields(model)
            onnx.save(model, path)
        # PyTorch's probabilities in double: float weights widen exactly, as they do in EdgeNet's import.
        x = torch.rand(patches, *shape, dtype=torch.float64)
        with torch.no_grad():
            y = module.to(torch.float64)(x)
            has_softmax = isinstance(module[-1], torch.nn.Softmax)
            p = y if has_softmax else torch.softmax(y, dim=1)
        written.append({"name": name, "activation": activation, "patches": x.reshape(patches, -1).tolist(), "probabilities": p.tolist()})
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(written, f)


if __name__ == "__main__":
    main()
