"""The maps' boundaries, data/yrd_boundaries.topojson: what the book relies on, and corrupted
copies rejected with one clear problem each (file, feature, field, reason)."""

import hashlib
import json
from collections import Counter

import pytest

from yrdbook import data
from yrdbook.build.execution import input_fingerprint
from yrdbook.datapackage import files, paths
from yrdbook.datapackage.problems import DataPackageError
from yrdbook.datapackage.validate import validate

FILE = "yrd_boundaries.topojson"
SIZE_LIMIT = 250_000  # bytes: the book serves the file and embeds it in its maps


@pytest.fixture(scope="module")
def topology() -> dict:
    return data.boundaries()


def features(topology: dict, name: str) -> list[dict]:
    return topology["objects"][name]["geometries"]


def test_the_file_is_there_and_small():
    assert 0 < (paths.data_dir() / FILE).stat().st_size <= SIZE_LIMIT


def test_every_prefecture_level_unit_of_the_four_provinces_and_the_provinces(topology):
    cities = features(topology, "cities")
    assert Counter(f["properties"]["province_id"] for f in cities) == {"SH": 1, "JS": 13, "ZJ": 11, "AH": 16}
    assert sorted(f["properties"]["province_id"] for f in features(topology, "provinces")) == ["AH", "JS", "SH", "ZJ"]
    assert len({f["properties"]["adcode"] for f in cities}) == 41


def test_every_member_city_has_exactly_one_polygon(topology, book):
    members = book.cities[book.cities.admin_level.isin(["municipality", "prefecture"])]
    polygons = Counter(f["properties"]["city_id"] for f in features(topology, "cities"))
    assert all(polygons[city_id] == 1 for city_id in members.city_id)
    names = {f["properties"]["city_id"]: f["properties"]["name_zh"] for f in features(topology, "cities")}
    assert names["jiaxing"] == "嘉兴市" and names["shanghai"] == "上海市"
    assert polygons[None] == 41 - len(members)  # the cities the book's data does not list


def test_province_outlines_are_made_of_the_cities_borders(topology):
    def arcs(name):
        return {ref if ref >= 0 else ~ref for feature in features(topology, name) for ref in _flatten(feature["arcs"])}
    assert arcs("provinces") <= arcs("cities") == set(range(len(topology["arcs"])))


def _flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def _signed_area(ring: list[int], arcs: list) -> float:
    """Twice the area of a ring of arc references, positive when anticlockwise (x east, y north)."""
    points = []
    for ref in ring:
        x = y = 0
        line = []
        for dx, dy in arcs[ref if ref >= 0 else ~ref]:
            x, y = x + dx, y + dy
            line.append((x, y))
        points += line if ref >= 0 else line[::-1]
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:]))


def test_rings_wind_as_d3_draws_them(topology):
    # d3 (Vega-Lite's geoshape) takes an anticlockwise exterior for the whole sphere but that ring.
    for name in ("cities", "provinces"):
        for feature in features(topology, name):
            polygons = feature["arcs"] if feature["type"] == "MultiPolygon" else [feature["arcs"]]
            for exterior, *holes in polygons:
                assert _signed_area(exterior, topology["arcs"]) < 0, feature["properties"]["name_zh"]
                assert all(_signed_area(hole, topology["arcs"]) > 0 for hole in holes), feature["properties"]["name_zh"]


def test_the_book_serves_the_file_and_rebuilds_when_it_changes(monkeypatch, data_copy):
    assert FILE in files.servable()
    monkeypatch.setenv("YRD_DATA_DIR", str(data_copy))
    before = input_fingerprint()
    (data_copy / FILE).write_text("{}", encoding="utf-8")
    assert input_fingerprint() != before


def test_each_call_gets_its_own_copy():
    first = data.boundaries()
    first["objects"].clear()
    assert data.boundaries()["objects"]


# --- corrupted copies ------------------------------------------------------------------

