#!/usr/bin/env python3
"""The tutorial's training run in PyTorch (float64, autograd, torch.optim), with any optimizer, activation and init.

Prints the per-epoch metrics CSV that `edgenet train --metrics` writes, so the two can be compared:

    python3 tools/torch_reference.py --seed 7 --hidden 16,8 --epochs 40 --lr 0.01 --batch-size 10 \
        --optimizer adam --activation tanh --init xavier --weight-decay 1e-3 > torch.csv

The data and the initial weights are drawn with NumPy exactly as tools/numpy_reference.py draws them (both use
tools/tutorial_data.py)
(seed -> training set -> test set -> for each layer W = randn(in, out) * scale, b = 0 -> a permutation per
epoch with --shuffle), where scale is 0.3 (--init tutorial), sqrt(2 / fan_in) (he) or
sqrt(2 / (fan_in + fan_out)) (xavier, Glorot normal). Then torch takes over: z = h @ W + b, the hidden
activation, F.cross_entropy averaged over each batch (samples in order), loss.backward(), optimizer.step().
Weight decay acts on the weights W only (a second parameter group holds the biases with weight_decay 0).

With --each-line, every line of standard input is one set of these options and the CSVs are printed one after
the other, each followed by a line "---" (one Python start for many runs).
"""
import argparse
import math
import shlex
import sys

import numpy as np
import torch
import torch.nn.functional as F

from tutorial_data import seeded_run

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")
ACTIVATIONS = ("relu", "leaky-relu", "tanh", "sigmoid")
INITS = ("tutorial", "he", "xavier")
DEFAULT_EPS = {"adagrad": 1e-10, "rmsprop": 1e-8, "adam": 1e-8, "adamw": 1e-8}


def init_scale(init, n_in, n_out):
    if init == "he":
        return math.sqrt(2.0 / n_in)
    if init == "xavier":
        return math.sqrt(2.0 / (n_in + n_out))
    return 0.3


def activate(name, z):
    if name == "leaky-relu":
        return F.leaky_relu(z, 0.01)
    if name == "tanh":
        return torch.tanh(z)
    if name == "sigmoid":
        return torch.sigmoid(z)
    return F.relu(z)


def make_optimizer(args, Ws, bs):
    groups = [{"params": Ws, "weight_decay": args.weight_decay}, {"params": bs, "weight_decay": 0.0}]
    name, lr = args.optimizer, args.lr
    eps = args.eps if args.eps is not None else DEFAULT_EPS.get(name)
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr, foreach=False)
    if name in ("momentum", "nesterov"):
        nesterov = name == "nesterov" and args.momentum > 0
        return torch.optim.SGD(groups, lr=lr, momentum=args.momentum, dampening=0, nesterov=nesterov, foreach=False)
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr, lr_decay=0, initial_accumulator_value=0, eps=eps, foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=lr, alpha=args.rms_decay, eps=eps, momentum=0, centered=False, foreach=False)
    if name == "adam":
        return torch.optim.Adam(groups, lr=lr, betas=(args.beta1, args.beta2), eps=eps, foreach=False)
    return torch.optim.AdamW(groups, lr=lr, betas=(args.beta1, args.beta2), eps=eps, foreach=False)


def parser():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--train-samples", type=int, default=100)
    p.add_argument("--test-samples", type=int, default=20)
    p.add_argument("--hidden", default="8")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--batch-size", type=int, default=1)
    p.add_argument("--shuffle", action="store_true")
    p.add_argument("--optimizer", choices=OPTIMIZERS, default="sgd")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--rms-decay", type=float, default=0.99)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--eps", type=float, default=None)
    p.add_argument("--weight-decay", type=float, default=None, help="default 0 (0.01 for adamw, as torch.optim.AdamW)")
    p.add_argument("--activation", choices=ACTIVATIONS, default="relu")
    p.add_argument("--init", choices=INITS, default="tutorial")
    return p


def run(argv):
    args = parser().parse_args(argv)
    if args.weight_decay is None:
        args.weight_decay = 0.01 if args.optimizer == "adamw" else 0.0

    X_train, y_train, X_test, y_test, drawn = seeded_run(
        args.seed, args.train_samples, args.test_samples, args.hidden, lambda n_in, n_out: init_scale(args.init, n_in, n_out))
    Ws = [torch.tensor(W, dtype=torch.float64, requires_grad=True) for W in drawn]
    bs = [torch.zeros(W.shape[1], dtype=torch.float64, requires_grad=True) for W in drawn]
    optimizer = make_optimizer(args, Ws, bs)

    def forward(x):
        a = x
        for i, (W, b) in enumerate(zip(Ws, bs)):
            z = a @ W + b
            a = activate(args.activation, z) if i < len(Ws) - 1 else z
        return a                                            # the logits z of the last layer

    X_train_t = torch.tensor(X_train, dtype=torch.float64)
    X_test_t = torch.tensor(X_test, dtype=torch.float64)
    label_train = torch.tensor(np.argmax(y_train, axis=1))
    label_test = torch.tensor(np.argmax(y_test, axis=1))

    lines = ["epoch,train_loss,train_accuracy,test_loss,test_accuracy"]
    n = len(X_train)
    for epoch in range(args.epochs):
        order = np.random.permutation(n) if args.shuffle else np.arange(n)
        total_loss, correct = 0.0, 0
        for start in range(0, n, args.batch_size):
            idx = torch.tensor(order[start:start + args.batch_size])
            z = forward(X_train_t[idx])
            losses = F.cross_entropy(z, label_train[idx], reduction="none")   # -log p_correct, one per sample
            total_loss += float(losses.sum())
            correct += int((torch.argmax(z, dim=1) == label_train[idx]).sum())
            optimizer.zero_grad()
            losses.mean().backward()                                         # the mean over the batch
            optimizer.step()
        with torch.no_grad():
            z_test = forward(X_test_t)
            test_loss = float(F.cross_entropy(z_test, label_test, reduction="none").mean())
            test_acc = float((torch.argmax(z_test, dim=1) == label_test).double().mean())
        lines.append(f"{epoch},{total_loss / n!r},{correct / n!r},{test_loss!r},{test_acc!r}")
    return "\n".join(lines) + "\n"


def main():
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    if sys.argv[1:] == ["--each-line"]:
        for line in sys.stdin:
            if line.strip():
                sys.stdout.write(run(shlex.split(line)))
                sys.stdout.write("---\n")
        return
    sys.stdout.write(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
