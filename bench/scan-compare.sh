#!/usr/bin/env bash
# Whole-process side by side: `edgenet scan` (Native AOT) against python3 + OpenCV's Canny (imread gray -> Canny ->
# imwrite PNG), on a 12-megapixel JPEG and on a folder of 100 JPEGs of 1920x1080 that bench/peers/make_photos.py
# draws (seeded; nothing is downloaded). Wall time from hyperfine, peak memory from /usr/bin/time; prints the
# ratios. Usage: bench/scan-compare.sh [out-dir]   (RUNS=10 for more runs; SKIP_BUILD=1 to reuse the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-bench/results/scan}")"
mkdir -p "$out"

missing=()
/usr/bin/python3 -c 'import cv2' 2>/dev/null || missing+=(python3-opencv)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1

edgenet="$out/edgenet-aot/edgenet"
if [ -z "${SKIP_BUILD:-}" ] || [ ! -x "$edgenet" ]; then
  echo "Building edgenet (Native AOT) ..." >&2
  linker=()
  command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
  dotnet publish src/EdgeNet.Cli -c Release -r linux-x64 -v q -nologo "${linker[@]}" -o "$out/edgenet-aot" >&2
fi

echo "Drawing the photos ..." >&2
/usr/bin/python3 bench/peers/make_photos.py "$out/photos" 100
[ -f "$out/edge.json" ] || "$edgenet" train --dataset varied --save "$out/edge.json" --log-every 0 >/dev/null
[ -f "$out/orientation.json" ] || "$edgenet" train --dataset varied --task orientation --save "$out/orientation.json" --log-every 0 >/dev/null

big="$out/photos/photo-12mp.jpg"
hd="$out/photos/hd"
maps="$out/maps"
rm -rf "$maps" && mkdir -p "$maps/hd-edgenet" "$maps/hd-opencv"
canny="/usr/bin/python3 bench/peers/opencv_canny.py"
declare -A commands=(
  [12mp-edgenet]="$edgenet scan --model $out/edge.json $big --out $maps/edges.png"
  [12mp-opencv]="$canny $maps $big"
  [12mp-thin]="$edgenet scan --model $out/edge.json $big --out $maps/thin.png --thin"
  [12mp-overlay]="$edgenet scan --model $out/orientation.json $big --out $maps/orientation.png --overlay"
  [hd100-edgenet]="$edgenet scan --model $out/edge.json $hd --out-dir $maps/hd-edgenet"
  [hd100-opencv]="$canny $maps/hd-opencv $hd"
)
order=(12mp-edgenet 12mp-opencv 12mp-thin 12mp-overlay hd100-edgenet hd100-opencv)

echo "Timing (hyperfine, ${RUNS:-5} runs each, interleaved by workload) ..." >&2
hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$out/12mp.json" \
  -n 12mp-edgenet "${commands[12mp-edgenet]}" -n 12mp-opencv "${commands[12mp-opencv]}" \
  -n 12mp-thin "${commands[12mp-thin]}" -n 12mp-overlay "${commands[12mp-overlay]}" >&2
hyperfine -N --warmup 1 --runs "${RUNS_FOLDER:-3}" --export-json "$out/hd100.json" \
  -n hd100-edgenet "${commands[hd100-edgenet]}" -n hd100-opencv "${commands[hd100-opencv]}" >&2

echo "Peak memory (/usr/bin/time, ${RSS_ROUNDS:-2} runs each) ..." >&2
: > "$out/rss.tsv"
for round in $(seq "${RSS_ROUNDS:-2}"); do
  for name in "${order[@]}"; do
    /usr/bin/time -f '%M' -o "$out/kb.txt" ${commands[$name]} >/dev/null 2>&1
    printf '%s\t%s\n' "$name" "$(tail -1 "$out/kb.txt")" >> "$out/rss.tsv"
  done
done

/usr/bin/python3 bench/peers/scan_table.py "$out/12mp.json" "$out/hd100.json" "$out/rss.tsv" | tee "$out/table.md"
