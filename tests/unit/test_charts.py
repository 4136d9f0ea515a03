"""The chart renderer: offline, deterministic, with alt text and Chinese glyphs in images."""

import base64
import json

import altair as alt
import pandas as pd
import pytest

from yrdbook import charts
from yrdbook.build import chart_output
from yrdbook.charts import render


@pytest.fixture(scope="module", autouse=True)
def enabled():
    charts.enable()


def labelled(names):
    frame = pd.DataFrame({"city": names, "n": range(1, len(names) + 1)})
    return alt.Chart(frame, description="test chart").mark_bar().encode(x="city:N", y="n:Q")


def test_bundle_has_spec_png_and_text():
    from IPython.core.formatters import format_display_data
    bundle, _ = format_display_data(labelled(["上海", "南通"]))  # what Jupyter and glue receive
    assert set(bundle) == {render.SPEC_MIME, "image/png", "text/plain"}
    assert bundle[render.SPEC_MIME]["description"] == "test chart"
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert bundle["text/plain"] == "Chart: test chart"


def test_html_is_offline_and_deterministic():
    spec = labelled(["上海", "南通"]).to_dict()
    first, second = chart_output.html_container(spec), chart_output.html_container(spec)
    assert first == second
    assert "http" not in first.replace(spec["$schema"], "")
    assert '<noscript><p class="yrd-chart-alt">test chart</p></noscript>' in first
    assert 'role="img"' not in first  # the drawn SVG gets the role, not the container with its menu
    assert "<script src" not in first


def test_spec_cannot_close_its_script_tag():
    spec = labelled(["</script><b>x"]).to_dict()
    html = chart_output.html_container(spec)
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
    html = chart_output.html_container(spec)
    assert html.endswith('</div><p class="yrd-data">Data: '
                         '<a class="yrd-data-link reference internal" href="yrd-data:cities.csv">'
                         '<code class="docutils literal notranslate"><span class="pre">cities.csv</span></code></a>, '
                         '<a class="yrd-data-link reference internal" href="yrd-data:events.csv">'
                         '<code class="docutils literal notranslate"><span class="pre">events.csv</span></code></a>.</p>')


def test_unknown_data_file_is_refused():
    with pytest.raises(ValueError, match="citiez.csv"):
        render.data_files("citiez.csv")


def test_html_builders_prefer_the_spec_and_print_takes_the_png():
    from myst_nb.core.render import get_mime_priority
    html, latex = get_mime_priority("html", []), get_mime_priority("latex", [])
    assert html.index(render.SPEC_MIME) < html.index("image/png")
    assert render.SPEC_MIME not in latex and "image/png" in latex


def test_png_is_recompressed_without_changing_a_pixel():
    import io

    import vl_convert as vlc
    from PIL import Image
    spec = labelled(["上海", "南通"]).to_dict()
    drawn = vlc.vegalite_to_png(spec, vl_version=render.VEGALITE_VERSION, scale=1, ppi=render.PNG_PPI)
    packed = render.png(spec)
    assert len(packed) < len(drawn)
    assert Image.open(io.BytesIO(packed)).tobytes() == Image.open(io.BytesIO(drawn)).tobytes()
