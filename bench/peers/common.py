"""Timing shared by the peers: the same method as EdgeNet.Benchmarks' SideBySide.Measure.

Warm-up 0.3 s, calibrate to ~25 ms a round, 21 rounds, median and quartiles per operation. The clock is the
thread's CPU time (time.thread_time_ns), as on the EdgeNet side, so that other processes on a shared machine
do not count; pass wall=True for multi-threaded work.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from numpy_reference import make_data  # noqa: E402  the tutorial's generator: one copy in the repository


def measure(name, impl, operation, per_call=1, flop=0.0, check=None, wall=False):
    now = time.perf_counter_ns if wall else time.thread_time_ns
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < 0.3 or calls < 3:
        operation()
        calls += 1
    per_round = max(1, int(calls * 0.025 / (time.perf_counter() - start)))
    rounds = []
    for _ in range(21):
        t0 = now()
        for _ in range(per_round):
            operation()
        rounds.append((now() - t0) / per_round / per_call)
    rounds.sort()
    row = {"name": name, "impl": impl, "median_ns": rounds[10], "q1_ns": rounds[5], "q3_ns": rounds[15], "min_ns": rounds[0]}
    if flop:
        row["gflops"] = flop / rounds[10]
    if check is not None:
        row["check"] = float(check)
    print(json.dumps(row), flush=True)


def tutorial_weights(n_train=100, n_test=20, hidden=8):
    """Seed 42 → training set → test set → W1, W2 as the tutorial draws them (EdgeNet's SeededSetup)."""
    import numpy as np
    np.random.seed(42)
    X_train, y_train = make_data(n_train)
    if n_test:
        make_data(n_test)
    W1 = np.random.randn(25, hidden) * 0.3
    W2 = np.random.randn(hidden, 2) * 0.3
    return X_train, y_train, W1, np.zeros((1, hidden)), W2, np.zeros((1, 2))
