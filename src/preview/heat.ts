/**
 * Color scales as Excel draws them, for the preview: each point of the scale (lowest value,
 * a percentile, a number, highest value) is placed on the range's numbers, and a cell's
 * color is interpolated channel by channel (red, green, blue) between the two points around
 * its value; below the first point it takes the first color, above the last the last.
 * Percentiles are PERCENTILE.INC's: rank p·(n − 1), interpolated between neighbours.
 */

/** A point as the stand-in Excel API receives it (Office.js ConditionalColorScaleCriterion). */
export interface ScaleCriterion {
  type: string;
  formula?: string;
  color?: string;
}

export interface ScaleCriteria {
  minimum: ScaleCriterion;
  midpoint?: ScaleCriterion;
  maximum: ScaleCriterion;
}

/** A color scale on a sheet: its range and its criteria. */
export interface PreviewColorScale {
  sheet: string;
  range: string;
  criteria: ScaleCriteria;
}

/** The criterion types the preview draws (Office.js ConditionalFormatColorCriterionType). */
export const SCALE_TYPES = ["LowestValue", "HighestValue", "Percentile", "Percent", "Number"] as const;

/** PERCENTILE.INC of sorted numbers, p in 0–1. */
export function percentileInc(sorted: readonly number[], p: number): number {
  const rank = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

/** Where a criterion sits among the range's numbers (sorted, at least one). */
function threshold(c: ScaleCriterion, sorted: readonly number[]): number {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const n = Number(c.formula);
  switch (c.type) {
    case "LowestValue":
      return min;
    case "HighestValue":
      return max;
    case "Percentile":
      return percentileInc(sorted, n / 100);
    case "Percent":
      return min + (n / 100) * (max - min);
    default:
      return n;
  }
}

function rgb(color: string): [number, number, number] {
  const hex = color.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function hex(channels: readonly number[]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/**
 * A function giving each value its color under the scale, given the range's numbers;
 * undefined when the range has no number.
 */
export function scaleColors(criteria: ScaleCriteria, numbers: readonly number[]): ((v: number) => string) | undefined {
  if (numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const points = [criteria.minimum, ...(criteria.midpoint ? [criteria.midpoint] : []), criteria.maximum].map((c) => ({
    at: threshold(c, sorted),
    color: rgb(c.color ?? "#FFFFFF"),
  }));
  return (v) => {
    if (v <= points[0].at) return hex(points[0].color);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (v <= b.at) {
        const t = b.at === a.at ? 1 : (v - a.at) / (b.at - a.at);
        return hex(a.color.map((c, k) => c + t * (b.color[k] - c)));
      }
    }
    return hex(points[points.length - 1].color);
  };
}
