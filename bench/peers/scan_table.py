"""The table of bench/scan-compare.sh, from its runs folder (WORKLOAD.ROUND.json from hyperfine, NAME.ROUND.kb from
/usr/bin/time, load.tsv). Per command: median wall time (min-max), median CPU time (user + sys), the median over the
rounds of the ratio to OpenCV's run in the same round, peak RSS (largest run), bytes a pixel, the issue's target.

Usage: scan_table.py RUNS_DIR"""
import glob
import json
import os
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


def main():
    folder = sys.argv[1]
    wall, cpu, ratios, rss = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        results = {r["command"]: r for r in json.load(open(path))["results"]}
        workload = os.path.basename(path).split(".")[0]
        peer = results.get(workload + "-opencv")
        for name, r in results.items():
            wall[name].append(r["median"])
            cpu[name].append(r["user"] + r["system"])
            if peer is not None and name != workload + "-opencv":
                ratios[name].append(r["median"] / peer["median"])
    for path in glob.glob(os.path.join(folder, "*.kb")):
        name = os.path.basename(path).split(".")[0]
        text = open(path).read().split()
        if text:
            rss[name].append(int(text[-1]) * 1024)
    loads = [line.split("\t")[2].split() for line in open(os.path.join(folder, "load.tsv"))]
    one_minute = [float(l[0]) for l in loads]

    print("| workload | wall, median (min–max) | CPU user+sys, median | × OpenCV, median of rounds (min–max) | peak RSS | bytes a pixel | target |")
    print("|---|---|---|---|---|---|---|")
    for name, (label, target) in LABELS.items():
        if name not in wall:
            continue
        w, c = wall[name], cpu[name]
        r = ratios.get(name)
        ratio = f"{statistics.median(r):.2f} ({min(r):.2f}–{max(r):.2f})" if r else ""
        peak = max(rss.get(name, [0]))
        per_pixel = peak / PIXELS[name.split("-")[0]]
        print(f"| {label} | {statistics.median(w):.3f} s ({min(w):.3f}–{max(w):.3f}) | {statistics.median(c):.3f} s | {ratio} | "
              f"{peak / 1e6:.0f} MB | {per_pixel:.1f} | {target} |")
    print()
    print(f"{len(wall.get('12mp-edgenet', []))} rounds of the 12 MP workload, {len(wall.get('hd100-edgenet', []))} of the folder; "
          f"load average (1 min) before the rounds: {min(one_minute):.1f}–{max(one_minute):.1f} on {os.cpu_count()} processors. "
          "Peak RSS of the folder rows is for the whole process (all 100 photos); bytes a pixel there are per photo of 2.07 MP.")


if __name__ == "__main__":
    main()
