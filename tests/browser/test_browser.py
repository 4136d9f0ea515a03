"""The built book as a reader sees it: every page served on loopback and opened in Debian's
Chromium (through Playwright), then checked by axe-core.

On every page: the charts are drawn, nothing is fetched from beyond this machine, the console
stays free of errors, Chinese is set in a CJK font, and axe-core finds no serious or critical
accessibility problem. A full-page screenshot and axe's report of each page are kept in
test-artifacts/browser/.
"""

import json
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import nbformat
import pytest
from bs4 import BeautifulSoup

from support import BUILT_HTML as HTML
from support import REPO, browser

ARTIFACTS = REPO / "test-artifacts" / "browser"
PAGES = [p for p in browser.pages(HTML) if p != "index.html"] if (HTML / "index.html").exists() else ["(not built)"]

# The URO block as of Unicode 1.1 (every CJK font has it); later additions such as U+9FFF,
# which a regular-expression range in the data dictionary shows, may lack a glyph anywhere.
HAN = re.compile(r"[\u4e00-\u9fa5]")
CJK_FAMILY = re.compile(r"Noto Sans CJK SC|Source Han Sans SC|PingFang SC|Hiragino Sans GB|Microsoft YaHei")  # yrd-book.css
BLOCKING = {"serious", "critical"}
# Rules that must pass whatever impact axe gives them.
ALWAYS = {"heading-order", "html-has-lang", "html-lang-valid", "image-alt", "svg-img-alt", "role-img-alt",
          "document-title", "duplicate-id-aria", "link-name", "button-name"}

# Marks (up to 12) elements whose own text holds Chinese, in the page and in chart drawings.
MARK_CHINESE = r"""() => {
  const han = /[\u3400-\u4dbf\u4e00-\u9fff]/;
  const marked = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && marked.length < 12; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!han.test(node.data) || !element || element.closest("script, style, noscript, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || element.hasAttribute("data-yrd-cjk")) continue;
    element.setAttribute("data-yrd-cjk", String(marked.length));
    marked.push([...element.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join(""));
  }
  // one label of every chart drawing too
  for (const chart of document.querySelectorAll("div.yrd-chart svg.marks")) {
    const label = [...chart.querySelectorAll("text")].find(t => han.test(t.textContent));
    if (label && !label.hasAttribute("data-yrd-cjk")) {
      label.setAttribute("data-yrd-cjk", String(marked.length));
      marked.push(label.textContent);
    }
  }
  return marked;
}"""

CHART_STATE = """() => [...document.querySelectorAll("div.yrd-chart")].map(chart => {
  const spec = JSON.parse(chart.querySelector("script.yrd-chart-spec").textContent);
  const svg = chart.querySelector("div.yrd-chart-view svg.marks");
  return {id: chart.id, rendered: chart.dataset.rendered === "true", description: spec.description,
          marks: svg ? svg.querySelectorAll("g.role-mark > *").length : 0,  // data marks, not axes or legends
          role: svg && svg.getAttribute("role"), label: svg && svg.getAttribute("aria-label"),
          width: svg ? svg.getBoundingClientRect().width : 0};
})"""


@dataclass
class Visit:
    page: str
    status: int = 0
    requests: list = field(default_factory=list)
    console: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    charts: list = field(default_factory=list)
    chinese: list = field(default_factory=list)  # (text, [(family, glyphs)])
    axe: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def visits():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return {}


