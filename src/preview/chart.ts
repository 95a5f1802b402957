/**
 * Draws the active sheet's charts as SVG line charts from the sheet's current values: the
 * categories as x, one line per series, with the axis titles the pane gave.
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
    const points = xs
      .map((x, k) =>
        Number.isFinite(x) && Number.isFinite(s.ys[k]) ? `${sx(x).toFixed(1)},${sy(s.ys[k]).toFixed(1)}` : "",
      )
      .filter(Boolean);
    svg.appendChild(
      el("polyline", { points: points.join(" "), fill: "none", stroke: COLORS[i % COLORS.length], "stroke-width": 2 }),
    );
    const label = el("text", {
      x: W - pad.r - 4,
      y: pad.t + 12 + i * 13,
      "text-anchor": "end",
      "font-size": 11,
      fill: COLORS[i % COLORS.length],
    });
    label.textContent = s.name;
    svg.appendChild(label);
  });
  if (chart.xTitle) {
    const t = el("text", { x: (pad.l + W - pad.r) / 2, y: H - 4, "text-anchor": "middle", "font-size": 11 });
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
  return figure;
}
