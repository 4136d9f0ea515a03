"""The data package as chapters read it: tables loaded once, validated, and the accessors
that more than one chapter needs (lists, amounts, events with their names and dates, the
maps' boundaries)."""

import functools
import json
from pathlib import Path

import pandas as pd

from . import dates
from .datapackage import paths
from .datapackage.read import descriptor, primary_keys, read_tables
from .datapackage.structure import FRAMEWORK_NODE_TABLES  # noqa: F401  (chapters read the framework's tables)
from .datapackage.validate import already_validated, validate


class BookData:
    """The package's tables as attributes: ``data.cities``, ``data.events``, ..."""

    def __init__(self, tables: dict[str, pd.DataFrame]):
        self._tables = tables

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self._tables[name]
        except KeyError:
            raise AttributeError(f"data/ has no table '{name}'") from None

    @property
    def names(self) -> list[str]:
        return list(self._tables)


@functools.cache
def _load(data_dir: Path, bib: Path) -> BookData:
    # Inside a book build the extension has validated these very inputs before any notebook
    # started; the digest check makes sure nothing changed since.
    if already_validated(data_dir, bib):
        return BookData(read_tables(data_dir))
    return BookData(validate(data_dir, bib))


def load(data_dir: Path | None = None) -> BookData:
    """Validate data/ (raising DataPackageError on any problem) and return its tables."""
    return _load(Path(data_dir or paths.data_dir()).resolve(), paths.bib_path().resolve())


@functools.cache
def _boundaries_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def boundaries(data_dir: Path | None = None) -> dict:
    """The maps' boundaries (data/yrd_boundaries.topojson, validated with the rest of data/) as
    a TopoJSON dict: objects ``cities`` and ``provinces``, for Vega-Lite's data format
    ``{"type": "topojson", "feature": "cities"}``. Each call returns a fresh copy to change at will."""
    data_dir = Path(data_dir or paths.data_dir()).resolve()
    load(data_dir)
    resource = next(r for r in descriptor(data_dir)["resources"] if r["name"] == "boundaries")
    return json.loads(_boundaries_text(data_dir / resource["path"]))


# --- accessors shared by chapters ----------------------------------------------------

def list_items(data: BookData, list_id: str) -> pd.DataFrame:
    """The items of one enumeration of the paper, in the paper's order."""
    return data.list_items[data.list_items.list_id == list_id].sort_values("item_no")


# The paper's hedge on an amount (多, 以上, 超过, 不少于, 预计), kept wherever the amount is shown.
QUALIFIER_TEXT = {"exact": "", "more_than": "more than ", "at_least": "at least ", "expected": "expected "}


def format_value(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def amounts(data: BookData) -> pd.DataFrame:
    """Every amount in the paper's value and unit, with its value in the base unit of the same
    quantity, and both as text with the paper's hedge (``stated``, ``base``)."""
    units = data.units.set_index("unit")
    frame = data.amounts.merge(data.units[["unit", "quantity", "base_unit", "multiplier", "divisor"]], on="unit")
    base = (frame.value * frame.multiplier / frame.divisor).astype(float)
    hedge = frame.qualifier.map(QUALIFIER_TEXT)
    return frame.assign(
        base_value=base, unit_en=frame.unit.map(units.name_en),
        stated=[f"{h}{format_value(v)} {u}" for h, v, u in zip(hedge, frame.value, frame.unit)],
        base=[f"{h}{format_value(b)} {u}" for h, b, u in zip(hedge, base, frame.base_unit)],
    ).drop(columns=["multiplier", "divisor"])


def amount(data: BookData, amount_id: str) -> pd.Series:
    return amounts(data).set_index("amount_id").loc[amount_id]


def with_dates_and_cities(events: pd.DataFrame, data: BookData) -> pd.DataFrame:
    """Events with their dates in words (a range where the paper gives one) and on a time axis
    (at the start), and their docking city's names."""
    cities = data.cities.set_index("city_id")
    return events.assign(
        city_zh=events.docking_city.map(cities.name_zh), city_en=events.docking_city.map(cities.name_en),
        date_en=[dates.english_range(s, e) for s, e in zip(events.date, events.end_date)],
        date_zh=[dates.chinese_range(s, e) for s, e in zip(events.date, events.end_date)],
        when=events.date.map(dates.plot_position),
    )


def event(data: BookData, event_id: str) -> pd.Series:
    return with_dates_and_cities(data.events[data.events.event_id == event_id], data).iloc[0]


# --- the paper's other readings (critical apparatus) ---------------------------------

PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}


def with_reading_b(data: BookData, note_ids: list[str] | None = None) -> BookData:
    """The tables as they would be under reading B of the given notes: each note's value_b
    replaces the value the book uses. With no notes named, every note that gives a value_b and
    where the book follows reading A."""
    notes = data.source_notes
    notes = notes[notes.value_b.notna()]
    notes = notes[notes.note_id.isin(note_ids)] if note_ids is not None else notes[notes.book_uses.eq("a")]
    keys = primary_keys(paths.data_dir())
    tables = {name: getattr(data, name).copy() for name in data.names}
    for note in notes.itertuples():
        frame = tables[note.table]
        row = frame[keys[note.table]].astype(str).agg("/".join, axis=1) == note.row_key
        frame.loc[row, note.field] = note.value_b
        if note.field in ("date", "joined") and "date_precision" in frame.columns:
            frame.loc[row, "date_precision"] = PRECISION_OF_LENGTH[len(note.value_b)]
    return BookData(tables)
