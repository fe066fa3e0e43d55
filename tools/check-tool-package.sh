#!/usr/bin/env bash
# Packs the edgenet .NET tool (native linux-x64 + framework-dependent fallback) into a clean folder, installs it into
# a temporary tool path, offline, and runs `edgenet train` with it. Usage: tools/check-tool-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="$work/nupkg"
tools="$work/tools"

# Each pack publishes into its own fresh folder (a stale folder's .dbg files would be packed).
for rid in "" linux-x64 any; do
  dotnet pack src/EdgeNet.Cli -c Release ${rid:+-r "$rid"} -o "$packages" \
    -p:PublishDir="$work/publish-${rid:-pointer}/" -nologo -v:q
done
ls "$packages"

dotnet tool install --tool-path "$tools" --source "$packages" EdgeNet.Cli
if command -v file > /dev/null; then find "$tools/.store" -name edgenet -type f -exec file {} + | sed 's/, BuildID.*//'; fi

out=$("$tools/edgenet" train)
echo "$out" | tail -3
echo "$out" | grep -q "Test Accuracy: 20/20 = 100.0%"
start=$(date +%s%N)
"$tools/edgenet" train > /dev/null
echo "installed edgenet train: $(( ($(date +%s%N) - start) / 1000000 )) ms"
