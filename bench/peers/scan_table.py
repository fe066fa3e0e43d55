"""The table of bench/scan-compare.sh, from its runs folder (WORKLOAD.ROUND.json from hyperfine, NAME.ROUND.kb from
/usr/bin/time, load.tsv, NAME.timings.txt from `edgenet scan --timings`). Per command: the vectors the network ran on,
median wall time (min-max), median CPU time (user + sys), the medians over the rounds of the ratios of wall and of
CPU time to OpenCV's run in the same round, peak RSS (largest run), bytes a pixel, the issue's target; then each
edgenet command's profile.

Usage: scan_table.py RUNS_DIR"""
import glob
import json
import os
import re
import statistics
import sys
from collections import defaultdict

PIXELS = {"12mp": 4000 * 3000, "hd100": 1920 * 1080}
LABELS = {
    "12mp-edgenet": ("12 MP JPEG, two-class edge map: `edgenet scan`", "≤ 0.5 s, < OpenCV, ≤ 24 B/px"),
    "12mp-opencv": ("12 MP JPEG: python3 + OpenCV imread gray → Canny → imwrite", ""),
    "12mp-thin": ("12 MP JPEG, two-class, `--thin`", "≤ 24 B/px"),
    "12mp-overlay": ("12 MP JPEG, orientation model, `--overlay`", "≤ 1.0 s, ≤ 24 B/px"),
    "hd100-edgenet": ("100 JPEGs 1920×1080: `edgenet scan --out-dir`", "≤ 1.5× OpenCV"),
    "hd100-opencv": ("100 JPEGs 1920×1080: one python3 + OpenCV process", ""),
}
for _name, (_label, _target) in list(LABELS.items()):
    if "opencv" not in _name:
        LABELS[_name + "-avx2"] = (_label + ", `DOTNET_EnableAVX512=0`", _target)
LABELS = dict(sorted(LABELS.items(), key=lambda item: list(PIXELS).index(item[0].split("-")[0])))


def vectors(folder, name):
    """What the network ran on, from the first line of the command's --timings profile."""
    if "opencv" in name:
        return "(OpenCV)"
    path = os.path.join(folder, name + ".timings.txt")
    found = re.search(r"the network in float32 on (.*)", open(path).read()) if os.path.exists(path) else None
    return found.group(1).strip() if found else "?"


def main():
    folder = sys.argv[1]
    wall, cpu, ratios, cpu_ratios, rss = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        results = {r["command"]: r for r in json.load(open(path))["results"]}
        workload = os.path.basename(path).split(".")[0]
        peer = results.get(workload + "-opencv")
        for name, r in results.items():
            wall[name].append(r["median"])
            cpu[name].append(r["user"] + r["system"])
            if peer is not None and name != workload + "-opencv":
                ratios[name].append(r["median"] / peer["median"])
                cpu_ratios[name].append((r["user"] + r["system"]) / (peer["user"] + peer["system"]))
    for path in glob.glob(os.path.join(folder, "*.kb")):
        name = os.path.basename(path).split(".")[0]
        text = open(path).read().split()
        if text:
            rss[name].append(int(text[-1]) * 1024)
    loads = [line.split("\t")[2].split() for line in open(os.path.join(folder, "load.tsv"))]
    one_minute = [float(l[0]) for l in loads]

    print("| workload | vectors | wall, median (min–max) | CPU user+sys, median | wall × OpenCV, median of rounds (min–max) | CPU × OpenCV, median (min–max) | peak RSS | bytes a pixel | target |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (label, target) in LABELS.items():
        if name not in wall:
            continue
        w, c = wall[name], cpu[name]
        peak = max(rss.get(name, [0]))
        per_pixel = peak / PIXELS[name.split("-")[0]]
        print(f"| {label} | {vectors(folder, name)} | {statistics.median(w):.3f} s ({min(w):.3f}–{max(w):.3f}) | {statistics.median(c):.3f} s | "
              f"{spread(ratios.get(name))} | {spread(cpu_ratios.get(name))} | {peak / 1e6:.0f} MB | {per_pixel:.1f} | {target} |")
    print()
    print(f"{len(wall.get('12mp-edgenet', []))} rounds of the 12 MP workload, {len(wall.get('hd100-edgenet', []))} of the folder; "
          f"load average (1 min) before the rounds: {min(one_minute):.1f}–{max(one_minute):.1f} on {os.cpu_count()} processors. "
          "Peak RSS of the folder rows is for the whole process (all 100 photos); bytes a pixel there are per photo of 2.07 MP.")
    for name in LABELS:
        path = os.path.join(folder, name + ".timings.txt")
        if os.path.exists(path):
            lines = open(path).read().splitlines()
            start = next((i for i, line in enumerate(lines) if line.startswith("Timings:")), len(lines))
            print()
            print(f"{LABELS[name][0]}, once more with --timings:")
            print()
            print("```")
            print("\n".join(lines[start:]))
            print("```")


def spread(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})" if values else ""


if __name__ == "__main__":
    main()
