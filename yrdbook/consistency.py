"""Cross-table checks: counts the paper states must equal the counts the member lists give."""

import pandas as pd

from .problems import Problem


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

    # A body's size after each admission event is everyone admitted by then.
    stated = events[events.stated_member_count.notna()].sort_values("date")
    for index, event in stated.iterrows():
        admitted = members[members.group_id == event.group_id]
        order = stated[stated.group_id == event.group_id].event_id.tolist()
        so_far = order[: order.index(event.event_id) + 1]
        count = int(admitted.event_id.isin(so_far).sum())
        if count != event.stated_member_count:
            problems.append(Problem("data/events.csv", _line(events, index), "stated_member_count",
                f"the paper states {int(event.stated_member_count)} members after '{event.event_id}', "
                f"but memberships.csv admits {count} by then"))
    return problems
