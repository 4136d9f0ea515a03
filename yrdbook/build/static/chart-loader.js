// Draws every chart of the page with the locally served vega-embed, at a width that fits its
// column, and draws it again when the column's width changes.
// Runs inside the chart bundle (yrd-charts.js), where vegaEmbed is in scope and nothing
// leaks to window; the bundle is built by yrdbook.build.assets.
//
// A chart is first drawn as designed (the print layout, usermeta.yrdbook.width px wide). Where
// the column is narrower it is laid out again rather than shrunk: a single view is fitted to the
// width with its text at full size (Vega-Lite's "fit-x" autosize), panels wrap into fewer
// columns, and legends stack vertically below the chart.

const EMBED_OPTIONS = {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}};
const NARROW_LEGEND = {orient: "bottom", direction: "vertical"};
const PANEL_KEYS = ["hconcat", "vconcat", "concat"];
const RESIZE_DELAY_MS = 150;
const ACTION_ROOM = 38;  // vega-embed's padding for its action button

function panelsOf(spec) {
  const key = PANEL_KEYS.find((k) => Array.isArray(spec[k]));
  return key ? {key, panels: spec[key]} : null;
}

// The spec laid out for `width` px (the whole drawing, axes and legends included).
function fitted(spec, width, designWidth) {
  const fit = structuredClone(spec);
  fit.config = {...fit.config, legend: {...(fit.config || {}).legend, ...NARROW_LEGEND}};
  const aspect = (spec.usermeta && spec.usermeta.yrdbook && spec.usermeta.yrdbook.aspect) || null;
  const layout = panelsOf(fit);
  if (!layout) {
    fit.autosize = {type: "fit-x", contains: "padding"};
    fit.width = Math.floor(width);
    if (aspect) fit.height = Math.round(fit.width * aspect);
    return fit;
  }
  // Panels: as many in a row as fit at their designed width; a panel alone in its row is narrowed.
  const perRow = layout.key === "vconcat" ? 1 : (layout.key === "concat" ? (spec.columns || layout.panels.length) : layout.panels.length);
  const panelWidth = designWidth / perRow;
  const columns = Math.max(1, Math.min(perRow, Math.floor(width / panelWidth)));
  delete fit[layout.key];
  fit.concat = layout.panels;
  fit.columns = columns;
  const scale = Math.min(1, width / (panelWidth * columns));
  for (const panel of fit.concat) {
    if (typeof panel.width === "number") {
      panel.width = Math.floor(panel.width * scale);
      if (aspect) panel.height = Math.round(panel.width * aspect);
    }
  }
  return fit;
}

// The width of what vega-embed drew, its action button included.
function drawnWidth(view) {
  const embed = view.querySelector(".vega-embed");
  return embed ? embed.getBoundingClientRect().width : 0;
}

function available(view) {
  const style = getComputedStyle(view);
  return view.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

function name(view, spec) {
  // The drawing is one image named by the chart's description (its alt text).
  const svg = view.querySelector("svg.marks");
  if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", spec.description); }
  // vega-embed's menu button is an icon without a name; screen readers need one.
  const menu = view.querySelector("details > summary");
  if (menu) menu.setAttribute("aria-label", "Save this chart as SVG or PNG");
}

async function draw(container, spec, state) {
  const view = container.querySelector("div.yrd-chart-view");
  const room = available(view);
  const design = (spec.usermeta && spec.usermeta.yrdbook && spec.usermeta.yrdbook.width) || 0;
  state.width = view.clientWidth;
  let budget = room - ACTION_ROOM;
  let shown = room > 0 && design > budget ? fitted(spec, budget, design) : spec;
  for (let attempt = 0; ; attempt++) {
    if (state.result) state.result.finalize();
    state.result = await vegaEmbed(view, shown, EMBED_OPTIONS);
    const over = drawnWidth(view) - room;
    if (room <= 0 || over <= 0.5 || attempt === 3) break;
    // Axis labels and legends keep their size: take what is still over from the next layout.
    budget -= Math.ceil(over);
    shown = fitted(spec, budget, design || drawnWidth(view) - ACTION_ROOM);
  }
  name(view, spec);
}

for (const container of document.querySelectorAll("div.yrd-chart")) {
  const spec = JSON.parse(container.querySelector("script.yrd-chart-spec").textContent);
  const view = container.querySelector("div.yrd-chart-view");
  const state = {result: null, width: 0, timer: null, drawing: Promise.resolve()};
  const redraw = () => {
    state.drawing = state.drawing
      .then(() => draw(container, spec, state))
      .then(() => {
        container.setAttribute("data-rendered-ms", performance.now().toFixed(1));  // for the benchmark
        container.setAttribute("data-rendered", "true");
      })
      .catch((error) => { view.textContent = "This chart could not be drawn: " + error; console.error(error); });
  };
  redraw();
  new ResizeObserver(() => {
    if (Math.abs(view.clientWidth - state.width) < 4) return;  // height changes come from the drawing itself
    clearTimeout(state.timer);
    state.timer = setTimeout(() => { container.setAttribute("data-rendered", "false"); redraw(); }, RESIZE_DELAY_MS);
  }).observe(view);
}
