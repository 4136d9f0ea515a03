"""The chart renderer: offline, deterministic, with alt text and Chinese glyphs in images."""

import base64
import json

import altair as alt
import pandas as pd
import pytest

from yrdbook import charts
from yrdbook.build import chart_output
from yrdbook.charts import maps, render, theme
from yrdbook.datapackage.files import UnknownDataFile


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


def wide(names, width=900):
    return labelled(names).properties(width=width)


def test_a_wide_chart_is_laid_out_again_for_print_with_its_text_at_full_size():
    spec, drawn = render.for_print(wide(["上海", "南通"]).to_dict())
    assert render.png_width(drawn) <= theme.PRINT_WIDTH
    assert render.png_width(drawn) > theme.PRINT_WIDTH - 5  # fitted, not shrunk far below
    assert spec["width"] < 900
    assert "autosize" not in spec  # Vega's default "pad": nothing of the drawing is cut off


def test_a_narrow_chart_keeps_its_design():
    spec = labelled(["上海"]).properties(width=200).to_dict()
    fitted, drawn = render.for_print(spec)
    assert fitted == spec
    assert render.png_width(drawn) < 300


def test_panels_wider_than_print_are_refused():
    chart = alt.hconcat(wide(["上海"], 400), wide(["南通"], 400)).properties(description="two panels")
    with pytest.raises(render.ChartError, match="print width"):
        render.render(chart.to_dict())


def test_the_spec_records_the_drawn_width_for_the_page():
    bundle = render.render(wide(["上海", "南通"]).to_dict())
    assert bundle[render.SPEC_MIME]["usermeta"]["yrdbook"]["width"] == round(
        render.png_width(base64.b64decode(bundle["image/png"])))


def test_maps_keep_their_proportion_when_fitted():
    spec = render.with_plot_width({"width": 400, "height": 440, "usermeta": {"yrdbook": {"aspect": 1.1}}}, 200)
    assert (spec["width"], spec["height"]) == (200, 220)


def test_data_files_loaded_by_url_are_inlined_for_the_image():
    spec = {"data": {"url": "yrd-data:provinces.csv", "format": {"type": "csv"}}}
    with pytest.raises(UnknownDataFile):
        render.inline_data_files({"data": {"url": "yrd-data:no_such_file.csv"}})
    assert render.inline_data_files({"a": [1, {"b": "c"}]}) == {"a": [1, {"b": "c"}]}
    assert "url" not in render.inline_data_files({"data": {"url": "yrd-data:" + maps.BOUNDARY_FILE}})["data"]
    assert spec["data"]["url"].startswith("yrd-data:")  # the spec itself is left as it was


def test_count_axes_have_whole_number_ticks():
    axis = theme.count_axis("Cities").to_dict()
    assert axis["format"] == "d" and axis["tickMinStep"] == 1


def test_wrapped_labels():
    assert theme.wrapped("national planning lead", 14) == "national\nplanning lead"
    assert theme.wrapped("从上海引进产业项目和人才项目", 7) == "从上海引进产业\n项目和人才项目"
