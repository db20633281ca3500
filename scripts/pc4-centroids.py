#!/usr/bin/env python3
"""Regenerates src/Gem.Core/Atlas/Data/pc4-centroids.csv from the CBS data in ../shared/data
(or datasets/): the area-weighted centroid of each PC4 polygon, with its place and gemeente.
Usage: scripts/pc4-centroids.py [DATA_DIR]   (default: ../shared/data/cbs-geo-population-certegis)"""
import csv, json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'cbs-geo-population-certegis')
shapes = json.load(open(os.path.join(src, 'pc4_2020_simplified.geojson')))
meta = {r['postcode'].zfill(4): r for r in csv.DictReader(open(os.path.join(src, 'postcodes_pc2_pc3_pc4.csv'))) if r['niveau'] == 'PC4'}

def ring(points):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        c = x0 * y1 - x1 * y0
        a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c
    return a / 2, cx, cy

rows = []
for f in shapes['features']:
    pc4, geom = str(f['properties']['postcode']).zfill(4), f['geometry']
    if not geom:
        continue
    polygons = geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]
    A = X = Y = 0.0
    for polygon in polygons:
        for r in polygon:  # holes run the other way round, so they subtract
            a, cx, cy = ring(r)
            A += a; X += cx; Y += cy
    if A == 0:
        continue
    m = meta.get(pc4, {})
    rows.append((pc4, round(Y / (6 * A), 5), round(X / (6 * A), 5), m.get('plaats', ''), m.get('gemeente', '')))

out = os.path.join(os.path.dirname(__file__), '..', 'src', 'Gem.Core', 'Atlas', 'Data', 'pc4-centroids.csv')
with open(out, 'w', newline='') as fh:
    w = csv.writer(fh)
    w.writerow(['pc4', 'lat', 'lon', 'place', 'gemeente'])
    w.writerows(sorted(rows))
print(f'{len(rows)} PC4 areas written to {out}')
