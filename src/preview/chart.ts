/**
 * Draws the active sheet's charts as SVG line charts from their source ranges: a header
 * row of series names, the x values in the first column, one line per other column.
 */
import { parseRange } from "../plan/plan";
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

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
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
  const r = parseRange(chart.source);
  const xs: number[] = [];
  for (let row = r.top + 1; row <= r.bottom; row++) xs.push(n(book, chart.sheet, row, r.left) ?? NaN);
  const series = [] as { name: string; ys: number[] }[];
  for (let col = r.left + 1; col <= r.right; col++) {
    const name = String(book.engine.value(chart.sheet, r.top, col) ?? `Series ${col - r.left}`);
    const ys: number[] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) ys.push(n(book, chart.sheet, row, col) ?? NaN);
    series.push({ name, ys });
  }
  const W = 460;
  const H = 240;
  const pad = { l: 70, r: 12, t: 10, b: 34 };
  const finite = (a: number[]) => a.filter(Number.isFinite);
  const allY = series.flatMap((s) => finite(s.ys));
  const xMin = Math.min(...finite(xs));
  const xMax = Math.max(...finite(xs));
  const yMin = Math.min(0, ...allY);
  const yMax = Math.max(1, ...allY);
  const sx = (x: number) => pad.l + ((x - xMin) / (xMax - xMin || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - ((y - yMin) / (yMax - yMin || 1)) * (H - pad.t - pad.b);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": chart.title || "chart" });
  svg.appendChild(el("line", { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, stroke: "#888" }));
  svg.appendChild(el("line", { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, stroke: "#888" }));
  for (const [y, anchor] of [
    [yMin, "end"],
    [yMax, "end"],
  ] as const) {
    const t = el("text", { x: pad.l - 4, y: sy(y) + 4, "text-anchor": anchor, "font-size": 10 });
    t.textContent = formatValue(y, "#,##0");
    svg.appendChild(t);
  }
  for (const x of [xMin, xMax]) {
    const t = el("text", { x: sx(x), y: H - pad.b + 14, "text-anchor": "middle", "font-size": 10 });
    t.textContent = formatValue(x, "#,##0");
    svg.appendChild(t);
  }
  series.forEach((s, i) => {
    const points = xs.map((x, k) => (Number.isFinite(x) && Number.isFinite(s.ys[k]) ? `${sx(x).toFixed(1)},${sy(s.ys[k]).toFixed(1)}` : "")).filter(Boolean);
    svg.appendChild(el("polyline", { points: points.join(" "), fill: "none", stroke: COLORS[i % COLORS.length], "stroke-width": 2 }));
    const label = el("text", { x: W - pad.r - 4, y: pad.t + 12 + i * 13, "text-anchor": "end", "font-size": 11, fill: COLORS[i % COLORS.length] });
    label.textContent = s.name;
    svg.appendChild(label);
  });
  figure.appendChild(svg);
  return figure;
}
