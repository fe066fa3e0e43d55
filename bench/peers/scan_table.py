"""The table of bench/scan-compare.sh: median wall time (hyperfine; min-max), peak RSS (largest of the runs of
/usr/bin/time), bytes a pixel, and EdgeNet / OpenCV ratios. Usage: scan_table.py 12mp.json hd100.json rss.tsv"""
import json
import sys
from collections import defaultdict

PIXELS = {"12mp": 4000 * 3000, "hd100": 1920 * 1080}
LABELS = {
    "12mp-edgenet": "12 MP JPEG, two-class edge map: `edgenet scan`",
    "12mp-opencv": "12 MP JPEG: python3 + OpenCV imread gray → Canny → imwrite",
    "12mp-thin": "12 MP JPEG, two-class, `--thin`",
    "12mp-overlay": "12 MP JPEG, orientation model, `--overlay`",
    "hd100-edgenet": "100 JPEGs 1920×1080: `edgenet scan --out-dir`",
    "hd100-opencv": "100 JPEGs 1920×1080: one python3 + OpenCV process",
}


def main():
    times = {}
    for path in sys.argv[1:3]:
        for result in json.load(open(path))["results"]:
            times[result["command"]] = result
    rss = defaultdict(list)
    for line in open(sys.argv[3]):
        name, kb = line.split()
        rss[name].append(int(kb))
    print("| workload | wall, median (min–max) | × OpenCV | peak RSS | bytes a pixel |")
    print("|---|---|---|---|---|")
    for name, label in LABELS.items():
        if name not in times:
            continue
        t = times[name]
        workload = name.split("-")[0]
        peer = times.get(workload + "-opencv")
        ratio = "" if peer is None or name.endswith("opencv") else f"{t['median'] / peer['median']:.2f}"
        peak = max(rss.get(name, [0])) * 1024
        per_pixel = peak / PIXELS[workload]
        print(f"| {label} | {t['median']:.3f} s ({t['min']:.3f}–{t['max']:.3f}) | {ratio} | {peak / 1e6:.0f} MB | {per_pixel:.1f} |")
    print()
    print("Peak RSS of the folder rows is per process (all 100 photos); bytes a pixel there are per photo of 2.07 MP.")


if __name__ == "__main__":
    main()
