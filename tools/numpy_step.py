#!/usr/bin/env python3
"""One SGD step written with the tutorial's own NumPy code (Part 1 forward pass, Part 7 backward pass, Part 5
update), printing every quantity as JSON so `edgenet step` (StepTrace) can be held to it number for number.

    python3 tools/numpy_step.py                      # Part 1: seed 123, 25->8->2, the perfect edge, label Edge
    python3 tools/numpy_step.py --seed 7 --hidden 16,8 --label 1 --lr 0.5
    python3 tools/numpy_step.py --seed 42 --random-patch   # make_data(1), then the weights (train's first step)

Draw order as the tutorial: np.random.seed(seed) [-> make_data(1) with --random-patch] -> for each layer
W = randn(in, out) * 0.3, b = 0. Loss is -log p[label] without the tutorial's +1e-8.
"""
import argparse
import json

import numpy as np

from numpy_reference import make_data, softmax


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=123)
    parser.add_argument("--hidden", default="8")
    parser.add_argument("--patch", default=",".join(["0.1,0.1,0.5,0.9,0.9"] * 5))
    parser.add_argument("--label", type=int, default=0)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--random-patch", action="store_true")
    args = parser.parse_args()

    np.random.seed(args.seed)
    if args.random_patch:
        X, Y = make_data(1)
        x, y = X[:1], Y[:1].astype(float)
    else:
        x = np.array([[float(v) for v in args.patch.split(",")]])
        y = np.zeros((1, 2))
        y[0, args.label] = 1.0
    sizes = [x.shape[1]] + [int(h) for h in args.hidden.split(",")] + [2]
    Ws = [np.random.randn(n_in, n_out) * 0.3 for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros((1, n_out)) for n_out in sizes[1:]]

    def forward(Ws, bs):
        zs, hs = [], [x]
        for i, (W, b) in enumerate(zip(Ws, bs)):
            z = hs[-1] @ W + b                       # z = x @ W + b   (Part 1)
            zs.append(z)
            if i < len(Ws) - 1:
                hs.append(np.maximum(0, z))          # h = ReLU(z)     (Part 2)
        p = softmax(zs[-1])                          # p = softmax(z)  (Part 3)
        loss = float(-np.sum(y * np.log(p)))         # cross-entropy   (Part 4)
        return zs, hs, p, loss

    zs, hs, p, loss = forward(Ws, bs)
    layers = [{"W": W.tolist(), "b": b[0].tolist(), "z": z[0].tolist(), "h": None, "dh": None}
              for W, b, z in zip(Ws, bs, zs)]
    for i in range(len(Ws) - 1):
        layers[i]["h"] = hs[i + 1][0].tolist()

    dz = p - y                                       # dL/dz2 = p - y          (Part 7, Step 1)
    grads = [None] * len(Ws)
    for i in reversed(range(len(Ws))):
        dW = hs[i].T @ dz                            # dL/dW2 = h.T @ dL/dz2   (Step 2)
        db = dz                                      # dL/db2 = dL/dz2
        layers[i].update({"dz": dz[0].tolist(), "dW": dW.tolist(), "db": db[0].tolist()})
        grads[i] = (dW, db)
        if i > 0:
            dh = dz @ Ws[i].T                        # dL/dh = dL/dz2 @ W2.T   (Step 3)
            layers[i - 1]["dh"] = dh[0].tolist()
            dz = dh * (zs[i - 1] > 0)                # dL/dz1 = dL/dh * (z1 > 0) (Step 4)
    for i, (dW, db) in enumerate(grads):
        Ws[i] = Ws[i] - args.lr * dW                 # W = W - learning_rate * dL_dW  (Part 5)
        bs[i] = bs[i] - args.lr * db
        layers[i].update({"W_new": Ws[i].tolist(), "b_new": bs[i][0].tolist()})

    _, _, p_after, loss_after = forward(Ws, bs)
    print(json.dumps({"x": x[0].tolist(), "label": int(np.argmax(y)), "layers": layers, "p": p[0].tolist(), "loss": loss,
                      "p_after": p_after[0].tolist(), "loss_after": loss_after}))


if __name__ == "__main__":
    main()
