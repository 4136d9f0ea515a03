"""The chart renderer: offline, deterministic, with alt text and Chinese glyphs in images."""

import base64
import json

import altair as alt
import pandas as pd
import pytest

from yrdbook import charts
from yrdbook.charts import render


@pytest.fixture(scope="module", autouse=True)
def enabled():
    charts.enable()


def labelled(names):
    frame = pd.DataFrame({"city": names, "n": range(1, len(names) + 1)})
    return alt.Chart(frame, description="test chart").mark_bar().encode(x="city:N", y="n:Q")


def test_bundle_has_html_png_and_text():
    bundle = labelled(["上海", "南通"])._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == "Chart: test chart"


def test_html_is_offline_and_deterministic():
    spec = labelled(["上海", "南通"]).to_dict()
    first, second = render.html_container(spec), render.html_container(spec)
    assert first == second
    assert "http" not in first.replace(spec["$schema"], "")
    assert '<noscript><p class="yrd-chart-alt">test chart</p></noscript>' in first
    assert 'role="img"' not in first  # the drawn SVG gets the role, not the container with its menu
    assert "<script src" not in first


def test_spec_cannot_close_its_script_tag():
    spec = labelled(["</script><b>x"]).to_dict()
    html = render.html_container(spec)
    payload = html.split('class="yrd-chart-spec">')[1].split("</script>")[0]
    assert json.loads(payload.replace("<\\/", "</"))["description"] == "test chart"


def test_chart_without_description_is_refused():
    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    with pytest.raises(render.ChartError, match="description"):
        render.render(chart.to_dict())


def test_chinese_glyphs_are_drawn_not_boxes():
    # Without a CJK font every Chinese character is drawn as the same empty box,
    # so two different labels would give identical images.
    one = render.png(labelled(["上海", "南通"]).to_dict())
    other = render.png(labelled(["嘉兴", "海门"]).to_dict())
    assert one != other


def test_static_image_is_print_resolution():
    image = render.png(labelled(["上海"]).to_dict())
    # PNG pHYs chunk: pixels per metre; 144 ppi is about 5669 px/m.
    phys = image[image.index(b"pHYs") + 4: image.index(b"pHYs") + 12]
    assert int.from_bytes(phys[:4], "big") == pytest.approx(5669, abs=2)


def test_theme_uses_cjk_font_and_palette():
    config = alt.theme.get()()["config"]
    assert config["font"] == "Noto Sans CJK SC"
    assert config["range"]["category"][0] == "#0072B2"


def test_data_files_are_linked_under_the_chart():
    spec = labelled(["上海"]).properties(usermeta=render.data_files("cities.csv", "events.csv")).to_dict()
    html = render.html_container(spec)
    assert html.endswith('</div><p class="yrd-data">Data: '
                         '<a class="yrd-data-link reference internal" href="yrd-data:cities.csv">'
                         '<code class="docutils literal notranslate"><span class="pre">cities.csv</span></code></a>, '
                         '<a class="yrd-data-link reference internal" href="yrd-data:events.csv">'
                         '<code class="docutils literal notranslate"><span class="pre">events.csv</span></code></a>.</p>')


def test_unknown_data_file_is_refused():
    with pytest.raises(ValueError, match="citiez.csv"):
        render.data_files("citiez.csv")
