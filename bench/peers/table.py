"""Prints the ratio table of bench/compare.sh from the JSON lines of both sides and hyperfine's export."""
import json
import platform
import subprocess
import sys
from datetime import date


def load(path):
    """Each (workload, implementation): the run whose median is the middle one of its runs (one run: that run)."""
    runs = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                row = json.loads(line)
                runs.setdefault((row["name"], row["impl"]), []).append(row)
    rows = {}
    for key, found in runs.items():
        ordered = sorted(found, key=lambda r: r["median_ns"])
        middle = dict(ordered[(len(ordered) - 1) // 2])
        middle["runs"] = [r["median_ns"] for r in ordered]
        middle["in_order"] = found
        rows[key] = middle
    return rows


def share_of_peak(work, peak):
    """GFLOP/s of a workload over the core's peak: the fastest peak probe of all runs (a disturbed probe only reads
    low, so the fastest is the closest to the hardware, and the share the most conservative). The middle run's
    share, and every run's."""
    top = max(p["gflops"] for p in peak["in_order"])
    shares = sorted(w["gflops"] / top for w in work["in_order"])
    return shares[(len(shares) - 1) // 2], shares


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def cell(row):
    runs = row.get("runs", [])
    across = f"; runs {' / '.join(fmt_time(r) for r in runs)}" if len(runs) > 1 else ""
    return f"{fmt_time(row['median_ns'])} ({fmt_time(row['q1_ns'])}–{fmt_time(row['q3_ns'])}{across})"


def main():
    rows = load(sys.argv[1])
    process = json.load(open(sys.argv[2]))["results"] if len(sys.argv) > 2 else []
    cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name")), platform.processor())
    e = lambda name: rows.get((name, "edgenet"))
    peak32 = e("peak_f32_512") or e("peak_f32_256")
    print(f"Machine: {cpu}, {date.today().isoformat()}. One thread unless stated; median (quartiles) of 21 rounds, CPU time of the thread, "
          f"from the middle one of each side's runs in separate processes (all runs' medians listed).")
    top32 = max(p["gflops"] for p in peak32["in_order"])
    print(f"% of peak: GFLOP/s over the fastest f32 peak probe of all runs ({top32:.0f} GFLOP/s); the middle run's share, then every run's.")
    print(f"FMA peak of one core (measured, middle run): f32 {e('peak_f32_512')['gflops']:.0f} GFLOP/s with 512-bit vectors, {e('peak_f32_256')['gflops']:.0f} with 256-bit; "
          f"f64 {e('peak_f64_512')['gflops']:.0f} / {e('peak_f64_256')['gflops']:.0f}.")
    print()
    print("| workload | EdgeNet | peer | peer time | ratio (peer / EdgeNet) | target | met |")
    print("|---|---|---|---|---|---|---|")

    def line(name, peer_impl, peer_label, target_ratio, extra_target=None, extra_ok=None):
        ours, peer = e(name), rows.get((name, peer_impl))
        if ours is None or peer is None:
            print(f"| {name} | missing | {peer_label} | missing | | | |")
            return
        ratio = peer["median_ns"] / ours["median_ns"]
        low, high = peer["q1_ns"] / ours["q3_ns"], peer["q3_ns"] / ours["q1_ns"]
        target = f"≥ {target_ratio}×" + (f"; {extra_target}" if extra_target else "")
        ok = ratio >= target_ratio and (extra_ok is None or extra_ok)
        check = f" (same-data check: {ours.get('check', float('nan')):.6g} vs {peer.get('check', float('nan')):.6g})"
        print(f"| {name}{check} | {cell(ours)} | {peer_label} | {cell(peer)} | **{ratio:.1f}×** ({low:.1f}–{high:.1f}) | {target} | {'yes' if ok else 'NO'} |")

    step = e("tutorial_step_f64")
    line("tutorial_step_f64", "numpy_tutorial_loop", "tutorial's NumPy loop", 500, f"≤ 120 ns (is {step['median_ns']:.0f} ns)", step["median_ns"] <= 120)
    line("minibatch256_f32", "numpy_vectorised", "NumPy vectorised", 15)
    percents = lambda shares: " / ".join(f"{100 * x:.0f}%" for x in shares)
    mlp = e("mlp784_b64_f32")
    share, shares = share_of_peak(mlp, peak32)
    line("mlp784_b64_f32", "pytorch_cpu", "PyTorch CPU (OpenBLAS)", 1.3, f"≥ 60% of f32 peak (is {100 * share:.0f}%; runs {percents(shares)})", share >= 0.6)
    scan = e("scan1080p_f32_1thread")
    scan_share, scan_shares = share_of_peak(scan, peak32)
    line("scan1080p_f32_1thread", "pytorch_conv2d", "PyTorch conv2d", 15, f"≤ 15 ms and ≥ 60% of f32 peak (is {scan['median_ns'] / 1e6:.1f} ms, {100 * scan_share:.0f}%; runs {percents(scan_shares)})",
         scan["median_ns"] <= 15e6 and scan_share >= 0.6)
    two = e("scan1080p_f32_2threads")
    if two:
        print(f"| scan, 2 threads (wall clock) | {cell(two)} | | | | | |")
    if len(process) == 2:
        ours, python = process
        ratio = python["median"] / ours["median"]
        print(f"| whole process: `edgenet train` (AOT) vs `python3` tutorial program (wall, hyperfine) | {ours['median'] * 1e3:.1f} ms (σ {ours['stddev'] * 1e3:.1f}) | python3 + NumPy | "
              f"{python['median'] * 1e3:.0f} ms (σ {python['stddev'] * 1e3:.0f}) | **{ratio:.0f}×** | ≥ 10× | {'yes' if ratio >= 10 else 'NO'} |")


main()
