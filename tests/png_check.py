#!/usr/bin/env python3
"""png_check.py PNG MIN_SHARE [COLOUR] — is a screenshot not blank?

Decodes the PNG with zlib (8-bit RGB or RGBA, non-interlaced, as Chromium
writes them) and counts the pixels that are not white.  Fails when fewer
than MIN_SHARE (a fraction) of the pixels are not white, or, with COLOUR
(#rrggbb), when no pixel has that colour (within 12 per channel): the bars
were drawn, not only the text."""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
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
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    path, min_share = sys.argv[1], float(sys.argv[2])
    colour = sys.argv[3] if len(sys.argv) > 3 else None
    width, height, bpp, rows = decode(path)
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) if colour else None
    nonwhite = found = 0
    for line in rows:
        for x in range(0, len(line), bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 245 or g < 245 or b < 245:
                nonwhite += 1
                if want and abs(r - want[0]) <= 12 and abs(g - want[1]) <= 12 and abs(b - want[2]) <= 12:
                    found += 1
    share = nonwhite / float(width * height)
    print("%s: %dx%d, %.2f %% not white%s" % (path, width, height, 100 * share,
                                              ", %d pixels of %s" % (found, colour) if colour else ""))
    if share < min_share:
        print("%s: blank (%.3f %% < %.3f %%)" % (path, 100 * share, 100 * min_share))
        return 1
    if want and found < 100:
        print("%s: no bar of colour %s" % (path, colour))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
