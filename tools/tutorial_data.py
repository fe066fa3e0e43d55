"""The tutorial's data and initial weights, drawn with NumPy's legacy generator in the tutorial's order.

Shared by numpy_reference.py, numpy_step.py and torch_reference.py so that all three draw exactly the same
numbers: np.random.seed(seed) -> make_data(train) -> make_data(test) -> for each layer W = randn(in, out) * scale.
"""
import numpy as np


def make_data(n_samples):
    """The tutorial's make_data, unchanged: 5x5 patches flattened, one-hot labels [Edge, No Edge]."""
    X, y = [], []
    for _ in range(n_samples):
        if np.random.rand() > 0.5:
            edge_pos = np.random.randint(1, 4)
            patch = np.ones((5, 5)) * 0.1
            patch[:, edge_pos:] = 0.9
            label = [1, 0]
        else:
            if np.random.rand() > 0.5:
                patch = np.ones((5, 5)) * np.random.uniform(0.3, 0.7)
            else:
                patch = np.ones((5, 5)) * 0.9
                patch[:, 2:] = 0.1
            label = [0, 1]
        X.append(patch.flatten())
        y.append(label)
    return np.array(X), np.array(y)


def layer_sizes(hidden):
    """25 -> the hidden sizes ("16,8") -> 2."""
    return [25] + [int(h) for h in hidden.split(",")] + [2]


def seeded_run(seed, train_samples, test_samples, hidden, scale):
    """Seed, training set, test set, then W = randn(in, out) * scale(in, out) for each layer; returns the sets and the Ws."""
    np.random.seed(seed)
    X_train, y_train = make_data(train_samples)
    X_test, y_test = make_data(test_samples)
    sizes = layer_sizes(hidden)
    Ws = [np.random.randn(n_in, n_out) * scale(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    return X_train, y_train, X_test, y_test, Ws
