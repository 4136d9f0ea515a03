"""The bibliography's pybtex style (yrdbook.build.bibstyle): every entry of references.bib in
GB/T 7714-2015 form, in the order the paper prints its elements, labelled [paper] and [ref n]."""

import re

import pytest
from pybtex.database import parse_file, parse_string
from pybtex.plugin import find_plugin

from yrdbook.build import bibstyle
from yrdbook.build.bibstyle import Style
from yrdbook.datapackage import paths

# The paper's references in GB/T 7714-2015 form, then the book's English gloss.
EXPECTED = {
    "ref01": ("长江三角洲城市群发展规划[EB/OL]. "
              "http://www.ndrc.gov.cn/zcfb/zcfbghwb/201606/W020160715545638297734.pdf. 2016-06-01.",
              "Development Plan for the Yangtze River Delta City Cluster"),
    "ref04": ("于迎. 从经济优先型到整体性规划: 中国城市群发展新型动力建构战略及其实现路径[J]. 行政论坛, 2017(5): 45-52.",
              "From economy-first to holistic planning: strategies for building new driving forces of China's "
              "city-cluster development and paths to their realisation"),
    "ref05": ("共同做好长三角一体化发展大文章[N]. 解放日报, 2017-12-08.",
              "Jointly doing well the great task of Yangtze River Delta integrated development"),
    "ref12": ("南通市国民经济和社会发展第十三个五年规划纲要[EB/OL]. http://xxgk.nantong.gov.cn/govdiropen/jcms_files/"
              "jcms1/web3/site/art/2016/8/11/art_389_467014.html. 2016-02-06.",
              "Outline of the 13th Five-Year Plan for the National Economic and Social Development of Nantong"),
    "ref19": ("唐亚林. 当代中国大都市治理的范式建构及其转型方略[J]. 行政论坛, 2016(4): 19-24, 2.",
              "Paradigm construction and transformation strategy of metropolitan governance in contemporary China"),
    "ref25": ("王海岳. 对接上海贵在精准[EB/OL]. http://www.nantong.gov.cn/art/2017/4/27/art_72260_2453073.html. "
              "2017-04-27.",
              "In connecting with Shanghai, precision is what counts"),
}
PAPER = ("……治理新模式的复合动力与机制创新. (Note by the book: The opening of the title, the authors, the journal, "
         "volume, issue and year are not in the available text and are unknown. The text shows a closing page "
         "number 53 and the editor credit 责任编辑\u00a0刘建明; its latest cited item is dated 2017-12-08.)")
MARKERS = {"online": "[EB/OL]", "article": "[J]", "newspaper": "[N]"}
MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(paths.bib_path()))


@pytest.fixture(scope="module")
def rendered(bib):
    """key -> (label, text) for every entry, in the style's order, with the text backend."""
    return {e.key: (e.label, e.text.render_as("text")) for e in Style().format_entries(bib.entries.values())}


def test_every_entry_is_rendered_in_the_papers_order(bib, rendered):
    assert list(rendered) == ["source_paper"] + [f"ref{n:02d}" for n in range(1, 28)]
    assert [label for label, _ in rendered.values()] == ["paper"] + [f"ref {n}" for n in range(1, 28)]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_gbt7714_strings(rendered, key):
    gbt, gloss = EXPECTED[key]
    assert rendered[key][1] == f"{gbt} (English gloss by the book: {gloss})"


def test_gbt7714_part_without_the_gloss(bib):
    style = Style()
    for key, (gbt, _) in EXPECTED.items():
        assert style.format_gbt(bib.entries[key]).render_as("text") == gbt


def test_source_paper_is_shown_as_the_text_has_it(rendered):
    assert rendered["source_paper"] == ("paper", PAPER)


def test_every_reference_has_its_marker_date_and_address(bib, rendered):
    for key, entry in bib.entries.items():
        if key == "source_paper":
            continue
        text = rendered[key][1]
        gbt, gloss = text.split(" (English gloss by the book: ")
        title = re.sub(r"\s*：\s*", ": ", entry.fields["title"].replace("{", "").replace("}", ""))
        title = bibstyle.CJK_SPACE.sub("\u00a0", title)
        names = ", ".join(str(person).strip("{}") for person in entry.persons.get("author", []))
        assert gbt.startswith((f"{names}. " if names else "") + title + MARKERS[entry.type] + ". "), key
        assert gloss.endswith(")") and gloss[:-1] in entry.fields["note"], key
        if entry.type == "online":  # the paper prints the address, then the date
            assert gbt.endswith(f"{entry.fields['url']}. {entry.fields['date']}."), key
        if entry.type == "newspaper":
            assert gbt.endswith(f"{entry.fields['journal']}, {entry.fields['date']}."), key
        assert not re.search(MONTHS, gbt), f"{key}: a date shortened to its month"
        assert "–" not in gbt and "pages" not in gbt, f"{key}: unsrt's page form"


def test_space_between_chinese_words_survives_xecjk(rendered):
    # [21] 人才接轨上海 心动更要行动: xeCJK drops an ordinary space between Chinese characters.
    assert rendered["ref21"][1].startswith("人才接轨上海\u00a0心动更要行动[EB/OL]. ")
    assert rendered["ref23"][1].startswith("南通公安多措并举\u00a0服务对接上海[EB/OL]. ")


def test_urls_are_links_in_html(bib):
    html = Style().format_gbt(bib.entries["ref01"]).render_as("html")
    url = bib.entries["ref01"].fields["url"]
    assert f'<a href="{url}">{url}</a>' in html


def test_registered_for_sphinxcontrib_bibtex():
    bibstyle.register()
    assert find_plugin("pybtex.style.formatting", "yrdbook") is Style


def test_types_without_a_template_do_not_fail():
    # pybtex's own styles raise AttributeError on a type they have no template for.
    bib = parse_string(r"""
        @book{b, author = {Liu, Jia Qi and {王五}}, title = {题名}, publisher = {中华书局}, year = {2000}}
        @whatever{w, title = {Something}, year = {2001}}
    """, "bibtex")
    texts = [e.text.render_as("text") for e in Style().format_entries(bib.entries.values())]
    # A book without its place of publication says so, as GB/T 7714-2015 8.4.1.3 asks.
    assert texts == ["LIU J Q, 王五. 题名[M]. [出版地不详]: 中华书局, 2000.", "Something, 2001."]


def test_the_books_own_gbt_reference():
    from yrdbook.build import citation
    from yrdbook.build.bibstyle import book_reference, reference

    book = citation.load()
    assert book_reference(book) == (f"{book.publisher}. {book.title}[M]. {book.version} ed. [S.l.]: "
                                    f"{book.publisher}, {book.year}.")
    assert reference(citation.bib_entry("ref05")) == "共同做好长三角一体化发展大文章[N]. 解放日报, 2017-12-08."
