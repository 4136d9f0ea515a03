"""Every figure of the book, drawn from the data as its chapter draws it: no wider than the print
width, its smallest text no smaller than the theme's minimum, money never on an SI-prefixed axis."""

import re

import pytest
import vl_convert as vlc

from yrdbook import charts
from yrdbook.chapters import appendices, common, conclusion, docking, drivers, evolution, mechanisms
from yrdbook.charts import render, theme

FIGURES = {
    "fig-overview": lambda b: charts.overview.argument_overview(evolution.mode_overview(b)),
    "fig-timeline": lambda b: charts.evolution.timeline(evolution.era_bands(b), evolution.timeline_events(b)),
    "fig-council-growth": lambda b: charts.evolution.council_growth(evolution.council_growth(b), evolution.members_by_wave(b)),
    "fig-members-map": lambda b: charts.evolution.members_map(evolution.members_by_wave(b)),
    "fig-planned-scopes": lambda b: charts.evolution.planned_scopes(evolution.planned_scopes(b)),
    "fig-docking-chronologies": lambda b: charts.docking.chronologies(common.chronology(b)),
    "fig-planning-intensity": lambda b: charts.docking.planning_intensity(docking.planning_intensity(b)),
    "fig-outcomes": lambda b: charts.docking.outcomes(docking.outcome_amounts(b)),
    "fig-framework": lambda b: framework(b),
    "fig-evidence": lambda b: charts.drivers.evidence(drivers.code_events(b), b.drivers),
    "fig-mechanism-evidence": lambda b: charts.mechanisms.mechanism_evidence(mechanisms.mechanism_evidence(b)),
    "fig-haimen-55580": lambda b: charts.mechanisms.haimen_55580(mechanisms.haimen_55580(b)),
    "fig-domain-coverage": lambda b: charts.mechanisms.domain_coverage(mechanisms.domain_coverage(b)),
    "fig-responsibilities": lambda b: charts.mechanisms.responsibilities(mechanisms.responsibility_table(b)),
    "fig-cluster-plans": lambda b: charts.conclusion.cluster_plans(conclusion.cluster_plans(b)),
    "fig-dimension-links": lambda b: charts.conclusion.dimension_links(conclusion.dimension_links(b)),
    "fig-claim-coverage": lambda b: charts.appendices.claim_coverage(appendices.claim_coverage(appendices.claims(b), b)),
}
def framework(book):
    nodes = drivers.framework_nodes(book)
    return charts.drivers.framework(nodes, drivers.framework_links(book, nodes))


FONT_SIZE = re.compile(r'font-size="?([\d.]+)(?:px)?')


@pytest.fixture(scope="module")
def drawn(book):
    charts.enable()
    bundles = {}
    for name, make in FIGURES.items():
        bundle = render.render(make(book).to_dict())
        spec = bundle[render.SPEC_MIME]
        svg = vlc.vegalite_to_svg(render.inline_data_files(spec), vl_version=render.VEGALITE_VERSION)
        bundles[name] = (spec, svg)
    return bundles


def test_every_figure_of_the_book_is_listed_here():
    from support import REPO
    shown = set()
    for notebook in (REPO / "book").glob("*.ipynb"):
        shown |= set(re.findall(r'notebook\.figure\(\\"(fig-[a-z0-9-]+)\\"', notebook.read_text(encoding="utf-8")))
    assert shown == set(FIGURES)


@pytest.mark.parametrize("name", FIGURES)
def test_figure_fits_the_print_width(drawn, name):
    spec, _ = drawn[name]
    assert spec["usermeta"]["yrdbook"]["width"] <= theme.PRINT_WIDTH


@pytest.mark.parametrize("name", FIGURES)
def test_smallest_text_is_legible_in_print(drawn, name):
    _, svg = drawn[name]
    sizes = [float(s) for s in FONT_SIZE.findall(svg)]
    assert sizes, f"{name}: no text found in its drawing"
    assert min(sizes) >= theme.MIN_FONT_SIZE, f"{name}: text of {min(sizes)} px"


def test_money_axes_use_the_papers_units(drawn):
    spec, svg = drawn["fig-outcomes"]
    titles = " ".join(re.findall(r'aria-label="[^"]*title[^"]*"', svg)) + svg
    assert "亿元" in titles and "万美元" in titles
    # an SI prefix on a money axis would read "0G 50G" (giga-yuan)
    assert not re.search(r">\d+(\.\d+)?[kMG]</text>", svg)
    assert '"format": "~s"' not in str(spec) and "'format': '~s'" not in str(spec)


def test_the_framework_brings_a_layout_for_phones(drawn):
    """Six columns of boxes do not fit a phone: the framework's narrow layout runs top to bottom."""
    spec, _ = drawn["fig-framework"]
    narrow = spec["usermeta"]["yrdbook"]["narrow"]
    assert narrow["usermeta"]["yrdbook"]["width"] <= 360
    assert narrow["description"] == spec["description"]
    # the same boxes, arrows and labels: only the axes change places
    def marks(chart):
        return {layer["mark"]["type"] for layer in chart["layer"]}
    assert marks(narrow) == marks(spec)
