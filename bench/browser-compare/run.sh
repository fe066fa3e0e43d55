#!/usr/bin/env bash
# bench/browser-compare: EdgeNet's WebAssembly engine in a Web Worker (the static playground's) beside ConvNetJS 0.3.0 in
# one Chromium run: ns per training step at batch 1 and 64 on the same 25→8→2 network, patches and initial weights;
# time from navigation to the playground's first frame; bytes transferred, plain and precompressed. Not part of
# `dotnet test`. Needs Node.js and npm (installs ConvNetJS and playwright-core here, from package-lock.json) and
# Debian's Chromium (or EDGENET_CHROMIUM). Prints Markdown.
#   bash bench/browser-compare/run.sh [SITE]     SITE: a folder `edgenet playground --export` wrote (else built here)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --silent
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  cp -r "$1" "$work/site"
else
  dotnet run -c Release -p:EdgeNetPlaygroundSite=true --project "$repo/src/EdgeNet.Cli" -- playground --export "$work/site" > /dev/null
fi
cp page/* node_modules/convnetjs/build/convnet.js "$work/site/"
node compare.mjs "$work/site"
