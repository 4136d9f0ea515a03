"""Chapter 4 · Three new mechanisms (paper section III): active, comprehensive and deep
docking, with the paper's Tables 1 and 2 rendered from data. The tables are drawn in English
and in Chinese (``in_both_languages``); the Chinese edition's headings of Tables 1 and 2 are
the paper's own."""

import pandas as pd

from ..data import BookData, amount, amounts, format_value, list_items
from ..language import in_both_languages, say
from ..provenance import coded, computed, stated
from ..tables import BookTable, bilingual, bilingual_column, cite, escape, source_column
from ..vocabulary import word
from .common import chronology, chronology_table, planning_documents

# The paper's words for the roles of Tables 1 and 2 (Chinese first, as ``bilingual`` takes them).
ROLE_NAMES = {"lead_leader": ("牵头领导", "lead leader"), "overall_lead_unit": ("总牵头单位", "overall lead unit"),
              "responsible_unit": ("责任单位", "responsible unit"), "cooperating_unit": ("配合单位", "cooperating unit")}
# The words of both editions (English, Chinese) for the codes this chapter's data carry.
EVIDENCE_KINDS = {"visit": ("visit", "考察"), "planning document": ("planning document", "规划文件"),
                  "docking list": ("docking list", "对接清单"), "responsibility table": ("responsibility table", "责任分解表"),
                  "coordinating body": ("coordinating body", "协调机构")}
CLASSES = {"hard": ("hard", "硬件"), "soft": ("soft", "软件")}  # the paper's 硬件 and 软件 (glossary: 硬件与软件)
CLASS_BASES = {"paper": ("paper", "原文"), "book": ("book", "本书")}  # who classed a domain
PARTY_KINDS = {"person": ("person", "人员"), "unit": ("unit", "单位")}
# The paper's hedge on an amount, in Chinese: words before and after the number (45亿元以上).
HEDGES_ZH = {"exact": ("", ""), "at_least": ("", "以上"), "more_than": ("超过", ""), "expected": ("预计", "")}
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
    return frame.assign(evidence_kind_zh=frame.evidence_kind.map(lambda k: word(EVIDENCE_KINDS, k, "zh")),
                        mechanism_zh=frame.mechanism_id.map(mechanisms.name_zh),
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
                         "class": d._5, "class_zh": word(CLASSES, d._5, "zh"), "class_basis": d.class_basis,
                         "class_basis_zh": word(CLASS_BASES, d.class_basis, "zh"),
                         "items": int(counts.get((city, d.domain_id), 0))})
    return pd.DataFrame(rows)


