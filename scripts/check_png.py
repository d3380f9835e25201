#!/usr/bin/env python3
"""Check a screenshot of the game: not blank, and each tier colour is drawn.

Usage: check_png.py FILE.png
The game's sidecar (FILE.json) gives the tier nodes' positions and the tier colours; without
one, the course's colours are used and the positions are not checked.
Pure standard library (zlib): decodes 8-bit RGB/RGBA PNGs as Bevy writes them.
"""
import struct
import sys
import zlib

NAMES = ["Cloud", "Edge", "Mobile", "Tiny"]
# The game's tier colours (src/theme.rs TIER_HEX), for a PNG with no sidecar.
TIERS = {"Cloud": (0x71, 0x61, 0xFF), "Edge": (0xA2, 0x2C, 0x2B),
         "Mobile": (0xC9, 0x58, 0x0A), "Tiny": (0x01, 0x91, 0x59)}


def sidecar(path):
    import json
    import os
    side = os.path.splitext(path)[0] + ".json"
    return json.load(open(side)) if os.path.exists(side) else None


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise SystemExit(f"{path}: unsupported PNG (depth {depth}, type {ctype})")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def check_nodes(path, w, h, bpp, rows):
    """With the game's sidecar (PNG path with .json), each tier node's centre must show its
    tier colour."""
    meta = sidecar(path)
    if meta is None:
        return []
    problems = []
    for (name, rgb), (x, y) in zip(TIERS.items(), meta["tier_nodes"]):
        hits, total = 0, 0
        for dy in range(-8, 9, 2):
            for dx in range(-8, 9, 2):
                px, py = int(x) + dx, int(y) + dy
                if 0 <= px < w and 0 <= py < h:
                    total += 1
                    p = rows[py][px * bpp:px * bpp + 3]
                    if abs(p[0] - rgb[0]) + abs(p[1] - rgb[1]) + abs(p[2] - rgb[2]) <= 30:
                        hits += 1
        if total == 0 or hits < total // 2:
            problems.append(f"tier node {name} at ({x:.0f}, {y:.0f}) is not {rgb} ({hits}/{total} samples)")
    return problems


def main():
    global TIERS
    path = sys.argv[1]
    meta = sidecar(path)
    if meta is not None:
        TIERS = dict(zip(NAMES, (hex_rgb(c) for c in meta["tier_colors"])))
    w, h, bpp, rows = decode(path)
    counts, distinct = {k: 0 for k in TIERS}, set()
    for y in range(0, h, 2):
        row = rows[y]
        for x in range(0, w, 2):
            px = tuple(row[x * bpp:x * bpp + 3])
            distinct.add(px)
            for name, (r, g, b) in TIERS.items():
                if abs(px[0] - r) + abs(px[1] - g) + abs(px[2] - b) <= 24:
                    counts[name] += 1
    problems = []
    if len(distinct) < 16:
        problems.append(f"looks blank: only {len(distinct)} distinct colours")
    for name, n in counts.items():
        if n < 50:
            problems.append(f"tier colour {name} {TIERS[name]} barely present ({n} samples)")
    problems += check_nodes(path, w, h, bpp, rows)
    print(f"{path}: {w}x{h}, {len(distinct)} colours, tier samples {counts}")
    if problems:
        raise SystemExit("; ".join(problems))


if __name__ == "__main__":
    main()
