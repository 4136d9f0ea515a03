// Draws every chart of the page with the locally served vega-embed.
// Runs inside the chart bundle (yrd-charts.js), where vegaEmbed is in scope and nothing
// leaks to window; the bundle is built by yrdbook.build.assets.
for (const container of document.querySelectorAll("div.yrd-chart")) {
  const spec = JSON.parse(container.querySelector("script.yrd-chart-spec").textContent);
  const view = container.querySelector("div.yrd-chart-view");
  vegaEmbed(view, spec, {renderer: "svg", actions: {export: true, source: false, compiled: false, editor: false}})
    .then(() => {
      // The drawing is one image named by the chart's description (its alt text).
      const svg = view.querySelector("svg.marks");
      if (svg) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", spec.description); }
      // vega-embed's menu button is an icon without a name; screen readers need one.
      const menu = view.querySelector("details > summary");
      if (menu) menu.setAttribute("aria-label", "Save this chart as SVG or PNG");
      container.setAttribute("data-rendered-ms", performance.now().toFixed(1));  // for the benchmark
      container.setAttribute("data-rendered", "true");
    })
    .catch((error) => { view.textContent = "This chart could not be drawn: " + error; console.error(error); });
}
