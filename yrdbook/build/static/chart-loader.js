// Draws every chart of the page with the locally served vega-embed, at a width that fits its
// column, and draws it again when the column's width changes.
// Runs inside the chart bundle (yrd-charts.js), where vegaEmbed is in scope and nothing
// leaks to window; the bundle is built by yrdbook.build.assets.
//
// A chart is drawn as designed (the print layout, usermeta.yrdbook.width px wide) where its
// column has room. Where the column is narrower it is laid out again rather than shrunk: the
// plotting area narrows while the text keeps its size, panels wrap into fewer columns, and
// legends stack vertically below the chart.

const EMBED_OPTIONS = {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}};
const NARROW_LEGEND = {orient: "bottom", direction: "vertical", columns: 1};
const PANEL_KEYS = ["hconcat", "vconcat", "concat"];
const RESIZE_DELAY_MS = 150;
const ACTION_ROOM = 38;  // vega-embed's padding for its action button
const ACTIONS_FROM = 480;  // px of column: narrower columns give the chart the button's room
const MIN_PLOT = 60;  // px: a plotting area is never made narrower than this
const LABEL_SHARE = 0.42;  // of a narrowed chart's width, at most, for one axis's labels
const MIN_LABEL = 80;
const NARROW_BELOW = 0.8;  // a chart's narrow layout is drawn where less than this share of its width fits

function panelsOf(spec) {
  const key = PANEL_KEYS.find((k) => Array.isArray(spec[k]));
  return key ? {key, panels: spec[key]} : null;
}

// The spec laid out for `width` px in all, axes and legends included, its text at full size: the
// plotting area (or each panel) narrowed by what the design is over the width, and by `extra` px
// more where a first layout was still too wide. Vega's default autosize ("pad") then grows the
// drawing to hold every label, so nothing is cut off.
function fitted(spec, width, design, extra) {
  const fit = structuredClone(spec);
  const limit = Math.max(MIN_LABEL, Math.floor(width * LABEL_SHARE));
  fit.config = {...fit.config, legend: {...(fit.config || {}).legend, ...NARROW_LEGEND, labelLimit: width - 40}};
  fit.config.axis = {...fit.config.axis, labelLimit: limit};
  capLimits(fit, limit);
  const aspect = (spec.usermeta && spec.usermeta.yrdbook && spec.usermeta.yrdbook.aspect) || null;
  const sized = (view, w) => {
    view.width = Math.max(MIN_PLOT, Math.floor(w));
    if (aspect) view.height = Math.round(view.width * aspect);
  };
  const layout = panelsOf(fit);
  if (!layout) {
    // A width given as a step per category becomes a width in pixels.
    sized(fit, (typeof spec.width === "number" ? spec.width : design / 2) - (design - width) - extra);
    return fit;
  }
  // Panels: as many in a row as fit at their designed width; the panels of a row share what is over.
  const perRow = layout.key === "vconcat" ? 1 : (layout.key === "concat" ? (spec.columns || layout.panels.length) : layout.panels.length);
  const panelOuter = design / perRow;
  const columns = Math.max(1, Math.min(perRow, Math.floor(width / panelOuter)));
  delete fit[layout.key];
  fit.concat = layout.panels;
  fit.columns = columns;
  const over = Math.max(0, panelOuter * columns - width) / columns;
  for (const panel of fit.concat) {
    if (typeof panel.width === "number") sized(panel, panel.width - over - extra);
  }
  return fit;
}

const LIMITS = ["labelLimit", "titleLimit", "limit"];

// A legend that asks for columns gets one (entries one below the other), and long labels
// (axis labels, legend labels and titles, text marks) end in an ellipsis at `limit` px rather than pushing the
// chart past its column; the full text stays in the tooltips and in the tables beside the figure.
function capLimits(node, limit) {
  if (Array.isArray(node)) { node.forEach((item) => capLimits(item, limit)); return; }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (LIMITS.includes(key) && typeof value === "number" && value > limit) node[key] = limit;
    if (key === "legend" && value && typeof value === "object" && "columns" in value) value.columns = 1;
    if (key !== "data" && key !== "datasets") capLimits(value, limit);
  }
}

// The chart's view is the element vega-embed draws into (it becomes an inline block as wide as
// the drawing, its action button and the dark theme's card padding included); its container is
// as wide as the column.
function drawnWidth(view) {
  return view.getBoundingClientRect().width;
}

function available(container) {
  return container.clientWidth;
}

function padding(view) {
  const style = getComputedStyle(view);
  return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
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
  const room = available(container);
  const meta = (spec.usermeta && spec.usermeta.yrdbook) || {};
  state.width = room;
  // On a phone the chart has the room of the action button (export as SVG or PNG) too.
  const options = room < ACTIONS_FROM ? {...EMBED_OPTIONS, actions: false} : EMBED_OPTIONS;
  const budget = room - (options.actions ? ACTION_ROOM : 0) - padding(view);
  // A chart may bring a layout of its own for narrow columns (the framework, top to bottom).
  const narrow = meta.narrow && room > 0 && budget < (meta.width || 0) * NARROW_BELOW;
  const base = narrow ? meta.narrow : spec;
  const design = ((base.usermeta && base.usermeta.yrdbook) || {}).width || 0;
  let extra = 0;
  let shown = room > 0 && design > budget ? fitted(base, budget, design, extra) : base;
  for (let attempt = 0; ; attempt++) {
    if (state.result) state.result.finalize();
    state.result = await vegaEmbed(view, shown, options);
    const over = drawnWidth(view) - room;
    if (room <= 0 || over <= 0.5 || attempt === 4) break;
    // Still too wide (labels that do not shrink): take what is over from the plotting area.
    extra += Math.ceil(over / (shown.columns || 1));
    shown = fitted(base, budget, design || drawnWidth(view) - (room - budget), extra);
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
    if (Math.abs(available(container) - state.width) < 4) return;  // height changes come from the drawing itself
    clearTimeout(state.timer);
    state.timer = setTimeout(() => { container.setAttribute("data-rendered", "false"); redraw(); }, RESIZE_DELAY_MS);
  }).observe(container);
}