CODINGS = {
    "book": ("the book's classes (the paper's where it gives one, the book's elsewhere)",
             "本书的归类（原文有归类处从原文，其余为本书的归类）"),
    "paper": ("only the domains the paper itself classes (the book's four classes left out)",
              "仅计原文本身归类的领域（不计本书所作的4项归类）"),
    "flipped": ("the book's four classes reversed (hard as soft, soft as hard)",
                "本书所作的4项归类反转（硬件作软件，软件作硬件）"),
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
    totals = coverage.groupby(["city_id", "city_en", "city_zh", "class"]).items.sum().unstack("class").reindex(
        columns=["hard", "soft"]).fillna(0)
    shares = totals.div(totals.sum(axis=1), axis=0)
    return pd.DataFrame({"items": totals.sum(axis=1).astype(int), "hard_items": totals["hard"].astype(int),
                         "soft_items": totals["soft"].astype(int), "hard_share": shares["hard"],
                         "soft_share": shares["soft"]}).reset_index()


@in_both_languages
def codings_table(coverage: pd.DataFrame) -> BookTable:
    """The hard and soft shares of each city's items under each coding: how much rests on the book's."""
    rows = []
    for coding in CODINGS:
        for n, city in enumerate(hard_soft_shares(coverage, coding).itertuples()):  # the coding named at its first city
            rows.append([word(CODINGS, coding) if n == 0 else "", say(city.city_en, city.city_zh), city.items,
                         f"{city.hard_share:.0%}", f"{city.soft_share:.0%}"])
    header = [say("Coding (the book's)", "本书的编码"), say("City", "城市"), say("Items counted", "计入条目数"),
              say("Hard share", "硬件占比"), say("Soft share", "软件占比")]
    return BookTable(pd.DataFrame(rows, columns=header), name="tbl-hard-soft-codings", widths=[46, 14, 12, 14, 14],
                     data=["domain_map.csv", "domains.csv", "list_items.csv"],
                     caption=say("Hard and soft shares of the cities' docking items under three codings. All three are "
                                 "the book's: the paper classes only some domains and gives no shares.",
                                 "三种编码下两市对接条目的硬件与软件占比。三种编码均为本书的编码：原文只对部分领域作了归类，"
                                 "也未给出任何占比。"))


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
INTENSIVE_PLANNING_CAPTION_ZH = ("原文各处（II.1至III.1节）提及的嘉兴、南通两市制定的或为两市制定的规划文件，按时间排列，"
                                 "取自与第2章年表相同的数据行；III.1节提及其中12份。哪些事件算作规划文件，依本书的规则。")


@in_both_languages
def intensive_planning_table(sequence: pd.DataFrame) -> BookTable:
    return chronology_table(sequence, name="tbl-intensive-planning",
                            caption=say(INTENSIVE_PLANNING_CAPTION, INTENSIVE_PLANNING_CAPTION_ZH))


def responsibility_table(data: BookData) -> pd.DataFrame:
    """Tables 1 and 2 normalised: one row per task, party and role."""
    tasks = data.table_tasks.set_index(["table_id", "task_no"])
    people = data.people.set_index("person_id")
    orgs = data.organisations.set_index("org_id")
    rows = []
    for d in data.responsibilities.itertuples():
        party = people.loc[d.person_id] if pd.notna(d.person_id) else orgs.loc[d.org_id]
        task = tasks.loc[(d.table_id, d.task_no)]
        kind = "person" if pd.notna(d.person_id) else "unit"
        rows.append({"table_id": d.table_id, "task_no": d.task_no, "task_zh": task.content_zh, "task_en": task.content_en,
                     "role": d.role, "role_zh": ROLE_NAMES[d.role][0], "role_en": ROLE_NAMES[d.role][1],
                     "party_zh": party.name_zh, "party_en": party.name_en, "party_kind": kind,
                     "party_kind_zh": word(PARTY_KINDS, kind, "zh"), "party_order": d.party_order})
    return pd.DataFrame(rows)


def role_counts(responsibilities: pd.DataFrame) -> pd.DataFrame:
    counts = responsibilities.groupby("role").agg(assignments=("party_en", "size"), distinct=("party_en", "nunique"))
    order = list(ROLE_NAMES)
    return counts.reindex([r for r in order if r in counts.index]).reset_index()


@in_both_languages
def paper_table_1(data: BookData) -> BookTable:
    """Table 1 as printed: a two-column table, Chinese as in the paper, English beneath (the
    Chinese edition: the paper's Chinese only, under the paper's own headings)."""
    meta = data.paper_tables.set_index("table_id").loc["table1"]
    tasks = data.table_tasks.query("table_id == 'table1'").sort_values("task_no")
    project = tasks[tasks.task_no == 0].iloc[0]
    contents = tasks[tasks.task_no > 0]
    rows = [
        [bilingual(meta.heading_zh, meta.heading_en), bilingual(project.content_zh, project.content_en)],
        [bilingual("具体内容", "Specific contents"),
         "\n".join(bilingual(f"{t.task_no}．{t.content_zh}", f"{t.task_no}. {t.content_en}") for t in contents.itertuples())],
    ]
    for role in ("lead_leader", "responsible_unit", "cooperating_unit"):
        rows.append([bilingual(*ROLE_NAMES[role]), _parties_cell(data, "table1", 0, role)])
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    return BookTable(frame, name="tbl-paper-table-1", stub_columns=1, widths=[28, 72],
                     caption=say(f"表{meta.number} {escape(meta.title_zh)} · {escape(meta.title_en)} (the paper's Table {meta.number}). "
                                 f"Chinese as in the paper, English translation by the book. {cite(meta.source)}",
                                 f"表{meta.number} {escape(meta.title_zh)}（原文的表{meta.number}）。表中文字照录原文{cite(meta.source)}。"),
                     data=["paper_tables.csv", "table_tasks.csv", "responsibilities.csv", "people.csv", "organisations.csv"])


@in_both_languages
def paper_table_2(data: BookData) -> BookTable:
    """Table 2 as printed: content, responsible unit, cooperating unit; its group row first (the
    Chinese edition: the paper's Chinese only, under the paper's own headings)."""
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
            cells = [see, say("(the paper's cell spans both unit columns)", "（原文此格横跨两个单位栏）")]
        else:
            cells = [_parties_cell(data, "table2", t.task_no, r) for r in ("responsible_unit", "cooperating_unit")]
        rows.append([bilingual(f"{t.task_no}．{t.content_zh}", f"{t.task_no}. {t.content_en}"), *cells])
    frame = pd.DataFrame(rows, columns=header)
    return BookTable(frame, name="tbl-paper-table-2", widths=[56, 22, 22],
                     caption=say(f"表{meta.number} {escape(meta.title_zh)} · {escape(meta.title_en)} (the paper's Table {meta.number}): "
                                 f"{escape(meta.heading_zh)}. Chinese as in the paper, English translation by the book. {cite(meta.source)}",
                                 f"表{meta.number} {escape(meta.title_zh)}（原文的表{meta.number}）：{escape(meta.heading_zh)}。"
                                 f"表中文字照录原文{cite(meta.source)}。"),
                     data=["paper_tables.csv", "table_tasks.csv", "responsibilities.csv", "organisations.csv"])


@in_both_languages
def responsibility_matrix_table(resp: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({
        say("Table", "表"): resp.table_id.str.replace("table", say("Table ", "表")),
        say("Task", "任务"): resp.task_no,
        say("Role 角色", "角色"): bilingual_column(resp.role_zh, resp.role_en),
        say("Person or unit 负责方", "负责方"): bilingual_column(resp.party_zh, resp.party_en),
    })
    return BookTable(frame, name="tbl-responsibilities", widths=[12, 8, 30, 50],
                     caption=say("Tables 1 and 2 normalised into one responsibility list: one row per task, role and "
                                 "person or unit (task 0 is each table's heading item).",
                                 "表1和表2规整为一份责任清单：每项任务、角色与人员或单位的组合各占一行"
                                 "（任务0为各表的标题项）。"),
                     data=["responsibilities.csv", "table_tasks.csv", "people.csv", "organisations.csv"])


@in_both_languages
def role_counts_table(counts: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({say("Role 角色", "角色"): [bilingual(*ROLE_NAMES[r]) for r in counts.role],
                          say("Assignments", "分工项数"): counts.assignments,
                          say("Distinct persons or units", "不同的人员或单位数"): counts.distinct})
    return BookTable(frame, name="tbl-role-counts", widths=[50, 25, 25],
                     caption=say("Assignments per role in Tables 1 and 2, computed from the responsibility list.",
                                 "表1和表2中各角色的分工项数，据责任清单计算。"),
                     data=["responsibilities.csv"])


@in_both_languages
def coordination_bodies_table(data: BookData) -> BookTable:
    bodies = data.organisations[data.organisations.kind == "coordination_body"]
    cities = data.cities.set_index("city_id")
    frame = pd.DataFrame({
        say("City", "城市"): [bilingual(cities.name_zh[c], cities.name_en[c]) for c in bodies.city_id],
        say("Body 机构", "机构"): bilingual_column(bodies.name_zh, bodies.name_en),
        say("Function 职能", "职能"): bilingual_column(bodies.function_zh, bodies.function_en),
        say("Source", "来源"): source_column(bodies),
    })
    return BookTable(frame, name="tbl-coordination-bodies", widths=[14, 36, 36, 14],
                     caption=say("The bodies that carry deep docking: Jiaxing's standing office and Nantong's coordination committee.",
                                 "承担深度对接的机构：嘉兴的常设办公室与南通的协调委员会。"),
                     data=["organisations.csv"])


@in_both_languages
def coverage_table(shares: pd.DataFrame) -> BookTable:
    frame = pd.DataFrame({say("City", "城市"): say(shares.city_en, shares.city_zh),
                          say("Docking items", "对接条目数"): shares["items"], say("Hard", "硬件"): shares.hard_items,
                          say("Soft", "软件"): shares.soft_items,
                          say("Hard share", "硬件占比"): shares.hard_share.map("{:.0%}".format),
                          say("Soft share", "软件占比"): shares.soft_share.map("{:.0%}".format)})
    return BookTable(frame, name="tbl-hard-soft", widths=[20, 16, 12, 12, 20, 20],
                     caption=say("Hard and soft shares of each city's docking items, computed from the book's mapping "
                                 "onto shared domains.",
                                 "各市对接条目的硬件与软件占比，据本书将条目映射到共用领域的结果计算。"),
                     data=["domain_map.csv", "domains.csv", "list_items.csv"])


@in_both_languages
def domains_table(data: BookData) -> BookTable:
    d = data.domains.sort_values("domain_order")
    frame = pd.DataFrame({say("Domain 领域", "领域"): bilingual_column(d.name_zh, d.name_en),
                          say("Class", "类别"): d["class"].map(lambda c: word(CLASSES, c)),
                          say("Classed by", "归类出处"): d.class_basis.map(lambda b: word(CLASS_BASES, b)),
                          say("Why", "理由"): say(d.basis_note, d.basis_note_zh)})
    return BookTable(frame, name="tbl-domains", widths=[24, 10, 12, 54],
                     caption=say("The shared vocabulary of docking domains, each classed hard or soft; 'Classed by' "
                                 "tells the paper's classifications from the book's.",
                                 "对接领域的共用词表，每个领域归为硬件或软件；“归类出处”一栏区分原文的归类与本书的归类。"),
                     data=["domains.csv"])


def stated_zh(amount_row: pd.Series) -> str:
    """An amount as the paper words it in Chinese, with its hedge: "45亿元以上"."""
    before, after = HEDGES_ZH[amount_row.qualifier]
    return f"{before}{format_value(amount_row.value)}{amount_row.unit}{after}"


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
        "haimen_target": stated(say(f"{targets.value.min():g} per cent", f"{targets.value.min():g}%"),
                                targets.section.iloc[0], targets.source.iloc[0]),
        "haimen_hedged": computed(len(hedged)),
        "finance_target": stated(say(target.stated, stated_zh(target)), target.section, target.source),
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
