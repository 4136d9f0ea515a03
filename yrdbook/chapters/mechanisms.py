"""Chapter 4 · Three new mechanisms (paper section III): active, comprehensive and deep
docking, with the paper's Tables 1 and 2 rendered from data."""

import pandas as pd

from ..data import BookData, amount, amounts, list_items
from ..provenance import coded, computed, stated
from ..tables import BookTable, bilingual, bilingual_column, cite, escape, source_column
from .common import chronology, chronology_table, planning_documents

ROLE_NAMES = {"lead_leader": ("牵头领导", "lead leader"), "overall_lead_unit": ("总牵头单位", "overall lead unit"),
              "responsible_unit": ("责任单位", "responsible unit"), "cooperating_unit": ("配合单位", "cooperating unit")}
COMPREHENSIVE_LISTS = {"jiaxing": ["jiaxing_six_domains"], "nantong": ["nantong_five_principles", "nantong_eight_tasks"]}


# --- the mechanisms and their evidence ----------------------------------------

def mechanism_evidence(data: BookData) -> pd.DataFrame:
    """The evidence the book assigns to each mechanism from what the paper names, one row per item.

    Active docking: the visit and the planning documents (the chronology, reused); comprehensive
    docking: the cities' docking lists; deep docking: Tables 1 and 2 and the coordinating bodies
    and emphases of section III.3. The assignment is the book's coding.
    """
    rows = [("active_docking_mechanism", "shanghai_delegation_2017", "visit")]
    rows += [("active_docking_mechanism", e, "planning document") for e in intensive_planning_sequence(data).event_id]
    rows += [("comprehensive_docking", l, "docking list") for lists in COMPREHENSIVE_LISTS.values() for l in lists]
    rows += [("comprehensive_docking", "jiaxing_breakthroughs", "docking list")]
    rows += [("deep_docking", t, "responsibility table") for t in data.paper_tables.table_id]
    rows += [("deep_docking", b, "coordinating body") for b in data.organisations.query("kind == 'coordination_body'").org_id]
    rows += [("deep_docking", "nantong_precision_emphases", "docking list")]
    frame = pd.DataFrame(rows, columns=["mechanism_id", "evidence_id", "evidence_kind"])
    mechanisms = data.mechanisms.set_index("mechanism_id")
    measures = data.measures.groupby("mechanism_id").short_zh.apply("、".join)
    return frame.assign(mechanism_zh=frame.mechanism_id.map(mechanisms.name_zh),
                        mechanism_en=frame.mechanism_id.map(mechanisms.name_en),
                        mechanism_order=frame.mechanism_id.map(mechanisms.mechanism_order),
                        measures_zh=frame.mechanism_id.map(measures))


def intensive_planning_sequence(data: BookData) -> pd.DataFrame:
    """The planning documents of both cities in order: the chronology reused, not retyped."""
    return planning_documents(chronology(data)).reset_index(drop=True)


def haimen_55580(data: BookData) -> pd.DataFrame:
    """Haimen's '55580' plan decoded: 5 projects, 5 bases and 5 targets of 80%."""
    parts = [("haimen_five_projects", "五大对接工程", "5 docking projects"), ("haimen_five_bases", "五大基地", "5 bases"),
             ("haimen_five_targets", "5个80%", "5 targets of 80%")]
    # Target n of the list is the amount haimen_target_n.
    targets = amounts(data).set_index("amount_id")
    rows = []
    for list_id, part_zh, part_en in parts:
        for item in list_items(data, list_id).itertuples():
            key = f"haimen_target_{item.item_no}" if list_id == "haimen_five_targets" else None
            rows.append({"part": list_id, "part_zh": part_zh, "part_en": part_en, "item_no": item.item_no,
                         "text_zh": item.text_zh, "text_en": item.text_en,
                         "target_percent": targets.value.get(key) if key else None,
                         "qualifier": targets.qualifier.get(key) if key else None})
    return pd.DataFrame(rows)


# --- comprehensive docking: domains ---------------------------------------------

def domain_coverage(data: BookData) -> pd.DataFrame:
    """Items of each city's docking lists per shared domain (the book's mapping)."""
    mapped = data.domain_map.merge(data.domains, on="domain_id")
    city_of = {l: c for c, lists in COMPREHENSIVE_LISTS.items() for l in lists}
    mapped = mapped[mapped.list_id.isin(city_of)].assign(city_id=lambda f: f.list_id.map(city_of))
    counts = mapped.groupby(["city_id", "domain_id"]).size()
    names = data.cities.set_index("city_id")
    rows = []
    for city in COMPREHENSIVE_LISTS:
        for d in data.domains.sort_values("domain_order").itertuples():
            rows.append({"city_id": city, "city_en": names.name_en[city], "city_zh": names.name_zh[city],
                         "domain_id": d.domain_id, "domain_zh": d.name_zh, "domain_en": d.name_en,
                         "class": d._5, "class_basis": d.class_basis, "items": int(counts.get((city, d.domain_id), 0))})
    return pd.DataFrame(rows)


