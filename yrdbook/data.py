"""The data package as chapters read it: tables loaded once, validated, and the accessors
that more than one chapter needs (lists, amounts, events with their names and dates)."""

import functools
from pathlib import Path

import pandas as pd

from . import dates
from .datapackage import paths
from .datapackage.read import read_tables
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


# --- accessors shared by chapters ----------------------------------------------------

def list_items(data: BookData, list_id: str) -> pd.DataFrame:
    """The items of one enumeration of the paper, in the paper's order."""
    return data.list_items[data.list_items.list_id == list_id].sort_values("item_no")


def amounts(data: BookData) -> pd.DataFrame:
    """Every amount in the paper's value and unit, with its value in the base unit of the same quantity."""
    units = data.units.set_index("unit")
    frame = data.amounts.merge(data.units[["unit", "quantity", "base_unit", "multiplier", "divisor"]], on="unit")
    base = frame.value * frame.multiplier / frame.divisor
    return frame.assign(base_value=base.astype(float),
                        unit_en=frame.unit.map(units.name_en)).drop(columns=["multiplier", "divisor"])


def amount(data: BookData, amount_id: str) -> pd.Series:
    return amounts(data).set_index("amount_id").loc[amount_id]


def with_dates_and_cities(events: pd.DataFrame, data: BookData) -> pd.DataFrame:
    """Events with their dates in words and on a time axis, and their docking city's names."""
    cities = data.cities.set_index("city_id")
    return events.assign(
        city_zh=events.docking_city.map(cities.name_zh), city_en=events.docking_city.map(cities.name_en),
        date_en=events.date.map(dates.english), date_zh=events.date.map(dates.chinese),
        when=events.date.map(dates.plot_position),
    )


def event(data: BookData, event_id: str) -> pd.Series:
    return with_dates_and_cities(data.events[data.events.event_id == event_id], data).iloc[0]
