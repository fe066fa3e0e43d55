#!/usr/bin/env bash
# Side-by-side benchmark: EdgeNet against the tutorial's NumPy loop, vectorised NumPy and PyTorch CPU, on the
# same data and weights, one thread each; prints the ratio table of issue 4. Usage: bench/compare.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results}"
mkdir -p "$out"

# Peers: Debian's NumPy, PyTorch and OpenBLAS; hyperfine for whole processes. Installed when missing.
missing=()
/usr/bin/python3 -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || missing+=(libopenblas0-pthread)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "Building EdgeNet (benchmarks, Release; CLI, Native AOT) ..." >&2
dotnet build bench/EdgeNet.Benchmarks -c Release -v q -nologo >&2
linker=()
command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
dotnet publish src/EdgeNet.Cli -c Release -r linux-x64 -v q -nologo "${linker[@]}" -o "$out/edgenet-aot" >&2

# Each side runs in ${ROUNDS:-3} separate processes, interleaved (EdgeNet, NumPy, PyTorch, EdgeNet, ...): on a shared
# machine one process can land on a slow placement for its whole life; table.py keeps each workload's middle run.
results="$out/results.jsonl"
: > "$results"
for round in $(seq "${ROUNDS:-3}"); do
  echo "EdgeNet (round $round) ..." >&2
  dotnet bench/EdgeNet.Benchmarks/bin/Release/net10.0/EdgeNet.Benchmarks.dll compare | tee -a "$results" >&2
  echo "NumPy (round $round) ..." >&2
  (cd bench/peers && /usr/bin/python3 numpy_peers.py) | tee -a "$results" >&2
  echo "PyTorch (round $round) ..." >&2
  (cd bench/peers && /usr/bin/python3 torch_peers.py) | tee -a "$results" >&2
done

echo "Whole processes (hyperfine) ..." >&2
hyperfine -N --warmup 3 --runs 20 --export-json "$out/process.json" \
  "$out/edgenet-aot/edgenet train" "/usr/bin/python3 bench/peers/tutorial_tryit.py" >&2

/usr/bin/python3 bench/peers/table.py "$results" "$out/process.json" | tee "$out/table.md"