CODINGS = {
    "book": "the book's classes (the paper's where it gives one, the book's elsewhere)",
    "paper": "only the domains the paper itself classes (the book's four classes left out)",
    "flipped": "the book's four classes reversed (hard as soft, soft as hard)",
}


def hard_soft_shares(coverage: pd.DataFrame, classes: str = "book") -> pd.DataFrame:
    """Share of each city's docking items in hard and in soft domains, under one coding.

    ``book`` uses every class of ``domains.csv``; ``paper`` counts only items in the domains
    the paper classes itself; ``flipped`` reverses the classes the book assigned. The finding
    rests on the book's coding, so it is shown under all three (``CODINGS``).
    """
    if classes not in CODINGS:
        raise ValueError(f"classes must be one of {', '.join(CODINGS)}")
    coverage = coverage.copy()
    by_book = coverage.class_basis == "book"
    if classes == "paper":
        coverage = coverage[~by_book]
    elif classes == "flipped":
        coverage.loc[by_book, "class"] = coverage.loc[by_book, "class"].map({"hard": "soft", "soft": "hard"})
    totals = coverage.groupby(["city_id", "city_en", "class"]).items.sum().unstack("class").reindex(
        columns=["hard", "soft"]).fillna(0)
    shares = totals.div(totals.sum(axis=1), axis=0)
    return pd.DataFrame({"items": totals.sum(axis=1).astype(int), "hard_items": totals["hard"].astype(int),
                         "soft_items": totals["soft"].astype(int), "hard_share": shares["hard"],
                         "soft_share": shares["soft"]}).reset_index()


def codings_table(coverage: pd.DataFrame) -> BookTable:
    """The hard and soft shares of each city's items under each coding: how much rests on the book's."""
    rows = []
    for coding, label in CODINGS.items():
        for city in hard_soft_shares(coverage, coding).itertuples():
            rows.append({"Coding (the book's)": label if not rows or rows[-1]["Coding (the book's)"] != label else "",
                         "City": city.city_en, "Items counted": city.items,
                         "Hard share": f"{city.hard_share:.0%}", "Soft share": f"{city.soft_share:.0%}"})
    frame = pd.DataFrame(rows)
    frame.loc[frame["Coding (the book's)"].duplicated() & frame["Coding (the book's)"].ne(""), "Coding (the book's)"] = ""
    return BookTable(frame, name="tbl-hard-soft-codings", widths=[46, 14, 12, 14, 14],
                     data=["domain_map.csv", "domains.csv", "list_items.csv"],
                     caption="Hard and soft shares of the cities' docking items under three codings. All three are "
                             "the book's: the paper classes only some domains and gives no shares.")


# --- deep docking: the paper's Tables 1 and 2 ---------------------------------------

def parties(data: BookData, table_id: str, task_no: int, role: str, lang: str) -> str:
    """Who holds ``role`` for a task of Table 1 or 2, in the paper's order, joined as the paper joins them."""
    duties = data.responsibilities.query("table_id == @table_id and task_no == @task_no and role == @role")
    people = data.people.set_index("person_id")
    orgs = data.organisations.set_index("org_id")
    names = [people[f"name_{lang}"][d.person_id] if pd.notna(d.person_id) else orgs[f"name_{lang}"][d.org_id]
             for d in duties.sort_values("party_order").itertuples()]
    return ("、" if lang == "zh" else ", ").join(names)


def _parties_cell(data: BookData, table_id: str, task_no: int, role: str) -> str:
    """A table cell naming the parties in Chinese with the English beneath; empty if none."""
    zh = parties(data, table_id, task_no, role, "zh")
    return bilingual(zh, parties(data, table_id, task_no, role, "en")) if zh else ""


INTENSIVE_PLANNING_CAPTION = ("Planning documents of, or for, Jiaxing and Nantong that the paper names anywhere (sections "
                              "II.1–III.1), in order, drawn from the same rows as the chronology of chapter 2; section "
                              "III.1 names twelve of them. Which events count as planning documents is the book's rule.")


def intensive_planning_table(sequence: pd.DataFrame) -> BookTable:
    return chronology_table(sequence, name="tbl-intensive-planning", caption=INTENSIVE_PLANNING_CAPTION)


