"""Every figure fits the reader's screen: each page with charts opened in Chromium at the widths of a
phone, a tablet, a laptop and a wide monitor, in the light and the dark theme.

At every width the page never scrolls sideways, every chart lies inside its column (so nothing is
drawn over the sidebars) and has drawn its marks, and each map draws one shape per city of the
boundary file. A chart follows its column when the window is resized. Screenshots of each figure
at 390 and 1280 px, light and dark, are kept in test-artifacts/figures/ with the measured sizes
(sizes.json).
"""

import json

import pytest

from support import BUILT_HTML as HTML
from support import REPO, browser
from yrdbook.charts import maps
from yrdbook.datapackage import paths

ARTIFACTS = REPO / "test-artifacts" / "figures"
WIDTHS = [360, 390, 768, 1280, 1920]
SCREENSHOT_WIDTHS = [390, 1280]
THEMES = ["light", "dark"]
WHITE = "rgb(255, 255, 255)"


def chart_pages() -> list[str]:
    if not (HTML / "index.html").exists():
        return ["(not built)"]
    return [p for p in browser.pages(HTML) if 'class="yrd-chart"' in (HTML / p).read_text(encoding="utf-8")]


PAGES = chart_pages()

# For each chart: its box, its column's content box, its drawn marks, its map shapes.
MEASURE = """() => {
  const column = document.querySelector("article.bd-article");
  const c = column.getBoundingClientRect(), style = getComputedStyle(column);
  const left = c.left + parseFloat(style.paddingLeft), right = c.right - parseFloat(style.paddingRight);
  return {
    page: document.documentElement.scrollWidth, viewport: window.innerWidth,
    charts: [...document.querySelectorAll("div.yrd-chart")].map(chart => {
      const view = chart.querySelector("div.yrd-chart-view");
      const drawn = (view.querySelector(".vega-embed") || view).getBoundingClientRect();
      const svg = view.querySelector("svg.marks");
      const spec = JSON.parse(chart.querySelector("script.yrd-chart-spec").textContent);
      // geoshape groups: the number of shapes in each (one group per layer and panel)
      const shapes = svg ? [...svg.querySelectorAll('g.role-mark[aria-roledescription="geoshape"], g.mark-shape.role-mark')]
        .map(g => g.querySelectorAll(":scope > path").length) : [];
      return {id: chart.id, left: drawn.left, right: drawn.right, width: drawn.width,
              column: [left, right], marks: svg ? svg.querySelectorAll("g.role-mark > *").length : 0,
              map: JSON.stringify(spec).includes(%(boundaries)s), shapes,
              background: getComputedStyle(view).backgroundColor};
    }),
  };
}""" % {"boundaries": json.dumps(maps.BOUNDARY_FILE)}


@pytest.fixture(scope="module")
def sizes():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    measured = {}
    yield measured
    (ARTIFACTS / "sizes.json").write_text(json.dumps(measured, indent=1, sort_keys=True), encoding="utf-8")


def city_count() -> int:
    topology = json.loads((paths.data_dir() / maps.BOUNDARY_FILE).read_text(encoding="utf-8"))
    return len(topology["objects"]["cities"]["geometries"])


def open_page(chromium, site: str, name: str, width: int, theme: str):
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    # The theme's own switch: pydata-sphinx-theme reads the reader's choice from localStorage.
    context.add_init_script(f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
    page = context.new_page()
    page.goto(site + name, wait_until="load")
    page.wait_for_function(browser.CHARTS_RENDERED, timeout=30_000)
    return context, page


def check_fit(measured: dict, where: str) -> None:
    assert measured["page"] <= measured["viewport"], \
        f"{where}: the page scrolls sideways ({measured['page']} px wide in a {measured['viewport']} px window)"
    for chart in measured["charts"]:
        left, right = chart["column"]
        assert chart["left"] >= left - 1 and chart["right"] <= right + 1, (
            f"{where}: chart {chart['id']} spans {chart['left']:.0f}–{chart['right']:.0f} px, outside its column "
            f"{left:.0f}–{right:.0f} px")
        assert chart["marks"] > 0, f"{where}: chart {chart['id']} drew no marks"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_chart_fits_its_column(chromium, site, sizes, name, width):
    context, page = open_page(chromium, site, name, width, "light")
    try:
        measured = page.evaluate(MEASURE)
        sizes[f"{name} @ {width}px"] = [{"id": c["id"], "width": round(c["width"]),
                                         "column": round(c["column"][1] - c["column"][0])} for c in measured["charts"]]
        check_fit(measured, f"{name} at {width} px")
        for chart in measured["charts"]:
            if chart["map"]:
                # every panel of a map: one shape per city, and one per province
                cities = city_count()
                assert cities in chart["shapes"], f"{name}: map {chart['id']} draws {chart['shapes']}, not {cities} cities"
                assert all(n in (cities, 4) for n in chart["shapes"] if n), chart["shapes"]
    finally:
        context.close()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", SCREENSHOT_WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_figures_in_both_themes(chromium, site, name, width, theme):
    """Each figure is drawn on a white card in both themes, so its dark text stays readable;
    the screenshots are kept."""
    context, page = open_page(chromium, site, name, width, theme)
    try:
        assert page.evaluate("document.documentElement.dataset.theme") == theme
        measured = page.evaluate(MEASURE)
        check_fit(measured, f"{name} at {width} px, {theme}")
        for chart in measured["charts"]:
            assert chart["background"] == WHITE, f"{name}, {theme}: chart {chart['id']} is on {chart['background']}"
        for index, chart in enumerate(page.locator("div.yrd-chart").all()):
            stem = f"{name.replace('/', '__').removesuffix('.html')}-{index + 1}-{width}-{theme}"
            chart.screenshot(path=ARTIFACTS / f"{stem}.png")
    finally:
        context.close()


def test_charts_follow_the_window(chromium, site):
    """A window narrowed from a laptop's width to a phone's: the charts are laid out again."""
    name = next(p for p in PAGES if "evolution" in p) if any("evolution" in p for p in PAGES) else PAGES[0]
    context, page = open_page(chromium, site, name, 1280, "light")
    try:
        wide = page.evaluate(MEASURE)
        page.set_viewport_size({"width": 390, "height": 900})
        page.wait_for_function("[...document.querySelectorAll('div.yrd-chart')].every(c => "
                               "c.dataset.rendered === 'true' && c.querySelector('.vega-embed') && "
                               "c.querySelector('.vega-embed').getBoundingClientRect().width <= 390)", timeout=30_000)
        narrow = page.evaluate(MEASURE)
        check_fit(narrow, f"{name} narrowed to 390 px")
        assert max(c["width"] for c in narrow["charts"]) < max(c["width"] for c in wide["charts"])
    finally:
        context.close()
