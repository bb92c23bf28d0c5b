"""Build the web app's bundled world outline from Natural Earth shapes shipped in a PyPI wheel.

    .venv/bin/python scripts/vendor_assets.py                 # pip-downloads geopandas 0.14.4 (no install)
    .venv/bin/python scripts/vendor_assets.py --wheel PATH    # or use a wheel already on disk

Writes ``src/livebrief/web/static/world.json``; ``livebrief.web.geo`` reads it at run time, so the
web app never fetches map data or tiles. The source is Natural Earth's 1:110m "Admin 0 – Countries"
(public domain, https://www.naturalearthdata.com/about/terms-of-use/) as geopandas 0.14.4 shipped it
in ``geopandas/datasets/naturalearth_lowres`` (later versions dropped it). The shapefile is read with
the small reader below (no pyshp or GDAL), each ring simplified with Douglas–Peucker and rounded to
0.1°, and rings smaller than about a city are dropped: a coarse outline that stays under 100 KB.
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "livebrief" / "web" / "static" / "world.json"
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.15     # degrees: Douglas–Peucker tolerance
MIN_AREA = 0.05      # square degrees: smaller rings (tiny islands) are dropped


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Rings of each record of a polygon shapefile, in file order."""
    shapes: list[list[list[tuple[float, float]]]] = []
    pos = 100
    while pos < len(shp):
        _, words = struct.unpack(">ii", shp[pos:pos + 8])
        content = shp[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        kind = struct.unpack("<i", content[:4])[0]
        if kind == 0:
            shapes.append([])
            continue
        if kind not in (5, 15, 25):
            raise ValueError(f"shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        points = [struct.unpack("<dd", content[base + 16 * i:base + 16 * i + 16]) for i in range(n_points)]
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    """Records of a dBase III table as strings."""
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for r in range(n_records):
        start = header_len + r * record_len + 1  # first byte is the deletion flag
        row, offset = {}, start
        for name, length in fields:
            row[name] = dbf[offset:offset + length].decode("utf-8", "replace").strip()
            offset += length
        rows.append(row)
    return rows


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative so long rings cannot exhaust the stack."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            dist = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if dist > best:
                best, index = dist, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def outline(shp: bytes, dbf: bytes) -> dict:
    countries = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf)):
        kept = []
        for ring in rings:
            if area(ring) < MIN_AREA:
                continue
            small = [(round(x, 1), round(y, 1)) for x, y in simplify(ring, TOLERANCE)]
            small = [p for i, p in enumerate(small) if i == 0 or p != small[i - 1]]
            if len(small) >= 4:
                kept.append([c for p in small for c in p])
        if kept:
            countries.append({"name": row.get("name", ""), "iso": row.get("iso_a3", ""), "rings": kept})
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), from geopandas 0.14.4 "
                  "naturalearth_lowres; simplified by scripts/vendor_assets.py",
        "format": "rings are flat [lon, lat, lon, lat, ...] lists in degrees",
        "countries": countries,
    }


def wheel_path(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    folder = Path(tempfile.mkdtemp(prefix="livebrief-vendor-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), WHEEL], check=True)
    return next(folder.glob("geopandas-*.whl"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="a geopandas 0.14.x wheel already on disk")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    with zipfile.ZipFile(wheel_path(args.wheel)) as wheel:
        shp = wheel.read(MEMBER + ".shp")
        dbf = wheel.read(MEMBER + ".dbf")
    data = outline(shp, dbf)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in data["countries"] for r in c["rings"])
    print(f"wrote {args.out}: {len(data['countries'])} countries, {points} points, {len(text) // 1024} KB",
          file=sys.stderr)


if __name__ == "__main__":
    main()
