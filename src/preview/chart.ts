/**
 * Draws the active sheet's charts as SVG line charts from the sheet's current values: the
 * categories as x, one line per series, round ticks with gridlines, tick labels in the axes'
 * number formats (as the pane set them; "#,##0" otherwise), labels kept inside the drawing,
 * a legend (unless the pane hid it) whose entries never break, and the axis titles the pane
 * gave. The drawing takes the width it has (up to 1,600 pixels) at its real size, so its text
 * is 13 pixels whatever the width. A chart says why when there is nothing to draw (the cells
 * it plots hold errors or text: the first one and its message) and when a line lies on the
 * axis ("Non-recourse: no personal exposure at any sale price in this range", from the
 * chart's own titles).
 */
import { address, parseRange } from "../plan/a1";
import type { PreviewBook, PreviewChart } from "./book";
import { formatValue } from "./format";
import { PREVIEW_MSG as M } from "./messages";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#0f6cbd", "#c4314b", "#107c10", "#8764b8"];
/** The drawing's widths in pixels: at most this wide (a wider line chart reads no better), at least this. */
const MAX_WIDTH = 1600;
const MIN_WIDTH = 360;
/** The text's size in pixels: tick labels, and the axis titles. */
const TICK_PX = 13;
const TITLE_PX = 13;

export function renderCharts(book: PreviewBook, host: HTMLElement): void {
  const charts = book.charts.filter((c) => c.sheet === book.active);
  host.hidden = charts.length === 0;
  // The room the charts have: the host's width (each chart's frame and padding, 14 px, taken off).
  const room = Math.round(host.clientWidth || host.parentElement?.clientWidth || 540) - 14;
  const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, room));
  host.replaceChildren(...charts.map((c) => drawChart(book, c, width)));
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

/** A note under a chart: why it draws nothing, or why a line lies on the axis. */
function note(text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "chart-note";
  p.setAttribute("role", "note");
  p.textContent = text;
  return p;
}

/** A title's words as a sentence's: "Sale price (share of the property's value)" → "sale price". */
function inWords(title: string | undefined, fallback: string): string {
  const t = (title ?? "").replace(/\s*\([^)]*\)\s*$/, "").trim();
  return t ? t.charAt(0).toLowerCase() + t.slice(1) : fallback;
}

/** The first cell of the ranges that holds no number: where it is and what it shows (its error's message). */
function firstGap(book: PreviewBook, sheet: string, ranges: readonly string[]): { at: string; why: string } {
  for (const range of ranges) {
    const r = parseRange(range.slice(range.lastIndexOf("!") + 1));
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = book.engine.value(sheet, row, col);
        if (typeof v === "number") continue;
        const why =
          v !== null && typeof v === "object"
            ? `${v.error}${book.explain(sheet, row, col) ? ` ${book.explain(sheet, row, col)}` : ""}`
            : v === null
              ? "blank"
              : `"${String(v)}"`;
        return { at: address(row, col), why };
      }
  }
  return { at: ranges[0] ?? "", why: "" };
}

function drawChart(book: PreviewBook, chart: PreviewChart, W: number): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.style.width = `${W + 14}px`;
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
  if (allY.length === 0 || finite(xs).length === 0) {
    // Nothing to draw: an empty plot with made-up ticks would say nothing; the first cell without a number does.
    const gap = firstGap(book, chart.sheet, [...chart.series.map((x) => x.values), chart.categories ?? ""]);
    figure.classList.add("no-data");
    figure.appendChild(note(M.chartNoData(gap.at, gap.why)));
    return figure;
  }
  // Ticks about every 110 pixels across, 60 down.
  const xTicks = niceTicks(Math.min(...finite(xs)), Math.max(...finite(xs)), Math.max(4, Math.round(W / 110)));
  const yTicks = niceTicks(Math.min(0, ...allY), Math.max(0, ...allY), 6);
  const xMin = xTicks[0];
  const xMax = xTicks[xTicks.length - 1];
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const xLabel = (v: number) => formatValue(v, chart.xFormat ?? "#,##0");
  const yLabel = (v: number) => formatValue(v, chart.yFormat ?? "#,##0");
  // Room for the longest value label at the left and half an x label at the right, so none is clipped.
  const charW = TICK_PX * 0.62;
  const H = Math.round(Math.min(420, Math.max(260, W * 0.4)));
  const pad = {
    l: 30 + Math.max(...yTicks.map((v) => yLabel(v).length)) * charW,
    r: 8 + (xLabel(xMax).length * charW) / 2,
    t: 12,
    b: 52,
  };
  const sx = (x: number) => pad.l + ((x - xMin) / (xMax - xMin || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - ((y - yMin) / (yMax - yMin || 1)) * (H - pad.t - pad.b);
  const svg = el("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: "img",
    "aria-label": chart.title || "chart",
  });
  // Gridlines and tick labels first, so the lines are drawn over them.
  for (const y of yTicks) {
    svg.appendChild(
      el("line", { x1: pad.l, y1: sy(y), x2: W - pad.r, y2: sy(y), stroke: "#e1e1e1", class: "gridline" }),
    );
    if (chart.ticks?.y?.mark !== "None")
      svg.appendChild(
        el("line", { x1: pad.l - 4, y1: sy(y), x2: pad.l, y2: sy(y), stroke: "#8a8a8a", class: "tickmark" }),
      );
    const t = el("text", { x: pad.l - 6, y: sy(y) + 4.5, "text-anchor": "end", "font-size": TICK_PX, class: "tick" });
    t.textContent = yLabel(y);
    svg.appendChild(t);
  }
  for (const x of xTicks) {
    if (chart.ticks?.x?.mark !== "None")
      svg.appendChild(
        el("line", { x1: sx(x), y1: H - pad.b, x2: sx(x), y2: H - pad.b + 4, stroke: "#8a8a8a", class: "tickmark" }),
      );
    const t = el("text", { x: sx(x), y: H - pad.b + 18, "text-anchor": "middle", "font-size": TICK_PX, class: "tick" });
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
    const t = el("text", { x: (pad.l + W - pad.r) / 2, y: H - 10, "text-anchor": "middle", "font-size": TITLE_PX });
    t.textContent = chart.xTitle;
    svg.appendChild(t);
  }
  if (chart.yTitle) {
    const t = el("text", {
      x: 14,
      y: (pad.t + H - pad.b) / 2,
      "text-anchor": "middle",
      "font-size": TITLE_PX,
      transform: `rotate(-90 14 ${(pad.t + H - pad.b) / 2})`,
    });
    t.textContent = chart.yTitle;
    svg.appendChild(t);
  }
  figure.appendChild(svg);
  // A line on the axis says why: the series is 0 at every point drawn.
  const zero = series.filter((x) => finite(x.ys).length > 0 && finite(x.ys).every((y) => y === 0));
  const notes = zero.map((x) =>
    note(M.chartZeroLine(x.name, inWords(chart.yTitle, "value"), inWords(chart.xTitle, "point"))),
  );
  if (chart.legend?.visible === false) {
    figure.append(...notes);
    return figure;
  }
  const legend = document.createElement("ul");
  legend.className = "legend";
  series.forEach((s, i) => {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch series-${i % COLORS.length}`;
    li.append(swatch, document.createTextNode(s.name));
    legend.appendChild(li);
  });
  figure.append(legend, ...notes);
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
