"""Draws the scan benchmark's photos with OpenCV (never downloaded): a 12-megapixel JPEG (4000x3000) and a folder
of 1920x1080 JPEGs, seeded. Each is a photo-like scene: a lit gradient, overlapping shapes in colour (rectangles,
discs, polygons, lines), a soft blur, sensor noise, JPEG quality 90.

Usage: make_photos.py OUT_DIR [COUNT]  ->  OUT_DIR/photo-12mp.jpg and OUT_DIR/hd/0000.jpg ... (COUNT, default 100)
"""
import os
import sys

import cv2
import numpy as np


def scene(width, height, seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    a, b, c = rng.uniform(60, 200, 3)
    image = np.empty((height, width, 3), np.float32)
    for k, base in enumerate((a, b, c)):
        image[..., k] = base + 40 * (x / width) - 30 * (y / height)
    scale = width / 1920
    for _ in range(int(60 + 40 * scale)):
        colour = tuple(float(v) for v in rng.uniform(0, 255, 3))
        kind = rng.integers(4)
        cx, cy = int(rng.uniform(0, width)), int(rng.uniform(0, height))
        size = int(rng.uniform(20, 300) * scale)
        if kind == 0:
            cv2.rectangle(image, (cx, cy), (cx + size, cy + int(size * rng.uniform(0.3, 1.5))), colour, -1)
        elif kind == 1:
            cv2.circle(image, (cx, cy), size // 2, colour, -1, lineType=cv2.LINE_AA)
        elif kind == 2:
            points = np.array([[cx + rng.uniform(-size, size), cy + rng.uniform(-size, size)] for _ in range(5)], np.int32)
            cv2.fillPoly(image, [points], colour, lineType=cv2.LINE_AA)
        else:
            cv2.line(image, (cx, cy), (cx + size, cy + int(rng.uniform(-size, size))), colour, max(1, int(3 * scale)), cv2.LINE_AA)
    image = cv2.GaussianBlur(image, (0, 0), 0.8 * scale)
    image += rng.normal(0, 4, image.shape).astype(np.float32)
    return np.clip(image, 0, 255).astype(np.uint8)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    os.makedirs(os.path.join(out, "hd"), exist_ok=True)
    big = os.path.join(out, "photo-12mp.jpg")
    if not os.path.exists(big):
        cv2.imwrite(big, scene(4000, 3000, 12), [cv2.IMWRITE_JPEG_QUALITY, 90])
    for i in range(count):
        path = os.path.join(out, "hd", f"{i:04d}.jpg")
        if not os.path.exists(path):
            cv2.imwrite(path, scene(1920, 1080, 1000 + i), [cv2.IMWRITE_JPEG_QUALITY, 90])


if __name__ == "__main__":
    main()
