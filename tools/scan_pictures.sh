#!/usr/bin/env bash
# Draws the pictures of docs/scan.md: a seeded photo-like scene (bench/peers/make_photos.py), the network's map,
# its thinned map, and OpenCV's Canny on the same picture; and a folder scan of three such scenes.
# Usage: tools/scan_pictures.sh [edgenet-binary]   (default: dotnet run of src/EdgeNet.Cli). Needs python3-opencv.
set -euo pipefail
cd "$(dirname "$0")/.."
edgenet=(${1:-dotnet run --project src/EdgeNet.Cli -c Release --})
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
images=docs/images

/usr/bin/python3 - "$work" <<'PY'
import sys, os, cv2
sys.path.insert(0, "bench/peers")
from make_photos import scene
out = sys.argv[1]
os.makedirs(os.path.join(out, "folder"), exist_ok=True)
cv2.imwrite(os.path.join(out, "photo.png"), scene(480, 320, 7))
for i, seed in enumerate((21, 22, 23)):
    cv2.imwrite(os.path.join(out, "folder", f"holiday-{i + 1}.jpg"), scene(480, 320, seed), [cv2.IMWRITE_JPEG_QUALITY, 90])
gray = cv2.imread(os.path.join(out, "photo.png"), cv2.IMREAD_GRAYSCALE)
cv2.imwrite(os.path.join(out, "canny.png"), cv2.Canny(gray, 100, 200))
PY

"${edgenet[@]}" train --dataset varied --save "$work/edge.json" --log-every 0 >/dev/null
"${edgenet[@]}" train --dataset varied --task orientation --save "$work/orientation.json" --log-every 0 >/dev/null
"${edgenet[@]}" scan --model "$work/orientation.json" "$work/photo.png" --out "$work/orientation.png" --probability
"${edgenet[@]}" scan --model "$work/orientation.json" "$work/photo.png" --out "$work/orientation-thin.png" --thin --probability
"${edgenet[@]}" scan --model "$work/edge.json" "$work/photo.png" --out "$work/edge-thin.png" --thin --threshold 0.5
"${edgenet[@]}" scan --model "$work/orientation.json" "$work/folder" --out-dir "$work/maps" --thin > "$work/folder.txt"

cp "$work/photo.png" "$images/scan-photo.png"
cp "$work/orientation.probability.png" "$images/scan-photo-network.png"
cp "$work/orientation-thin.probability.png" "$images/scan-photo-thin.png"
cp "$work/orientation-thin.png" "$images/scan-photo-thin-colours.png"
cp "$work/edge-thin.png" "$images/scan-photo-edge-thin.png"
cp "$work/canny.png" "$images/scan-photo-canny.png"
cp "$work/folder/holiday-2.jpg" "$images/scan-folder-photo.jpg"
cp "$work/maps/holiday-2.edges.png" "$images/scan-folder-edges.png"
sed "s|$work|/tmp|g" "$work/folder.txt"