def rederived(edit):
    """A change to the topology as if ./tasks.sh boundaries had made it: the record follows."""
    def apply(copy):
        path = copy / FILE
        topology = edit(json.loads(path.read_text(encoding="utf-8")))
        write(path, json.dumps(topology, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", record=True)
    return apply


def edited_by_hand(text_edit):
    """A change to the file that leaves datapackage.json's record as it was."""
    def apply(copy):
        path = copy / FILE
        path.write_text(text_edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return apply


def write(path, text, record):
    path.write_text(text, encoding="utf-8")
    if record:
        package_path = path.parent / "datapackage.json"
        package = json.loads(package_path.read_text(encoding="utf-8"))
        resource = next(r for r in package["resources"] if r["name"] == "boundaries")
        resource["derivation"]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def city(topology, name_zh) -> dict:
    return next(f for f in features(topology, "cities") if f["properties"]["name_zh"] == name_zh)


def without_city(topology, name_zh):
    features(topology, "cities").remove(city(topology, name_zh))
    return topology


def with_city_twice(topology, name_zh):
    features(topology, "cities").append(json.loads(json.dumps(city(topology, name_zh))))
    return topology


def with_property(topology, name_zh, field, value):
    city(topology, name_zh)["properties"][field] = value
    return topology


def without_property(topology, name_zh, field):
    del city(topology, name_zh)["properties"][field]
    return topology


def append_city_row(copy):
    with (copy / "cities.csv").open("a", encoding="utf-8") as table:
        table.write("bengbu,蚌埠,Bengbu,AH,prefecture,,117.39,32.92,I.2,source_paper\n")


# (id, corruption, substrings of the one problem)
CORRUPTIONS = [
    ("missing-city", rederived(lambda t: without_city(t, "嘉兴市")),
     ["data/yrd_boundaries.topojson", "field 'city_id'", "no feature of 'cities' has the city_id 'jiaxing'",
      "cities.csv row 8", "./tasks.sh boundaries"]),
    ("duplicated-city", rederived(lambda t: with_city_twice(t, "合肥市")),
     ["data/yrd_boundaries.topojson", "feature cities #42 合肥市", "field 'city_id'", "'hefei' already has a polygon"]),
    ("bad-province-id", rederived(lambda t: with_property(t, "嘉兴市", "province_id", "XX")),
     ["data/yrd_boundaries.topojson", "feature cities #", "嘉兴市", "field 'province_id'",
      "refers to 'XX', which is not a province_id of provinces.csv"]),
    ("unknown-city-id", rederived(lambda t: with_property(t, "蚌埠市", "city_id", "bengbu")),
     ["feature cities #", "蚌埠市", "field 'city_id'", "refers to 'bengbu', which is not a city_id of cities.csv"]),
    ("county-as-city", rederived(lambda t: with_property(t, "蚌埠市", "city_id", "haimen")),
     ["蚌埠市", "field 'city_id'", "'haimen' is a county in cities.csv"]),
    ("wrong-name", rederived(lambda t: with_property(t, "嘉兴市", "name_zh", "湖州市")),
     ["feature cities #", "field 'name_zh'", "not the name of 'jiaxing'"]),
    ("missing-property", rederived(lambda t: without_property(t, "嘉兴市", "label_lat")),
     ["feature cities #", "嘉兴市", "field 'label_lat'", "is missing"]),
    ("label-not-a-number", rederived(lambda t: with_property(t, "嘉兴市", "label_lon", "120.7")),
     ["嘉兴市", "field 'label_lon'", "value '120.7' is not a number"]),
    ("missing-object", rederived(lambda t: {**t, "objects": {"cities": t["objects"]["cities"]}}),
     ["data/yrd_boundaries.topojson", "has no object 'provinces'"]),
    ("changed-file", edited_by_hand(lambda text: text.replace('"label_lat":30.62,', '"label_lat":30.63,', 1)),
     ["data/yrd_boundaries.topojson", "has sha256", "datapackage.json records", "re-run ./tasks.sh boundaries"]),
    ("invalid-json", edited_by_hand(lambda text: text[: len(text) // 2]),
     ["data/yrd_boundaries.topojson", "cannot be read as JSON"]),
    ("city-added-to-cities-csv", append_city_row,
     ["data/yrd_boundaries.topojson", "no feature of 'cities' has the city_id 'bengbu'", "cities.csv row 40"]),
]


@pytest.mark.parametrize("name, corrupt, expected", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_boundaries_give_one_clear_problem(data_copy, name, corrupt, expected):
    corrupt(data_copy)
    with pytest.raises(DataPackageError) as caught:
        validate(data_copy, data_copy.parent / "references.bib")
    problems = caught.value.problems
    assert len(problems) == 1, f"{name}: expected one problem, got:\n{caught.value}"
    for text in expected:
        assert text in str(problems[0]), f"{name}: expected {text!r} in {problems[0]}"


def test_a_missing_boundary_file_is_named(data_copy):
    (data_copy / FILE).unlink()
    with pytest.raises(DataPackageError, match=r"data/yrd_boundaries\.topojson: file is missing"):
        validate(data_copy, data_copy.parent / "references.bib")
