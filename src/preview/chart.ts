/**
 * Draws the active sheet's charts as SVG line charts from the sheet's current values: the
 * categories as x, one line per series, round ticks with gridlines, tick labels in the axes'
 * number formats (as the pane set them; "#,##0" otherwise), labels kept inside the drawing,
 * a legend (unless the pane hid it), and the axis titles the pane gave.
 */
import { parseRange } from "../plan/a1";
import type { PreviewBook, PreviewChart } from "./book";
import { formatValue } from "./format";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#0f6cbd", "#c4314b", "#107c10", "#8764b8"];

export function renderCharts(book: PreviewBook, host: HTMLElement): void {
  const charts = book.charts.filter((c) => c.sheet === book.active);
  host.replaceChildren(...charts.map((c) => drawChart(book, c)));
  host.hidden = charts.length === 0;
}

function n(book: PreviewBook, sheet: string, row: number, col: number): number | undefined {
  const v = book.engine.value(sheet, row, col);
  return typeof v === "number" ? v : undefined;
}

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function drawChart(book: PreviewBook, chart: PreviewChart): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart";
  const caption = document.createElement("figcaption");
  caption.textContent = chart.title || "Chart";
  figure.appendChild(caption);
  const column = (range: string | undefined): number[] => {
    if (!range) return [];
    const r = parseRange(range.slice(range.lastIndexOf("!") + 1));
    const out: number[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(n(book, chart.sheet, row, col) ?? NaN);
    return out;
  };
  const series = chart.series.map((s) => ({ name: s.name, ys: column(s.values) }));
  const xs = chart.categories ? column(chart.categories) : (series[0]?.ys.map((_, i) => i + 1) ?? []);
  const finite = (a: number[]) => a.filter(Number.isFinite);
  const allY = series.flatMap((s) => finite(s.ys));
  const xTicks = niceTicks(Math.min(...finite(xs)), Math.max(...finite(xs)), 6);
  const yTicks = niceTicks(Math.min(0, ...allY), Math.max(0, ...allY), 6);
  const xMin = xTicks[0];
  const xMax = xTicks[xTicks.length - 1];
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const xLabel = (v: number) => formatValue(v, chart.xFormat ?? "#,##0");
  const yLabel = (v: number) => formatValue(v, chart.yFormat ?? "#,##0");
  // Room for the longest value label at the left and half an x label at the right, so none is clipped.
  const charW = 6.2;
  const W = 520;
  const H = 260;
  const pad = {
    l: 26 + Math.max(...yTicks.map((v) => yLabel(v).length)) * charW,
    r: 6 + (xLabel(xMax).length * charW) / 2,
    t: 12,
    b: 44,
  };
  const sx = (x: number) => pad.l + ((x - xMin) / (xMax - xMin || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - ((y - yMin) / (yMax - yMin || 1)) * (H - pad.t - pad.b);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": chart.title || "chart" });
  // Gridlines and tick labels first, so the lines are drawn over them.
  for (const y of yTicks) {
    svg.appendChild(
      el("line", { x1: pad.l, y1: sy(y), x2: W - pad.r, y2: sy(y), stroke: "#e1e1e1", class: "gridline" }),
    );
    if (chart.ticks?.y?.mark !== "None")
      svg.appendChild(
        el("line", { x1: pad.l - 4, y1: sy(y), x2: pad.l, y2: sy(y), stroke: "#8a8a8a", class: "tickmark" }),
      );
    const t = el("text", { x: pad.l - 6, y: sy(y) + 3.5, "text-anchor": "end", "font-size": 10, class: "tick" });
    t.textContent = yLabel(y);
    svg.appendChild(t);
  }
  for (const x of xTicks) {
    if (chart.ticks?.x?.mark !== "None")
      svg.appendChild(
        el("line", { x1: sx(x), y1: H - pad.b, x2: sx(x), y2: H - pad.b + 4, stroke: "#8a8a8a", class: "tickmark" }),
      );
    const t = el("text", { x: sx(x), y: H - pad.b + 15, "text-anchor": "middle", "font-size": 10, class: "tick" });
    t.textContent = xLabel(x);
    svg.appendChild(t);
  }
  svg.appendChild(el("line", { x1: pad.l, y1: sy(0), x2: W - pad.r, y2: sy(0), stroke: "#8a8a8a" }));
  svg.appendChild(el("line", { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, stroke: "#8a8a8a" }));
  // Later series are drawn thinner on top of earlier ones, with markers, so a line that lies on
  // another (or on the axis, all zero) still shows.
  series.forEach((s, i) => {
    const colour = COLORS[i % COLORS.length];
    const pts = xs
      .map((x, k) => (Number.isFinite(x) && Number.isFinite(s.ys[k]) ? [sx(x), sy(s.ys[k])] : undefined))
      .filter((p): p is number[] => p !== undefined);
    const width = Math.max(1.5, 3 - i);
    svg.appendChild(
      el("polyline", {
        points: pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "),
        fill: "none",
        stroke: colour,
        "stroke-width": width,
        "stroke-dasharray": i === 0 ? "none" : "6 3",
        class: "series",
        "data-series": s.name,
      }),
    );
    for (const [x, y] of pts)
      svg.appendChild(el("circle", { cx: x, cy: y, r: 2.5, fill: colour, "data-series": s.name }));
  });
  if (chart.xTitle) {
    const t = el("text", { x: (pad.l + W - pad.r) / 2, y: H - 8, "text-anchor": "middle", "font-size": 11 });
    t.textContent = chart.xTitle;
    svg.appendChild(t);
  }
  if (chart.yTitle) {
    const t = el("text", {
      x: 12,
      y: (pad.t + H - pad.b) / 2,
      "text-anchor": "middle",
      "font-size": 11,
      transform: `rotate(-90 12 ${(pad.t + H - pad.b) / 2})`,
    });
    t.textContent = chart.yTitle;
    svg.appendChild(t);
  }
  figure.appendChild(svg);
  if (chart.legend?.visible === false) return figure;
  const legend = document.createElement("ul");
  legend.className = "legend";
  series.forEach((s, i) => {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch series-${i % COLORS.length}`;
    li.append(swatch, document.createTextNode(s.name));
    legend.appendChild(li);
  });
  figure.appendChild(legend);
  return figure;
}

/** Round tick values (steps of 1, 2 or 5 × 10ⁿ) covering lo..hi, about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) {
    hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
    lo = lo === 0 ? 0 : lo - Math.abs(lo) * 0.1;
  }
  const raw = (hi - lo) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  let first = Math.floor(lo / step) * step;
  if (first > lo) first -= step;
  // Each tick rounded to the step's own decimals (not to significant digits, which merge the ticks of a narrow
  // range far from 0, such as 1,000,000,000 to 1,000,000,000.01).
  const decimals = Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(step))));
  const tick = (i: number) => Number((first + i * step).toFixed(decimals));
  const ticks: number[] = [];
  for (let i = 0; tick(i) < hi + step * 0.5; i++) ticks.push(tick(i));
  if (ticks[ticks.length - 1] < hi) ticks.push(tick(ticks.length));
  return ticks;
}
