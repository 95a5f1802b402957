/**
 * The heat maps' palette (HEAT in src/plan/plan.ts) reads the same to the colour-blind and keeps
 * the numbers legible. Each color is seen as a protanope, a deuteranope and a tritanope see it
 * (Machado, Oliveira and Fernandes 2009, severity 1, on linear sRGB) and compared in CIELAB
 * (ΔE*76, D65): the favourable and unfavourable ends stay far apart (Excel's red and green, the
 * old palette, are 10 apart to a deuteranope) and the middle apart from both; black text on each
 * has WCAG's AAA contrast (7:1).
 */
import { HEAT } from "../src/plan/plan";

const VISION: Record<string, number[][]> = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
const seen = (hex: string, m: number[][]) =>
  m.map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, k, i) => sum + k * rgb(hex)[i], 0),
      ),
    ),
  );
function lab([r, g, b]: number[]): number[] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string, m: number[][]) => {
  const [p, q] = [lab(seen(a, m)), lab(seen(b, m))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};
const contrastWithBlack = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) / 0.05;
};

describe.each(Object.entries(VISION))("the heat palette to %s", (_, m) => {
  test("the two ends stay far apart, the middle apart from both", () => {
    expect(deltaE(HEAT.good, HEAT.bad, m)).toBeGreaterThan(40);
    expect(deltaE(HEAT.good, HEAT.neutral, m)).toBeGreaterThan(25);
    expect(deltaE(HEAT.bad, HEAT.neutral, m)).toBeGreaterThan(25);
  });
});

test("Excel's red and green, the old palette, fail the same check for a deuteranope", () => {
  expect(deltaE("#63BE7B", "#F8696B", VISION.deuteranopia)).toBeLessThan(40);
});

test("black numbers on every color: AAA contrast", () => {
  for (const c of [HEAT.good, HEAT.neutral, HEAT.bad])
    expect({ c, ratio: contrastWithBlack(c) > 7 }).toEqual({ c, ratio: true });
});

test("the names the grids use are the same three colors", () => {
  expect([HEAT.green, HEAT.yellow, HEAT.red]).toEqual([HEAT.good, HEAT.neutral, HEAT.bad]);
});
