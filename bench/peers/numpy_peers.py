"""NumPy peers: the tutorial's own per-sample loop (float64) and a vectorised mini-batch loop (float32, 256)."""
import numpy as np

from common import measure, tutorial_weights

# --- the tutorial's "Try it yourself" step, its functions verbatim -------------------------------------------
X_train, y_train, W1, b1, W2, b2 = tutorial_weights()
learning_rate = 0.1


def relu(z):
    return np.maximum(0, z)


def relu_derivative(z):
    return (z > 0).astype(float)


def softmax(z):
    exp_z = np.exp(z - np.max(z))
    return exp_z / np.sum(exp_z)


def forward(x):
    z1 = x @ W1 + b1
    h1 = relu(z1)
    z2 = h1 @ W2 + b2
    p = softmax(z2)
    return z1, h1, z2, p


def compute_loss(p, y):
    return -np.sum(y * np.log(p + 1e-8))


def backward(x, z1, h1, p, y):
    dL_dz2 = p - y
    dL_dW2 = h1.T @ dL_dz2
    dL_db2 = dL_dz2
    dL_dh1 = dL_dz2 @ W2.T
    dL_dz1 = dL_dh1 * relu_derivative(z1)
    dL_dW1 = x.T @ dL_dz1
    dL_db1 = dL_dz1
    return dL_dW1, dL_db1, dL_dW2, dL_db2


def epoch():
    global W1, b1, W2, b2
    total_loss = 0
    for i in range(len(X_train)):
        x = X_train[i:i+1]
        y = y_train[i:i+1]
        z1, h1, z2, p = forward(x)
        total_loss += compute_loss(p, y)
        dL_dW1, dL_db1, dL_dW2, dL_db2 = backward(x, z1, h1, p, y)
        W1 -= learning_rate * dL_dW1
        b1 -= learning_rate * dL_db1
        W2 -= learning_rate * dL_dW2
        b2 -= learning_rate * dL_db2
    return total_loss


first_loss = compute_loss(forward(X_train[0:1])[3], y_train[0:1])
measure("tutorial_step_f64", "numpy_tutorial_loop", epoch, per_call=len(X_train), check=first_loss)

# --- vectorised mini-batch: 25→8→2, batch 256, float32 --------------------------------------------------------
X, Y, w1, c1, w2, c2 = tutorial_weights(n_train=256, n_test=0)
X, Y = X.astype(np.float32), Y.astype(np.float32)
w1, c1, w2, c2 = (a.astype(np.float32) for a in (w1, c1, w2, c2))
rate = np.float32(0.1)


def minibatch_step():
    global w1, c1, w2, c2
    z1 = X @ w1 + c1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ w2 + c2
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log((p * Y).sum(axis=1)).mean()
    dz2 = (p - Y) / np.float32(len(X))
    dW2 = h1.T @ dz2
    db2 = dz2.sum(axis=0, keepdims=True)
    dz1 = (dz2 @ w2.T) * (z1 > 0)
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0, keepdims=True)
    w1 -= rate * dW1
    c1 -= rate * db1
    w2 -= rate * dW2
    c2 -= rate * db2
    return loss


first = minibatch_step()
X, Y, w1, c1, w2, c2 = tutorial_weights(n_train=256, n_test=0)
X, Y = X.astype(np.float32), Y.astype(np.float32)
w1, c1, w2, c2 = (a.astype(np.float32) for a in (w1, c1, w2, c2))
measure("minibatch256_f32", "numpy_vectorised", minibatch_step, check=first)
