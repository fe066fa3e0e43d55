"""A NumPy stand-in for onnxruntime.InferenceSession, for running docs/use-elsewhere.md's Python snippet where the
onnxruntime wheel cannot be installed (Debian has no package of it). It evaluates the graphs EdgeNet exports only:
Gemm, Relu, LeakyRelu, PRelu, Tanh, Sigmoid, Softmax. ONNX Runtime itself is checked by the C# tests."""
import onnx
import onnx.numpy_helper
import numpy as np


class _Meta:
    def __init__(self, model):
        self.custom_metadata_map = {p.key: p.value for p in model.metadata_props}


class InferenceSession:
    def __init__(self, path, providers=None):
        self._model = onnx.load(path)
        self._weights = {t.name: onnx.numpy_helper.to_array(t) for t in self._model.graph.initializer}

    def get_modelmeta(self):
        return _Meta(self._model)

    def run(self, output_names, feeds):
        values = dict(feeds)
        for node in self._model.graph.node:
            x = values[node.input[0]]
            attributes = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
            if node.op_type == "Gemm":
                w, b = self._weights[node.input[1]], self._weights[node.input[2]]
                y = x @ (w.T if attributes.get("transB", 0) else w) + b
            elif node.op_type == "Relu":
                y = np.maximum(x, 0)
            elif node.op_type == "LeakyRelu":
                y = np.where(x > 0, x, x * attributes.get("alpha", 0.01))
            elif node.op_type == "PRelu":
                y = np.where(x < 0, x * self._weights[node.input[1]], x)
            elif node.op_type == "Tanh":
                y = np.tanh(x)
            elif node.op_type == "Sigmoid":
                y = 1 / (1 + np.exp(-x))
            elif node.op_type == "Softmax":
                e = np.exp(x - x.max(axis=1, keepdims=True))
                y = e / e.sum(axis=1, keepdims=True)
            else:
                raise NotImplementedError(node.op_type)
            values[node.output[0]] = y.astype(x.dtype)
        return [values[name] for name in output_names]
