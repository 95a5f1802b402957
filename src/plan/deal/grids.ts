/**
 * Sensitivity grids, as a credit memo shows them: personal exposure against sale price ×
 * default year (per state's law), DSCR against NOI change × rate change, and proceeds (the
 * loan LOAN.MAX_LOAN allows) against NOI change × rate change. Each grid is live: its axes are
 * blue inputs (row values in A, column values in B:E) and every cell is a formula over them
 * with mixed references ($A for the row's value, B$n for the column's), so a cell can be
 * copied or filled across the grid. The recourse block sits above the non-recourse block
 * (whose row values follow the first block's), and one color scale (a heat map) shades both,
 * so the two structures are read on one scale. Columns A:E only: the grids print in
 * landscape beside nothing.
 */
import { call } from "../formula";
import { colorScale, HEAT } from "../plan";
import { type DealSheet, type Fmt, type Pair, type DealContext } from "./layout";
import { exposureFormulas } from "./side-by-side";

/** The grids' column letters: four values across. */
export const GRID_COLUMNS = ["B", "C", "D", "E"] as const;

/** Default axes (the analyst edits them on the sheet). */
export const GRID_AXES = {
  /** NOI change from the pro forma, down the DSCR and proceeds grids. */
  noiChanges: [-0.3, -0.2, -0.1, 0, 0.1],
  /** Rate change from each structure's rate, across the DSCR and proceeds grids. */
  rateChanges: [-0.005, 0, 0.005, 0.01],
} as const;

/** Four default years from year 1 to the hold, evenly spread (7 → 1, 3, 5, 7; 3 → 1, 2, 3). */
export function defaultYears(hold: number): number[] {
  const last = Math.max(1, Math.round(hold));
  const years = GRID_COLUMNS.map((_, i) => Math.round(1 + (i * (last - 1)) / (GRID_COLUMNS.length - 1)));
  return [...new Set(years)];
}

/** The grids' titles (column A), which tests and readers look for. */
export const GRID_TITLES = {
  heading: "Sensitivity grids (live formulas; edit the blue axes)",
  exposure: (law: string) => `="Personal exposure under "&${law}&" law"`,
  dscr: "DSCR",
  proceeds: "Proceeds (LOAN.MAX_LOAN)",
  /** The axes, in the corner above the row values. */
  saleByYear: "Sale price (share of value) ↓, default year →",
  noiByRate: "NOI change ↓, rate change →",
  recourse: "Recourse",
  nonRecourse: "Non-recourse",
} as const;

/** Where a grid is: its axis row, its first data row per structure, and its shaded range. */
export interface GridCells {
  readonly axisRow: number;
  /** The first data row of the recourse block and of the non-recourse block. */
  readonly firstRow: { readonly r: number; readonly n: number };
  readonly rows: number;
  readonly columns: number;
  readonly range: string;
}

export interface GridsCells {
  /** One per state's law, in the order of `laws`. */
  readonly exposure: readonly GridCells[];
  readonly dscr: GridCells;
  readonly proceeds: GridCells;
}

interface GridSpec {
  /** The title: text, or a formula (starting with "="). */
  readonly title: string;
  readonly note: string;
  /** What the axes are (column A of the axis row). */
  readonly corner: string;
  readonly rows: readonly number[];
  readonly rowFmt: Fmt;
  readonly columns: readonly number[];
  readonly columnFmt: Fmt;
  readonly fmt: Fmt;
  /** The cell's formula under a structure, from its row value ($A) and column value (B$n) references. */
  readonly cell: (structure: keyof Pair, row: string, col: string) => string;
  /** low, mid, high colors. */
  readonly colors: readonly [string, string, string];
}

/**
 * A cell reference with no "$" (B45): outside strings, not part of a name or a function.
 * The grids make them absolute ($B$45), so that only the axes' mixed references move when a
 * cell is filled or copied across the grid.
 */
