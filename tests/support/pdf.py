"""Reading the PDF edition as it was typeset: the LaTeX log's overfull boxes and page layout,
where text and images sit on each page (poppler's ``pdftohtml -xml``), each placed image's
printed resolution (``pdfimages -list``), and which chart each image is, with the smallest
text the chart draws (its Vega-Lite spec, stored in the notebook beside its PNG, drawn to SVG).

Lengths on the page are in PostScript points (1/72 in) from the top of the page; TeX's
points (1/72.27 in) from the log are converted.
"""

import base64
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

TEX_PT = 72 / 72.27  # one TeX point in PostScript points


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        raise FileNotFoundError(f"{tool} is missing: install Debian's poppler-utils (./tasks.sh pdf does)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True, timeout=120).stdout


# --- the LaTeX log -----------------------------------------------------------------------------

@dataclass
class Overfull:
    points: float  # how far the box runs past its width, in TeX points
    where: str  # "in paragraph at lines 16539--16542" (lines of book.tex)
    material: str  # the start of the box as TeX shows it

    def __str__(self) -> str:
        return f"{self.points:.1f}pt {self.where}: {self.material}"


# A line too wide for its measure (\hbox), or a page too tall for the text block (\vbox: text
# or a float running past the foot of the page).
OVERFULL = re.compile(r"^Overfull \\[hv]box \(([\d.]+)pt too (?:wide|high)\) (.*)\n(.*)", re.M)


def overfull_boxes(log: str) -> list[Overfull]:
    """Every overfull box that the log reports (TeX's own check: underfull boxes are only loose)."""
    return [Overfull(float(points), where.strip(), material.strip())
            for points, where, material in OVERFULL.findall(log)]


def text_block(log: str) -> dict[str, float]:
    """The text block as geometry reports it in the log (verbose mode, Sphinx's default):
    left margin, width, top margin and height, in PostScript points."""
    h = re.search(r"^\* h-part:\(L,W,R\)=\(([\d.]+)pt, ([\d.]+)pt, ([\d.]+)pt\)", log, re.M)
    v = re.search(r"^\* v-part:\(T,H,B\)=\(([\d.]+)pt, ([\d.]+)pt, ([\d.]+)pt\)", log, re.M)
    if not (h and v):
        raise ValueError("book.log does not show geometry's page layout (h-part and v-part)")
    return {"left": float(h[1]) * TEX_PT, "width": float(h[2]) * TEX_PT,
            "top": float(v[1]) * TEX_PT, "height": float(v[2]) * TEX_PT}


# --- the LaTeX source: figures and their images -----------------------------------------------

@dataclass
class LatexFigure:
    label: str  # book/evolution:fig-timeline
    image: str  # the file LaTeX includes, named by the SHA-256 of the PNG's bytes
    options: str  # \sphinxincludegraphics's options, e.g. width=1.000\linewidth


FIGURE = re.compile(r"\\begin\{figure\}.*?\\end\{figure\}", re.S)
INCLUDE = re.compile(r"\\sphinxincludegraphics(?:\[([^\]]*)\])?\{\{([^}]*)\}(\.\w+)\}")
LABEL = re.compile(r"\\label\{\\detokenize\{([^}]*)\}\}")


def latex_figures(tex: str) -> list[LatexFigure]:
    """The book's figures in the order of book.tex (LaTeX keeps floats of one kind in order)."""
    figures = []
    for block in FIGURE.findall(tex):
        label = LABEL.search(block)
        for options, stem, suffix in INCLUDE.findall(block):
            figures.append(LatexFigure(label[1] if label else "", stem + suffix, options))
    return figures


# --- the notebooks: each chart's PNG and Vega-Lite spec -----------------------------------------

@dataclass
class Chart:
    notebook: str
    name: str  # the glue name, e.g. fig-timeline
    spec: dict
    png_size: tuple[int, int]


def notebook_charts(notebooks, spec_mime: str) -> dict[str, Chart]:
    """Every chart output of the notebooks, by the SHA-256 of its PNG (myst-nb names the image
    file it writes for LaTeX the same way)."""
    charts = {}
    for path in notebooks:
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
        for cell in notebook.get("cells", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if spec_mime in data and "image/png" in data:
                    png = base64.b64decode(data["image/png"])
                    name = output.get("metadata", {}).get("scrapbook", {}).get("name", "")
                    charts[hashlib.sha256(png).hexdigest()] = Chart(Path(path).stem, name, data[spec_mime],
                                                                    png_size(png))
    return charts


def png_size(png: bytes) -> tuple[int, int]:
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


SVG = "{http://www.w3.org/2000/svg}"


def svg_text_sizes(svg: str) -> tuple[list[float], float]:
    """The font size (px) of every visible text the SVG draws, and the SVG's width (px)."""
    root = ET.fromstring(svg)
    sizes = []

    def walk(element, inherited):
        size = inherited
        style = dict(part.split(":", 1) for part in element.get("style", "").split(";") if ":" in part)
        value = style.get("font-size", element.get("font-size"))
        if value:
            size = float(re.match(r"[\d.]+", value.strip())[0])
        if element.tag == f"{SVG}text" and "".join(element.itertext()).strip() \
                and element.get("opacity", "1") != "0" and element.get("visibility") != "hidden":
            sizes.append(size)
        for child in element:
            walk(child, size)

    walk(root, 16.0)  # the SVG default
    return sizes, float(root.get("width"))


# --- the PDF: placed images and the layout of each page ---------------------------------------

@dataclass
class PlacedImage:
    page: int
    width: int  # pixels
    height: int
    x_ppi: float  # pixels per inch as placed on the page
    y_ppi: float


def placed_images(pdf: Path) -> list[PlacedImage]:
    """Every image drawn in the PDF, in page order (their soft masks left out)."""
    images = []
    for row in poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]:
        fields = row.split()
        if fields[2] == "image":
            images.append(PlacedImage(int(fields[0]), int(fields[3]), int(fields[4]),
                                      float(fields[12]), float(fields[13])))
    return images


@dataclass
class Box:
    top: float
    bottom: float
    kind: str  # "text" or "image"
    text: str = ""


@dataclass
class Page:
    number: int
    height: float
    boxes: list[Box] = field(default_factory=list)


def page_layout(pdf: Path) -> list[Page]:
    """Where each line of text and each image sits on each page (pdftohtml -xml, 1:1 scale)."""
    with tempfile.TemporaryDirectory() as scratch:
        poppler("pdftohtml", "-xml", "-q", "-zoom", "1", "-nodrm", str(pdf), str(Path(scratch) / "layout"))
        root = ET.parse(Path(scratch) / "layout.xml").getroot()
    pages = []
    for element in root.iter("page"):
        page = Page(int(element.get("number")), float(element.get("height")))
        for item in element:
            if item.tag in ("text", "image"):
                top = float(item.get("top"))
                page.boxes.append(Box(top, top + float(item.get("height")), item.tag, "".join(item.itertext())))
        page.boxes.sort(key=lambda box: box.top)
        pages.append(page)
    return pages


# --- each figure as printed: its chart's smallest text --------------------------------------------

@dataclass
class PrintedFigure:
    label: str
    png_size: tuple[int, int]  # pixels
    page: int
    printed_ppi: float  # PNG pixels per printed inch, as pdfimages gives it (a whole number)
    font_px: float  # the chart's smallest text, in the chart's own (CSS) pixels
    chart_width: float  # the chart's width in the same pixels (its SVG); the PNG has more

    @property
    def placed_width(self) -> float:
        """Printed width in PostScript points."""
        return self.png_size[0] / self.printed_ppi * 72

    @property
    def font_png_px(self) -> float:
        return self.font_px * self.png_size[0] / self.chart_width

    @property
    def printed_pt(self) -> float:
        """The smallest text's printed size: its height in PNG pixels at the printed resolution."""
        return self.font_png_px * 72 / self.printed_ppi

    def font_px_for(self, points: float) -> float:
        """The smallest font (chart pixels) that prints at ``points`` at this chart width."""
        return points * self.chart_width / self.placed_width

    def chart_width_for(self, points: float) -> float:
        """The widest chart (its own pixels) whose smallest font prints at ``points``."""
        return self.font_px * self.placed_width / points

    def __str__(self) -> str:
        return (f"{self.label} (page {self.page}): PNG {self.png_size[0]}x{self.png_size[1]} px placed "
                f"{self.placed_width / 72:.2f} in wide ({self.printed_ppi:.0f} ppi); smallest text "
                f"{self.font_px:g} px in a {self.chart_width:g} px wide chart ({self.font_png_px:g} PNG px) "
                f"prints at {self.printed_pt:.2f} pt")


def printed_figures(tex: str, pdf: Path, charts: dict[str, Chart], svg_of) -> tuple[list[PrintedFigure], list[str]]:
    """Each figure of book.tex with its placed image (the next one in the PDF of the same pixel
    size) and its chart (by the PNG's hash); ``svg_of(spec)`` draws a chart as SVG. Also what
    could not be matched or measured."""
    figures, problems = [], []
    images = iter(placed_images(pdf))
    for figure in latex_figures(tex):
        chart = charts.get(Path(figure.image).stem)
        if chart is None:
            problems.append(f"{figure.label}: its image {figure.image} is not a chart output of any notebook "
                            "(notebooks out of date? ./tasks.sh execute)")
            continue
        placed = next((image for image in images if (image.width, image.height) == chart.png_size), None)
        if placed is None:
            problems.append(f"{figure.label}: no image of {chart.png_size[0]}x{chart.png_size[1]} px in the PDF")
            break
        sizes, width = svg_text_sizes(svg_of(chart.spec))
        if not sizes:
            problems.append(f"{figure.label}: the chart draws no text")
            continue
        figures.append(PrintedFigure(figure.label, chart.png_size, placed.page, placed.x_ppi, min(sizes), width))
    return figures, problems
