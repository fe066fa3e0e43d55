#!/usr/bin/env bash
# Whole-process side by side: `edgenet scan` (Native AOT) against python3 + OpenCV's Canny (imread gray -> Canny ->
# imwrite PNG), on a 12-megapixel JPEG and on a folder of 100 JPEGs of 1920x1080 that bench/peers/make_photos.py
# draws (seeded; nothing is downloaded).
#
# Each round times every command of a workload once with hyperfine (--runs 1), the order turning round by round,
# each command under /usr/bin/time for its peak memory; the load average is recorded before each round. The table
# gives, per command, the vectors the network ran on, the median wall time, the median CPU time (user + sys), the
# medians of the per-round ratios of wall and of CPU time to OpenCV's (runs next to each other share the machine's
# load), the peak RSS and bytes a pixel, and the issue's target. On a machine with AVX-512 every edgenet row runs
# twice: as the machine is, and with DOTNET_EnableAVX512=0 (the 256-bit AVX2 kernels most x86 machines run). After the
# rounds, each edgenet command runs once more with --timings: its profile (where the time goes) is printed under the
# table and kept in OUT/runs/NAME.timings.txt.
#
# Usage: bench/scan-compare.sh [out-dir]   (ROUNDS=7 rounds for the 12 MP workload, ROUNDS_FOLDER=3 for the folder;
#        SKIP_BUILD=1 to reuse the binary)
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
runs="$out/runs"
rm -rf "$maps" "$runs" && mkdir -p "$maps/hd-edgenet" "$maps/hd-opencv" "$runs"
canny="/usr/bin/python3 bench/peers/opencv_canny.py"
declare -A commands=(
  [12mp-edgenet]="$edgenet scan --model $out/edge.json $big --out $maps/edges.png"
  [12mp-opencv]="$canny $maps $big"
  [12mp-thin]="$edgenet scan --model $out/edge.json $big --out $maps/thin.png --thin"
  [12mp-overlay]="$edgenet scan --model $out/orientation.json $big --out $maps/orientation.png --overlay"
  [hd100-edgenet]="$edgenet scan --model $out/edge.json $hd --out-dir $maps/hd-edgenet"
  [hd100-opencv]="$canny $maps/hd-opencv $hd"
)
twelve=(12mp-edgenet 12mp-opencv 12mp-thin 12mp-overlay)
folder=(hd100-edgenet hd100-opencv)
# With AVX-512, the same edgenet commands on the AVX2 kernels too (.NET 10 reads EnableAVX512, older ones EnableAVX512F).
if grep -qw avx512f /proc/cpuinfo; then
  for name in 12mp-edgenet 12mp-thin 12mp-overlay hd100-edgenet; do
    commands[$name-avx2]="env DOTNET_EnableAVX512=0 DOTNET_EnableAVX512F=0 ${commands[$name]}"
  done
  twelve+=(12mp-edgenet-avx2 12mp-thin-avx2 12mp-overlay-avx2)
  folder+=(hd100-edgenet-avx2)
fi

# rounds WORKLOAD COUNT NAME...: COUNT rounds of hyperfine over the NAMEs, the order turned by one each round.
rounds() {
  local workload=$1 count=$2; shift 2
  local names=("$@") n=$#
  for name in "${names[@]}"; do ${commands[$name]} >/dev/null 2>&1; done      # warm the file cache once
  for round in $(seq "$count"); do
    local args=() k
    for k in $(seq 0 $((n - 1))); do
      local name=${names[$(((k + round) % n))]}
      args+=(-n "$name" "/usr/bin/time -f %M -o $runs/$name.$round.kb ${commands[$name]}")
    done
    printf '%s\t%s\t%s\n' "$workload" "$round" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$runs/load.tsv"
    echo "  $workload round $round/$count (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    hyperfine -N --runs 1 --style none --export-json "$runs/$workload.$round.json" "${args[@]}" >/dev/null
  done
}

echo "Timing: ${ROUNDS:-7} rounds of the 12 MP workload, ${ROUNDS_FOLDER:-3} of the folder ..." >&2
rounds 12mp "${ROUNDS:-7}" "${twelve[@]}"
rounds hd100 "${ROUNDS_FOLDER:-3}" "${folder[@]}"

echo "Profiles (--timings) ..." >&2
for name in "${twelve[@]}" "${folder[@]}"; do
  case $name in *opencv*) continue ;; esac
  ${commands[$name]} --timings > "$runs/$name.timings.txt" 2>&1
done

/usr/bin/python3 bench/peers/scan_table.py "$runs" | tee "$out/table.md"
