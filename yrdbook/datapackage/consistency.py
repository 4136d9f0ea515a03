"""Cross-table checks: counts the paper states must equal the counts the member lists give,
stated values must follow from the paper's words, and every reference to a row must find it."""

import re

import pandas as pd

from . import quotes
from .problems import Problem
from .structure import FRAMEWORK_NODE_TABLES


def _sortable(date: str) -> str:
    """A partial ISO date padded so that dates compare in time order ('1997' before '1997-05')."""
    return (str(date) + "-00-00")[:10]


def _line(frame: pd.DataFrame, index) -> int:
    return int(frame.index.get_loc(index)) + 2  # header is line 1


def check_stated_counts(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems: list[Problem] = []
    groups, members, cities, events = (tables[n] for n in ("groupings", "memberships", "cities", "events"))
    with_province = members.merge(cities[["city_id", "province_id"]], on="city_id", how="left")
    admin_kind = tables["provinces"].set_index("province_id")["admin_kind"]

    for index, group in groups.iterrows():
        listed = with_province[with_province.group_id == group.group_id]
        if pd.notna(group.stated_city_count) and len(listed) != group.stated_city_count:
            problems.append(Problem("data/groupings.csv", _line(groups, index), "stated_city_count",
                f"the paper states {int(group.stated_city_count)} cities for '{group.group_id}', "
                f"but memberships.csv lists {len(listed)}"))
        kinds = listed.province_id.drop_duplicates().map(admin_kind).value_counts()
        for column, kind in (("stated_provinces", "province"), ("stated_municipalities", "municipality")):
            if pd.notna(group[column]) and kinds.get(kind, 0) != group[column]:
                problems.append(Problem("data/groupings.csv", _line(groups, index), column,
                    f"the paper states {int(group[column])} {kind}(s) for '{group.group_id}', "
                    f"but its members lie in {kinds.get(kind, 0)}"))

    # A body's size after an admission is everyone admitted by events up to that date.
    when = events.set_index("event_id").date.map(_sortable)
    for index, event in events[events.stated_member_count.notna()].iterrows():
        admitted = members[members.group_id == event.group_id]
        count = int((admitted.event_id.map(when) <= _sortable(event.date)).sum())
        if count != event.stated_member_count:
            problems.append(Problem("data/events.csv", _line(events, index), "stated_member_count",
                f"the paper states {int(event.stated_member_count)} members after '{event.event_id}', "
                f"but memberships.csv admits {count} by then"))
    return problems


def check_lists(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A complete list has as many items as the paper says; an 'examples' list has fewer."""
    problems = []
    lists, items = tables["lists"], tables["list_items"]
    counts = items.groupby("list_id").size()
    for index, row in lists.iterrows():
        n = int(counts.get(row.list_id, 0))
        if n == 0:
            problems.append(Problem("data/lists.csv", _line(lists, index), "list_id",
                                    f"list '{row.list_id}' has no items in list_items.csv"))
        elif pd.notna(row.stated_count):
            if row.completeness == "all" and n != row.stated_count:
                problems.append(Problem("data/lists.csv", _line(lists, index), "stated_count",
                    f"the paper states {int(row.stated_count)} items for '{row.list_id}', but list_items.csv has {n}"))
            if row.completeness == "examples" and n >= row.stated_count:
                problems.append(Problem("data/lists.csv", _line(lists, index), "completeness",
                    f"'{row.list_id}' is marked as examples but lists all {n} of {int(row.stated_count)} items"))
    return problems


def check_framework(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every arrow of the framework joins two known nodes; every codebook rule reads a real field."""
    problems = []
    nodes = set()
    for table, key in FRAMEWORK_NODE_TABLES.items():
        nodes |= set(tables[table][key])
    edges = tables["framework_edges"]
    for index, edge in edges.iterrows():
        for column in ("from_id", "to_id"):
            if edge[column] not in nodes:
                problems.append(Problem("data/framework_edges.csv", _line(edges, index), column,
                    f"'{edge[column]}' is not an id of {', '.join(FRAMEWORK_NODE_TABLES)}"))
    codebook = tables["driver_codebook"]
    for index, rule in codebook.iterrows():
        if rule.field not in tables["events"].columns:
            problems.append(Problem("data/driver_codebook.csv", _line(codebook, index), "field",
                                    f"events.csv has no column '{rule.field}'"))
    return problems


def check_responsibilities(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """A lead leader is a person; every other role is filled by an organisation, never both."""
    problems = []
    duties = tables["responsibilities"]
    for index, duty in duties.iterrows():
        wants_person = duty.role == "lead_leader"
        has_person, has_org = pd.notna(duty.person_id), pd.notna(duty.org_id)
        if has_person == has_org or has_person != wants_person:
            expected = "person_id" if wants_person else "org_id"
            problems.append(Problem("data/responsibilities.csv", _line(duties, index), expected,
                f"role '{duty.role}' needs exactly one {expected} and no {'org_id' if wants_person else 'person_id'}"))
    return problems


def check_dimension_links(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    links = tables["dimension_links"]
    targets = {"mechanism": set(tables["mechanisms"].mechanism_id), "driver": set(tables["drivers"].driver_id)}
    items = tables["list_items"]
    dimensions = set(items[items.list_id == "integration_dimensions"].item_no)
    for index, link in links.iterrows():
        if link.target_id not in targets[link.target_kind]:
            problems.append(Problem("data/dimension_links.csv", _line(links, index), "target_id",
                                    f"'{link.target_id}' is not a {link.target_kind} id"))
        if link.item_no not in dimensions:
            problems.append(Problem("data/dimension_links.csv", _line(links, index), "item_no",
                                    f"integration_dimensions has no item {link.item_no}"))
    return problems


def check_sections(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every section a fact row cites is a section of the paper."""
    known = set(tables["paper_sections"].section_id)
    problems = []
    for name, frame in tables.items():
        if "section" not in frame.columns:
            continue
        for index, value in frame.section.items():
            if value not in known:
                problems.append(Problem(f"data/{name}.csv", _line(frame, index), "section",
                                        f"'{value}' is not a section listed in paper_sections.csv"))
    return problems


def row_index(frame: pd.DataFrame, key: list[str]) -> dict[str, int]:
    """A table's rows by their key as quotes and notes write it (composite keys joined by '/')."""
    joined = frame[key].astype(str).agg("/".join, axis=1)
    return {value: position for position, value in enumerate(joined)}


DATE_FIELDS = {"date": "date", "joined": "date", "end_date": "end_date"}


def check_quotes(tables: dict[str, pd.DataFrame], keys: dict[str, list[str]]) -> list[Problem]:
    """Every quote points at a stated value, and the value follows from the quote."""
    problems = []
    rows = tables["quotes"]
    for index, quote in rows.iterrows():
        where = ("data/quotes.csv", _line(rows, index))
        target, missing = _locate(tables, keys, quote.table, quote.row_key, quote.field)
        if missing:
            problems.append(Problem(*where, "row_key" if "row" in missing else "field", missing))
            continue
        if pd.isna(target):
            problems.append(Problem(*where, "field", f"{quote.table}.csv row '{quote.row_key}' has no {quote.field}"))
            continue
        kind = DATE_FIELDS.get(quote.field, "number")
        if not quotes.states(quote.quote_zh, target, kind):
            problems.append(Problem(*where, "quote_zh",
                                    f"'{quote.quote_zh}' does not state the value '{target}' of {quote.table}.csv "
                                    f"row '{quote.row_key}', field '{quote.field}'"))
    return problems


def _locate(tables, keys, table: str, row_key: str, field: str) -> tuple[object, str | None]:
    """(the value at table, row key, field; None) or (None, why it cannot be found)."""
    if table not in tables:
        return None, f"'{table}' is not a table of the package"
    frame = tables[table]
    position = row_index(frame, keys[table]).get(str(row_key))
    if position is None:
        return None, f"{table}.csv has no row '{row_key}'"
    if field not in frame.columns:
        return None, f"{table}.csv has no field '{field}'"
    return frame[field].iloc[position], None


LOCATION = re.compile(r"(page|fig|tbl|data|note):([^\s;]+)")


def check_claims(tables: dict[str, pd.DataFrame], keys: dict[str, list[str]]) -> list[Problem]:
    """A claim is carried somewhere or excused; a data row or note it names exists."""
    problems = []
    claims, notes = tables["claims"], set(tables["source_notes"].note_id)
    for index, claim in claims.iterrows():
        where = ("data/claims.csv", _line(claims, index))
        carried = claim.carried_in if pd.notna(claim.carried_in) else ""
        if not carried and pd.isna(claim.not_carried_reason):
            problems.append(Problem(*where, "carried_in", f"claim '{claim.claim_id}' is neither carried nor excused"))
        for kind, target in LOCATION.findall(carried):
            if kind == "data":
                table, _, row_key = target.partition("/")
                _, missing = _locate(tables, keys, table, row_key, keys.get(table, ["?"])[0])
                if missing:
                    problems.append(Problem(*where, "carried_in", missing))
            elif kind == "note" and target not in notes:
                problems.append(Problem(*where, "carried_in", f"'{target}' is not a note of source_notes.csv"))
    return problems


def check_source_notes(tables: dict[str, pd.DataFrame], keys: dict[str, list[str]]) -> list[Problem]:
    """A note about a value names a real row and field; its other reading has the value's form."""
    problems = []
    notes = tables["source_notes"]
    for index, note in notes.iterrows():
        where = ("data/source_notes.csv", _line(notes, index))
        named = [pd.notna(note[c]) for c in ("table", "row_key", "field")]
        if any(named) and not all(named):
            problems.append(Problem(*where, "table", "name the table, row_key and field together, or none of them"))
            continue
        if not all(named):
            if pd.notna(note.value_b):
                problems.append(Problem(*where, "value_b", "a value under reading B needs the table, row and field it replaces"))
            continue
        _, missing = _locate(tables, keys, note.table, note.row_key, note.field)
        if missing:
            problems.append(Problem(*where, "row_key", missing))
        elif pd.notna(note.value_b) and note.field in DATE_FIELDS and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", note.value_b):
            problems.append(Problem(*where, "value_b", f"'{note.value_b}' is not an ISO date"))
    return problems


def check_event_eras(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """An event's date lies within the years of the mode (era) it is filed under."""
    problems = []
    events, eras = tables["events"], tables["eras"].set_index("era_id")
    for index, event in events.iterrows():
        if event.era_id not in eras.index or pd.isna(event.date):
            continue  # the foreign key check reports an unknown era
        era, year = eras.loc[event.era_id], int(str(event.date)[:4])
        end = era.end_year if pd.notna(era.end_year) else None
        if year < era.start_year or (end is not None and year > end):
            span = f"{era.start_year}–{end if end is not None else ''}"
            problems.append(Problem("data/events.csv", _line(events, index), "era_id",
                                    f"the event is dated {event.date}, outside the years of '{event.era_id}' ({span})"))
    return problems


def check_all(tables: dict[str, pd.DataFrame], keys: dict[str, list[str]]) -> list[Problem]:
    return (check_stated_counts(tables) + check_sections(tables) + check_lists(tables) + check_framework(tables)
            + check_event_eras(tables)
            + check_responsibilities(tables) + check_dimension_links(tables) + check_quotes(tables, keys)
            + check_source_notes(tables, keys) + check_claims(tables, keys))
