"""OpenCV's Canny pipeline as a user would run it, one process for all files: imread gray -> Canny(100, 200) ->
imwrite PNG. The peer of `edgenet scan` in bench/scan-compare.sh. OpenCV uses every core it finds.

Usage: opencv_canny.py OUT_DIR PATH...   (a folder PATH means its .jpg/.jpeg/.png files)  ->  OUT_DIR/NAME.canny.png
"""
import os
import sys

import cv2


def photos(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.lower().endswith((".jpg", ".jpeg", ".png")):
                    yield os.path.join(path, name)
        else:
            yield path


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in photos(sys.argv[2:]):
        gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        if gray is None:
            print(f"opencv_canny: cannot read {path}", file=sys.stderr)
            continue
        edges = cv2.Canny(gray, 100, 200)
        cv2.imwrite(os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".canny.png"), edges)


if __name__ == "__main__":
    main()