def responsibility_table(data: BookData) -> pd.DataFrame:
    """Tables 1 and 2 normalised: one row per task, party and role."""
    tasks = data.table_tasks.set_index(["table_id", "task_no"])
    people = data.people.set_index("person_id")
    orgs = data.organisations.set_index("org_id")
    rows = []
    for d in data.responsibilities.itertuples():
        party = people.loc[d.person_id] if pd.notna(d.person_id) else orgs.loc[d.org_id]
        task = tasks.loc[(d.table_id, d.task_no)]
        rows.append({"table_id": d.table_id, "task_no": d.task_no, "task_zh": task.content_zh, "task_en": task.content_en,
                     "role": d.role, "role_zh": ROLE_NAMES[d.role][0], "role_en": ROLE_NAMES[d.role][1],
                     "party_zh": party.name_zh, "party_en": party.name_en, "party_kind": "person" if pd.notna(d.person_id) else "unit",
                     "party_order": d.party_order})
    return pd.DataFrame(rows)


def role_counts(responsibilities: pd.DataFrame) -> pd.DataFrame:
    counts = responsibilities.groupby("role").agg(assignments=("party_en", "size"), distinct=("party_en", "nunique"))
    order = list(ROLE_NAMES)
    return counts.reindex([r for r in order if r in counts.index]).reset_index()


def paper_table_1(data: BookData) -> BookTable:
    """Table 1 as printed: a two-column table, Chinese as in the paper, English beneath."""
    meta = data.paper_tables.set_index("table_id").loc["table1"]
    tasks = data.table_tasks.query("table_id == 'table1'").sort_values("task_no")
    project = tasks[tasks.task_no == 0].iloc[0]
    contents = tasks[tasks.task_no > 0]
    rows = [
        [bilingual(meta.heading_zh, meta.heading_en), bilingual(project.content_zh, project.content_en)],
        [bilingual("具体内容", "Specific contents"),
         "\n".join(f"{t.task_no}．{t.content_zh}\n{t.task_no}. {t.content_en}" for t in contents.itertuples())],
    ]
    for role in ("lead_leader", "responsible_unit", "cooperating_unit"):
        rows.append([bilingual(*ROLE_NAMES[role]), _parties_cell(data, "table1", 0, role)])
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    return BookTable(frame, name="tbl-paper-table-1", stub_columns=1, widths=[28, 72],
                     caption=f"表{meta.number} {escape(meta.title_zh)} · {escape(meta.title_en)} (the paper's Table {meta.number}). "
                             f"Chinese as in the paper, English translation by the book. {cite(meta.source)}",
                     data=["paper_tables.csv", "table_tasks.csv", "responsibilities.csv", "people.csv", "organisations.csv"])


def paper_table_2(data: BookData) -> BookTable:
    """Table 2 as printed: content, responsible unit, cooperating unit; its group row first."""
    meta = data.paper_tables.set_index("table_id").loc["table2"]
    tasks = data.table_tasks.query("table_id == 'table2'").sort_values("task_no")
    group = tasks[tasks.task_no == 0].iloc[0]
    lead_zh, lead_en = (parties(data, "table2", 0, "overall_lead_unit", lang) for lang in ("zh", "en"))
    header = [bilingual("内容", "Content"), bilingual("责任单位", "Responsible unit"), bilingual("配合单位", "Cooperating unit")]
    rows = [[bilingual(f"{group.content_zh}（总牵头单位：{lead_zh}）", f"{group.content_en} (overall lead units: {lead_en})"), "", ""]]
    for t in tasks[tasks.task_no > 0].itertuples():
        if pd.notna(t.refers_to):
            number = data.paper_tables.set_index("table_id").number[t.refers_to]
            see = bilingual(f"见表{number}重点项目一", f"see Table {number}, key project one")
            cells = [see, "(the paper's cell spans both unit columns)"]
        else:
            cells = [_parties_cell(data, "table2", t.task_no, r) for r in ("responsible_unit", "cooperating_unit")]
        rows.append([bilingual(f"{t.task_no}．{t.content_zh}", f"{t.task_no}. {t.content_en}"), *cells])
    frame = pd.DataFrame(rows, columns=header)
    return BookTable(frame, name="tbl-paper-table-2", widths=[56, 22, 22],
                     caption=f"表{meta.number} {escape(meta.title_zh)} · {escape(meta.title_en)} (the paper's Table {meta.number}): "
                             f"{escape(meta.heading_zh)}. Chinese as in the paper, English translation by the book. {cite(meta.source)}",
                     data=["paper_tables.csv", "table_tasks.csv", "responsibilities.csv", "organisations.csv"])