def fonts_of_marked(page, count: int) -> list[list[tuple[str, int]]]:
    """The platform fonts Chromium actually drew each marked element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    fonts = []
    for index in range(count):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-yrd-cjk="{index}"]'})["nodeId"]
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        fonts.append([(f["familyName"], f["glyphCount"]) for f in used])
    cdp.detach()
    return fonts


def load(chromium, site: str, name: str) -> Visit:
    from axe_playwright_python.sync_playwright import Axe

    visit = Visit(name)
    context = chromium.new_context(viewport=browser.VIEWPORT, locale="en-US")
    page = context.new_page()
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("console", lambda m: visit.console.append((m.type, m.text, m.location.get("url", ""))))
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: HTTP {r.status}"))
    try:
        response = page.goto(site + name, wait_until="load")
        visit.status = response.status if response else 0
        page.wait_for_function(browser.CHARTS_RENDERED, timeout=20_000)
        page.wait_for_load_state("networkidle")
        visit.timings = page.evaluate(browser.TIMINGS)
        visit.charts = page.evaluate(CHART_STATE)
        texts = page.evaluate(MARK_CHINESE)
        visit.chinese = list(zip(texts, fonts_of_marked(page, len(texts))))
        page.screenshot(path=ARTIFACTS / (name.replace("/", "__").removesuffix(".html") + ".png"), full_page=True)
        # axe-core re-fetches stylesheets itself (and resolves one @import wrongly, a 404):
        # the page is judged by what happened before axe ran
        loaded_console, loaded_failed = list(visit.console), list(visit.failed)
        visit.axe = Axe().run(page).response
        visit.console, visit.failed = loaded_console, loaded_failed
        (ARTIFACTS / (name.replace("/", "__").removesuffix(".html") + ".axe.json")).write_text(
            json.dumps({k: visit.axe[k] for k in ("testEngine", "url", "violations", "incomplete")}, indent=1),
            encoding="utf-8")
    finally:
        context.close()
    return visit


@pytest.fixture(params=PAGES)
def visit(request, chromium, site, visits) -> Visit:
    name = request.param
    if name not in visits:
        visits[name] = load(chromium, site, name)
    return visits[name]


def test_page_loads_offline_without_errors(visit):
    assert visit.status == 200
    remote = [url for url in visit.requests
              if urllib.parse.urlsplit(url).scheme not in {"data", "blob", "file", "about"}
              and urllib.parse.urlsplit(url).hostname not in browser.LOCAL_HOSTS]
    assert not remote, f"{visit.page} requested beyond this machine: {remote}"
    assert not visit.page_errors, f"{visit.page}: {visit.page_errors}"
    errors = [c for c in visit.console if c[0] in ("error", "assert")]
    assert not errors, f"{visit.page}: console errors {errors}"
    assert not visit.failed, f"{visit.page}: failed requests {visit.failed}"


def test_every_chart_is_drawn_and_named(visit):
    for chart in visit.charts:
        assert chart["rendered"], f"{visit.page}: {chart['id']} was not drawn"
        assert chart["marks"] > 0, f"{visit.page}: {chart['id']} drew no marks"
        assert chart["width"] > 100, f"{visit.page}: {chart['id']} has no visible size"
        assert chart["role"] == "img" and chart["label"] == chart["description"], \
            f"{visit.page}: {chart['id']} is not named by its description"
        assert len(chart["description"]) > 40


def test_chinese_is_set_in_a_cjk_font(visit):
    assert visit.chinese, f"{visit.page} shows no Chinese (the book's title has some on every page)"
    for text, fonts in visit.chinese:
        han = len(HAN.findall(text))
        drawn_cjk = sum(glyphs for family, glyphs in fonts if CJK_FAMILY.search(family))
        assert drawn_cjk >= han, f"{visit.page}: {text[:40]!r} drawn with {fonts}, not a CJK font"


def test_no_serious_accessibility_violations(visit):
    problems = [v for v in visit.axe["violations"] if v["impact"] in BLOCKING or v["id"] in ALWAYS]
    report = "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                       f"{[n['target'] for n in v['nodes'][:3]]}" for v in problems)
    assert not problems, f"{visit.page}: {report}"


def test_root_redirects_to_the_landing_page(chromium, site):
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(site + "index.html")
        page.wait_for_url(re.compile(r"book/intro\.html$"), timeout=10_000)
        assert "Active docking" in page.title()
    finally:
        context.close()


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # a loopback URL only
        return response.status, response.read()


def test_every_notebook_page_offers_its_notebook(built_html, site):
    checked = 0
    for source in sorted((built_html / "_sources").rglob("*.ipynb")):
        doc = source.relative_to(built_html / "_sources").with_suffix("")
        page = built_html / doc.with_suffix(".html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select(".dropdown-download-buttons a[href]")
                 if a["href"].endswith(f"{doc.name}.ipynb")]
        assert links, f"{page.name} has no notebook download"
        status, body = fetch(urllib.parse.urljoin(site + str(doc.with_suffix(".html")), links[0]))
        assert status == 200
        served = nbformat.reads(body.decode("utf-8"), as_version=4)
        nbformat.validate(served)
        committed = nbformat.read(REPO / doc.with_suffix(".ipynb"), as_version=4)
        assert [c.source for c in served.cells] == [c.source for c in committed.cells]
        checked += 1
    assert checked >= 2


def test_data_links_are_served(built_html, site):
    checked = set()
    for name in browser.pages(built_html):
        soup = BeautifulSoup((built_html / name).read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a.yrd-data-link"):
            url = urllib.parse.urljoin(site + name, link["href"])
            if url in checked:
                continue
            status, body = fetch(url)
            file = url.rsplit("/", 1)[-1]
            original = REPO / ("references.bib" if file == "references.bib" else f"data/{file}")
            assert status == 200 and body == original.read_bytes(), f"{name}: {url} is not {original}"
            checked.add(url)
    assert any(u.endswith(".csv") for u in checked)
