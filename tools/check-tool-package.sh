#!/usr/bin/env bash
# Packs the edgenet .NET tool (the pointer package, native linux-x64 and the framework-dependent `any` fallback) into
# a clean folder, installs it offline into a temporary tool path, runs `edgenet train` with it and checks the
# tutorial's result, the native binary and the packages' contents. CI runs it (.ci/run).
# Usage: tools/check-tool-package.sh [--time]   (--time: also time the installed `edgenet train` with hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="$work/nupkg"
tools="$work/tools"
fail() { echo "check-tool-package: $*" >&2; exit 1; }

# Each pack publishes into its own fresh folder (a stale folder's files would be packed too). The pointer package
# (which names the other two) holds no program, so it needs no build of its own.
for rid in linux-x64 any pointer; do
  start=$(date +%s)
  if [ "$rid" = pointer ]; then
    dotnet pack src/EdgeNet.Cli -c Release --no-build -o "$packages" -nologo -v:q
  else
    dotnet pack src/EdgeNet.Cli -c Release -r "$rid" -o "$packages" -p:PublishDir="$work/publish-$rid/" -nologo -v:q
  fi
  echo "dotnet pack ($rid): $(( $(date +%s) - start )) s"
done
ls -l "$packages"
[ "$(ls "$packages" | wc -l)" -eq 3 ] || fail "expected 3 packages in $packages"

# The native package holds the program and the native libraries it loads, no symbols or docs.
native=$(ls "$packages"/*linux-x64*.nupkg)
contents=$(unzip -Z1 "$native")
echo "$contents" | grep -q '/edgenet$' || fail "no native edgenet in $native"
if echo "$contents" | grep -E '^tools/.*\.(dbg|pdb)$|^tools/.*/(EdgeNet|edgenet)[^/]*\.xml$'; then fail "symbols or docs packed in $native"; fi

dotnet tool install --tool-path "$tools" --source "$packages" EdgeNet.Cli
binary=$(find "$tools/.store" -name edgenet -type f)
head -c 4 "$binary" | grep -q 'ELF' || fail "the installed edgenet is not the native linux-x64 binary: $binary"
echo "installed: $binary ($(( $(stat -c %s "$binary") / 1024 / 1024 )) MB, native)"

out=$("$tools/edgenet" train)
echo "$out" | tail -2
echo "$out" | grep -q "Test Accuracy: 20/20 = 100.0%" || fail "edgenet train did not reach 20/20"

if [ "${1:-}" = "--time" ]; then
  hyperfine --warmup 3 --runs 20 -N "$tools/edgenet train"
fi