def responsibility_matrix_table(resp: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        "Table": resp.table_id.str.replace("table", "Table "),
        "Task": resp.task_no,
        "Role 角色": bilingual_column(resp.role_zh, resp.role_en),
        "Person or unit 负责方": bilingual_column(resp.party_zh, resp.party_en),
    })
    return BookTable(frame, name="tbl-responsibilities", widths=[12, 8, 30, 50],
                     caption="Tables 1 and 2 normalised into one responsibility list: one row per task, role and "
                             "person or unit (task 0 is each table's heading item).",
                     data=["responsibilities.csv", "table_tasks.csv", "people.csv", "organisations.csv"])


def role_counts_table(counts: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({"Role 角色": [bilingual(*ROLE_NAMES[r]) for r in counts.role],
                          "Assignments": counts.assignments, "Distinct persons or units": counts.distinct})
    return BookTable(frame, name="tbl-role-counts", widths=[50, 25, 25],
                     caption="Assignments per role in Tables 1 and 2, computed from the responsibility list.",
                     data=["responsibilities.csv"])


def coordination_bodies_table(data: BookData) -> BookTable:
    bodies = data.organisations[data.organisations.kind == "coordination_body"]
    cities = data.cities.set_index("city_id")
    frame = pd.DataFrame({
        "City": [bilingual(cities.name_zh[c], cities.name_en[c]) for c in bodies.city_id],
        "Body 机构": bilingual_column(bodies.name_zh, bodies.name_en),
        "Function 职能": bilingual_column(bodies.function_zh, bodies.function_en),
        "Source": source_column(bodies),
    })
    return BookTable(frame, name="tbl-coordination-bodies", widths=[14, 36, 36, 14],
                     caption="The bodies that carry deep docking: Jiaxing's standing office and Nantong's coordination committee.",
                     data=["organisations.csv"])


def coverage_table(shares: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({"City": shares.city_en, "Docking items": shares["items"], "Hard": shares.hard_items,
                          "Soft": shares.soft_items, "Hard share": shares.hard_share.map("{:.0%}".format),
                          "Soft share": shares.soft_share.map("{:.0%}".format)})
    return BookTable(frame, name="tbl-hard-soft", widths=[20, 16, 12, 12, 20, 20],
                     caption="Hard and soft shares of each city's docking items, computed from the book's mapping "
                             "onto shared domains.", data=["domain_map.csv", "domains.csv", "list_items.csv"])


def domains_table(data: BookData) -> BookTable:
    d = data.domains.sort_values("domain_order")
    frame = pd.DataFrame({"Domain 领域": bilingual_column(d.name_zh, d.name_en), "Class": d["class"],
                          "Classed by": d.class_basis, "Why": d.basis_note})
    return BookTable(frame, name="tbl-domains", widths=[24, 10, 12, 54],
                     caption="The shared vocabulary of docking domains, each classed hard or soft; 'Classed by' "
                             "tells the paper's classifications from the book's.", data=["domains.csv"])


def facts(data: BookData) -> dict:
    """The numbers chapter 4's prose states, by glue name, each with its provenance."""
    coverage = domain_coverage(data)
    shares = hard_soft_shares(coverage).set_index("city_id")
    paper_only = hard_soft_shares(coverage, classes="paper").set_index("city_id")
    flipped = hard_soft_shares(coverage, classes="flipped").set_index("city_id")
    target = amount(data, "jiaxing_finance_target")
    targets = amounts(data)
    targets = targets[targets.amount_id.str.startswith("haimen_target_")]
    hedged = targets[targets.qualifier != "exact"]
    resp = responsibility_table(data)
    values = {
        "n_evidence_items": coded(len(mechanism_evidence(data))),
        "n_planning_docs": coded(len(intensive_planning_sequence(data))),
        "haimen_target": stated(f"{targets.value.min():g} per cent", targets.section.iloc[0], targets.source.iloc[0]),
        "haimen_hedged": computed(len(hedged)),
        "finance_target": stated(target.stated, target.section, target.source),
        "n_domains": coded(len(data.domains)),
        "n_book_classes": coded(int((data.domains.class_basis == "book").sum())),
        "n_assignments": computed(len(resp)),
        "n_parties": computed(resp.party_en.nunique()),
    }
    for city in ("jiaxing", "nantong"):
        values[f"{city}_soft"] = coded(f"{shares.soft_share[city]:.0%}")
        values[f"{city}_soft_paper_only"] = coded(f"{paper_only.soft_share[city]:.0%}")
        values[f"{city}_soft_flipped"] = coded(f"{flipped.soft_share[city]:.0%}")
    return values