const RELATIVE = /(?<![A-Za-z0-9_.$"])([A-Z]{1,3})([0-9]+)(?![A-Za-z0-9_.(])/g;

/** Writes one grid (recourse block, then non-recourse) and its color scale; returns where it is. */
function grid(s: DealSheet, spec: GridSpec): GridCells {
  const top = s.next(1);
  if (spec.title.startsWith("=")) s.formula("A", top, spec.title, undefined, undefined, true);
  else s.text("A", top, spec.title, true);
  s.paragraph(spec.note);
  const axisRow = s.next();
  s.text("A", axisRow, spec.corner);
  const cols = spec.columns.map((v, i) => {
    s.input(GRID_COLUMNS[i], axisRow, v, spec.columnFmt);
    return `${GRID_COLUMNS[i]}$${axisRow}`;
  });
  const block = (structure: keyof Pair, label: string, rowValue: (i: number, r: number) => void): number => {
    const head = s.next();
    s.text("A", head, label, true);
    spec.rows.forEach((_, i) => {
      const r = s.next();
      rowValue(i, r);
      cols.forEach((col, j) =>
        s.formula(
          GRID_COLUMNS[j],
          r,
          `=${spec.cell(structure, `$A${r}`, col)}`.replace(RELATIVE, "$$$1$$$2"),
          spec.fmt,
        ),
      );
    });
    return head + 1;
  };
  const first = block("r", GRID_TITLES.recourse, (i, r) => s.input("A", r, spec.rows[i], spec.rowFmt));
  const second = block("n", GRID_TITLES.nonRecourse, (i, r) => s.formula("A", r, `=A${first + i}`, spec.rowFmt));
  const last = GRID_COLUMNS[cols.length - 1];
  const range = `B${first}:${last}${s.row}`;
  const [low, mid, high] = spec.colors;
  s.conditionalFormat(colorScale(range, low, mid, high));
  return {
    axisRow,
    firstRow: { r: first, n: second },
    rows: spec.rows.length,
    columns: cols.length,
    range,
  };
}

/**
 * The three grids under the deal's inputs and terms. `accruedMonths` is the downside's input
 * (interest accrued from the default to the sale), so the exposure grid's claim at a default
 * year is the downside's: the balance then, the interest accrued, the foreclosure costs.
 */
export function gridsSection({
  s,
  deal,
  inp,
  terms,
  thresholds: th,
  carveouts: carve,
  outcomes: { laws },
  downside: { accruedMonths },
}: Pick<
  DealContext,
  "s" | "deal" | "inp" | "terms" | "thresholds" | "carveouts" | "outcomes" | "downside"
>): GridsCells {
  const { noi, propertyValue: value, amortYears: amort, interestOnly: io } = inp;
  s.heading(GRID_TITLES.heading, 1);
  const loan = (k: keyof Pair): string => terms.loan[k];
  const rate = (k: keyof Pair): string => terms.rate[k];

  const exposure = laws.map((law) =>
    grid(s, {
      title: GRID_TITLES.exposure(law),
      note: "Each cell: the downside's exposure with the default in the column's year (LOAN.BALANCE then, plus the interest accrued and the costs) and the sale at the row's share of the property value",
      corner: GRID_TITLES.saleByYear,
      rows: deal.template.sensitivity,
      rowFmt: "share",
      columns: defaultYears(deal.inputs.holdYears),
      columnFmt: "years",
      fmt: "money",
      cell: (k, row, year) => {
        const sale = `${value}*${row}`;
        const claim = (c: keyof Pair): string =>
          `(${call("BALANCE", loan(c), rate(c), amort, year, `IF(${io},${year},0)`)}*(1+${rate(c)}*${accruedMonths}/12)+${inp.foreclosureCosts})`;
        const f = exposureFormulas(inp, terms, carve, { r: claim("r"), n: claim("n") }, { r: sale, n: sale }, law);
        return f[k].slice(1);
      },
      colors: [HEAT.green, HEAT.yellow, HEAT.red],
    }),
  );

  // The DSCR and proceeds grids share their axes: NOI change down, rate change across; worse is red.
  const noiByRate = {
    corner: GRID_TITLES.noiByRate,
    rows: GRID_AXES.noiChanges,
    rowFmt: "share",
    columns: GRID_AXES.rateChanges,
    columnFmt: "rate",
    colors: [HEAT.red, HEAT.yellow, HEAT.green],
  } as const;
  const dscr = grid(s, {
    ...noiByRate,
    title: GRID_TITLES.dscr,
    note: "Each cell: LOAN.DSCR of the NOI after the row's change over LOAN.DEBT_SERVICE of each structure's loan at its rate plus the column's change",
    fmt: "ratio",
    cell: (k, row, col) =>
      call("DSCR", `${noi}*(1+${row})`, call("DEBT_SERVICE", loan(k), `${rate(k)}+${col}`, amort, io)),
  });

  const floors = {
    r: [th.rMinDscr, th.rMaxLtv, th.rMinDebtYield],
    n: [th.nMinDscr, th.nMaxLtv, th.nMinDebtYield],
  };
  const proceeds = grid(s, {
    ...noiByRate,
    title: GRID_TITLES.proceeds,
    note: "Each cell: LOAN.MAX_LOAN under the structure's DSCR, LTV and debt-yield floors (G:J) at its rate plus the column's change and the NOI after the row's change, against the property value as appraised",
    fmt: "money",
    cell: (k, row, col) => {
      const [dscrFloor, ltvCap, dyFloor] = floors[k];
      const args = (dy?: string) =>
        call("MAX_LOAN", `${noi}*(1+${row})`, value, `${rate(k)}+${col}`, amort, dscrFloor, ltvCap, dy, io);
      // A blank (or 0) debt-yield floor runs no debt-yield test, as the side-by-side sizes the loan.
      return `IF(${dyFloor}>0,${args(dyFloor)},${args()})`;
    },
  });
  return { exposure, dscr, proceeds };
}
