#!/usr/bin/env python3
"""Draws GovBot's Teams icons with the standard library only (zlib + struct).

  color.png   192x192  teal-to-indigo rounded square, white checklist (three ticked rows)
  outline.png  32x32   the same checklist in white on a fully transparent background

Shapes are signed-distance functions; coverage = clamp(0.5 - distance) gives one pixel of
anti-aliasing without supersampling. Both files are 8-bit RGBA, non-interlaced, filter 0
(the format the C# icon tests decode). Run from anywhere: python3 manifest/make-icons.py [OUTPUT_DIR]
(default: this folder; the tests draw into a temp folder and compare with the committed files).
"""
import math
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE


def write_png(path, width, height, pixel):
    """pixel(x, y) -> (r, g, b, a) with 0..255 ints."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter: None
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def coverage(distance):
    return max(0.0, min(1.0, 0.5 - distance))


def sd_round_rect(px, py, cx, cy, half_w, half_h, radius):
    qx = abs(px - cx) - half_w + radius
    qy = abs(py - cy) - half_h + radius
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def sd_segment(px, py, ax, ay, bx, by, radius):
    """Capsule: a line from a to b with round caps, `radius` = half the stroke width."""
    pax, pay, bax, bay = px - ax, py - ay, bx - ax, by - ay
    h = max(0.0, min(1.0, (pax * bax + pay * bay) / (bax * bax + bay * bay)))
    return math.hypot(pax - bax * h, pay - bay * h) - radius


def checklist_distance(px, py, s):
    """Checklist glyph in a 32-unit design grid scaled by s: three rows of tick + line.
    The last row's tick is replaced by an open box (an action still to do)."""
    x, y = px / s, py / s
    d = 1e9
    rows = (8.0, 16.0, 24.0)
    stroke = 1.35
    for i, ry in enumerate(rows):
        if i < 2:
            d = min(d, sd_segment(x, y, 5.0, ry + 0.2, 7.2, ry + 2.0, stroke))
            d = min(d, sd_segment(x, y, 7.2, ry + 2.0, 11.0, ry - 2.2, stroke))
        else:
            box = abs(sd_round_rect(x, y, 8.0, ry, 2.4, 2.4, 0.8)) - stroke * 0.75
            d = min(d, box)
        d = min(d, sd_segment(x, y, 14.5, ry, 27.0 if i != 1 else 23.5, ry, stroke))
    return d * s


def color_icon():
    size = 192
    top = (0x0F, 0x6E, 0x78)     # deep teal
    bottom = (0x2B, 0x2F, 0x7A)  # indigo

    def pixel(ix, iy):
        x, y = ix + 0.5, iy + 0.5
        bg = coverage(sd_round_rect(x, y, 96, 96, 96, 96, 40))
        t = (x + y) / (2 * size)
        base = [top[k] + (bottom[k] - top[k]) * t for k in range(3)]
        # glyph occupies the central ~120 px: scale the 32-unit grid by 4 around the centre
        glyph = coverage(checklist_distance(x - 32, y - 32, 4.0))
        rgb = [round(base[k] + (255 - base[k]) * glyph) for k in range(3)]
        # corners outside the rounded square keep the base colour with alpha 0 (no dark fringes)
        return (rgb[0], rgb[1], rgb[2], round(255 * bg))

    write_png(os.path.join(OUT, "color.png"), size, size, pixel)


def outline_icon():
    def pixel(ix, iy):
        a = coverage(checklist_distance(ix + 0.5, iy + 0.5, 1.0))
        return (255, 255, 255, round(255 * a))  # transparent pixels stay white too: no dark fringes

    write_png(os.path.join(OUT, "outline.png"), 32, 32, pixel)


if __name__ == "__main__":
    color_icon()
    outline_icon()
    print(f"wrote {os.path.join(OUT, 'color.png')} and {os.path.join(OUT, 'outline.png')}")
