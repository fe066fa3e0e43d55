#!/usr/bin/env python3
"""The tutorial's "Try it yourself" program in NumPy, generalised to any seed, sizes, depth and batch size.

Prints the per-epoch metrics CSV that `edgenet train --metrics` writes, so the two can be compared:

    python3 tools/numpy_reference.py --seed 7 --train-samples 200 --test-samples 50 \
        --hidden 16,8 --epochs 40 --lr 0.2 --batch-size 10 > numpy.csv

Same draw order as the tutorial: seed -> training set (make_data) -> test set -> for each layer
W = randn(in, out) * 0.3, b = 0 (-> np.random.permutation(n) each epoch with --shuffle).
Loss is -log p_correct without the tutorial's +1e-8; a mini-batch's gradient is the mean over the batch.
"""
import argparse
import sys

import numpy as np

from tutorial_data import make_data, seeded_run  # noqa: F401 (make_data: numpy_step.py imports it from here)


def softmax(z):
    exp_z = np.exp(z - np.max(z, axis=1, keepdims=True))
    return exp_z / np.sum(exp_z, axis=1, keepdims=True)


def forward(x, Ws, bs):
    zs, hs = [], [x]
    a = x
    for i, (W, b) in enumerate(zip(Ws, bs)):
        z = a @ W + b
        zs.append(z)
        if i < len(Ws) - 1:
            a = np.maximum(0, z)
            hs.append(a)
    return zs, hs, softmax(zs[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--train-samples", type=int, default=100)
    parser.add_argument("--test-samples", type=int, default=20)
    parser.add_argument("--hidden", default="8")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--shuffle", action="store_true")
    args = parser.parse_args()

    X_train, y_train, X_test, y_test, Ws = seeded_run(
        args.seed, args.train_samples, args.test_samples, args.hidden, lambda n_in, n_out: 0.3)
    bs = [np.zeros((1, W.shape[1])) for W in Ws]

    out = sys.stdout
    out.write("epoch,train_loss,train_accuracy,test_loss,test_accuracy\n")
    n = len(X_train)
    for epoch in range(args.epochs):
        order = np.random.permutation(n) if args.shuffle else np.arange(n)
        total_loss, correct = 0.0, 0
        for start in range(0, n, args.batch_size):
            idx = order[start:start + args.batch_size]
            x, y = X_train[idx], y_train[idx]
            zs, hs, p = forward(x, Ws, bs)
            total_loss += float(np.sum(-np.log(np.sum(y * p, axis=1))))
            correct += int(np.sum(np.argmax(p, axis=1) == np.argmax(y, axis=1)))
            dz = (p - y) / len(idx)                      # dL/dz = p - y, mean over the batch
            for i in reversed(range(len(Ws))):
                dW = hs[i].T @ dz                        # dL/dW = h^T . dz
                db = np.sum(dz, axis=0, keepdims=True)   # dL/db = dz
                if i > 0:
                    dh = dz @ Ws[i].T                    # dL/dh = dz . W^T
                    dz = dh * (zs[i - 1] > 0)            # through ReLU
                Ws[i] -= args.lr * dW
                bs[i] -= args.lr * db
        _, _, p_test = forward(X_test, Ws, bs)
        test_loss = float(np.mean(-np.log(np.sum(y_test * p_test, axis=1))))
        test_acc = float(np.mean(np.argmax(p_test, axis=1) == np.argmax(y_test, axis=1)))
        out.write(f"{epoch},{total_loss / n!r},{correct / n!r},{test_loss!r},{test_acc!r}\n")


if __name__ == "__main__":
    main()
