/**
 * Getting out early (methodology §12).
 *
 *   yield maintenance = max(PV, floor·b)
 *     constant balance, ANNUAL:  PV = b·(c − r)·(1 − (1 + d)^−T)/d, d = r + spread
 *     constant balance, monthly: PV = b·(c − r)/12 × the annuity factor at j over 12T months
 *     amortizing (amortYearsLeft given): PV = the scheduled monthly payments to T and the
 *                       balance at T, discounted at j, − b
 *   where j is the monthly discount rate:
 *     MONTHLY          (1 + d/2)^(1/6) − 1   (equals d compounded semi-annually: the CMBS wording)
 *     MONTHLY_NOMINAL  d/12                  (the convention before issue 11)
 *     ANNUAL           (1 + d)^(1/12) − 1    (amortizing only; equals d compounded annually)
 *   and T the yield-maintenance years left (ymYears; omitted: remainingYears). After the
 *   yield-maintenance period (ymYears 0) the premium is the floor: DUS's 1 %.
 *
 *   defeasance ≈ PV at Treasury yields of the remaining scheduled payments and the balloon
 *                − the balance + fees
 *     MONTHLY flat (default): discount factor (1 + r/12)^−k at month k
 *     SEMIANNUAL flat:        (1 + r/2)^−(k/6)
 *     curve (years, par yield, semi-annual bond-equivalent): par yields interpolated linearly
 *       at each half-year (flat beyond the ends), bootstrapped to discount factors
 *       P(h) = (1 − y_h/2 · Σ_{g<h} P(g)) / (1 + y_h/2), log-linear between half-years.
 *
 * b the balance, c the note rate, r the matching Treasury yield, n the remaining years.
 */
import {
  amount,
  choice,
  defineIn,
  grid,
  isBlankCell,
  rate,
  share,
  years,
  yearsFromZero,
  type Grid,
  HELP,
  namedAll,
  type InputOf,
} from "./args";
import { Fault } from "./fault";
import { HINT, MSG } from "./messages";
import { amortizedBalance, annuityFactor, discountFactor, levelPayment, wholePeriods } from "./periods";

const define = defineIn({ family: "lender", section: 12 });

export const YM_METHODS = ["ANNUAL", "MONTHLY", "MONTHLY_NOMINAL"] as const;

export type YieldMaintenanceMethod = (typeof YM_METHODS)[number];

/** The monthly rate equivalent to the annual rate d under a method's compounding. */
function monthlyRate(method: YieldMaintenanceMethod, d: number): number {
  if (method === "MONTHLY_NOMINAL") return d / 12;
  return Math.expm1(method === "MONTHLY" ? Math.log1p(d / 2) / 6 : Math.log1p(d) / 12);
}

export const YIELD_MAINTENANCE = define(
  "YIELD_MAINTENANCE",
  [
    amount.required("balance"),
    rate.required("noteRate"),
    rate.required("treasuryRate"),
    years.required("remainingYears"),
    share.withDefault("floorPct", 0.01),
    choice("method", YM_METHODS, "ANNUAL"),
    rate.withDefault("spread", 0),
    yearsFromZero.optional("ymYears"),
    years.optional("amortYearsLeft"),
  ],
  (
    balance,
    noteRate,
    treasuryRate,
    remainingYears,
    floorPct,
    method,
    spread,
    ymYears,
    amortYearsLeft,
  ): number | Fault => {
    if (ymYears !== undefined && ymYears > remainingYears)
      return MSG.exceeds("ymYears", "remainingYears", ymYears, remainingYears);
    const term = ymYears ?? remainingYears;
    const d = treasuryRate + spread;
    let pv: number;
    if (amortYearsLeft === undefined) {
      const shortfall = balance * (noteRate - treasuryRate);
      pv =
        method === "ANNUAL"
          ? shortfall * annuityFactor(d, term)
          : (shortfall / 12) * annuityFactor(monthlyRate(method, d), term * 12);
    } else {
      const months = wholePeriods(ymYears === undefined ? "remainingYears" : "ymYears", term, 12);
      if (months instanceof Fault) return months;
      const n = wholePeriods("amortYearsLeft", amortYearsLeft, 12);
      if (n instanceof Fault) return n;
      const i = noteRate / 12;
      const j = monthlyRate(method, d);
      pv =
        levelPayment(balance, i, n) * annuityFactor(j, Math.min(months, n)) +
        amortizedBalance(balance, i, n, months) * discountFactor(j, months) -
        balance;
    }
    return Math.max(pv, balance * floorPct);
  },
  HELP && {
    summary: "Yield-maintenance prepayment premium, with its floor.",
    details:
      "max(PV at the Treasury rate (+ spread) of the note's excess over the Treasury to the end of the yield-maintenance period, floor × balance); MONTHLY discounts at the Treasury yield compounded semi-annually. Mechanics, not legal advice.",
    params: {
      balance: "The balance prepaid (0 or more).",
      noteRate: "The note rate as a decimal.",
      treasuryRate: "The matching Treasury yield as a decimal.",
      remainingYears: "Years to maturity.",
      floorPct: "Minimum premium as a share of the balance (default 0.01); the fee once the period is over.",
      method:
        "ANNUAL (default); MONTHLY (monthly rate equal to the Treasury yield compounded semi-annually); MONTHLY_NOMINAL (Treasury/12, MONTHLY before version 11's correction).",
      spread: "Added to the discount rate only (default 0).",
      ymYears:
        "Years left in the yield-maintenance period, at most remainingYears (default: to maturity; 0: the period is over, the floor applies).",
      amortYearsLeft:
        "Years of amortization left: PV of the scheduled monthly payments and the balance at the end of the period, minus the balance (omit for a constant balance).",
    },
    returns: "The premium.",
    examples: [
      "=LOAN.YIELD_MAINTENANCE(6161329, 0.0875, 0.0418, 3.2521) → 839913.58",
      "=LOAN.YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5) → 690572.86",
      '=LOAN.YIELD_MAINTENANCE(10000000, 0.06, 0.0443, 5, , "MONTHLY") → 703674.08',
      '=LOAN.YIELD_MAINTENANCE(9305435.68, 0.06, 0.0443, 5, , "MONTHLY_NOMINAL", , , 25) → 624619',
    ],
  },
);

export const DEFEASANCE_CONVENTIONS = ["MONTHLY", "SEMIANNUAL"] as const;

export type DefeasanceConvention = (typeof DEFEASANCE_CONVENTIONS)[number];

/** One point of a Treasury curve: years to maturity and the par yield (semi-annual bond-equivalent). */
export type CurvePoint = readonly [years: number, parYield: number];

/** DEFEASANCE_COST's parameters, the curve read into points. */
export type DefeasanceInput = Omit<InputOf<typeof DEFEASANCE_COST>, "curve"> & {
  /** Treasury par yields by years from the defeasance date, years increasing; omitted: the flat treasuryRate. */
  readonly curve?: readonly CurvePoint[] | undefined;
};

/** The par yield at t years: linear between the curve's points, flat beyond its ends. */
function parYield(curve: readonly CurvePoint[], t: number): number {
  if (t <= curve[0][0]) return curve[0][1];
  for (let k = 1; k < curve.length; k++) {
    const [t1, y1] = curve[k];
    if (t <= t1) {
      const [t0, y0] = curve[k - 1];
      return y0 + ((y1 - y0) * (t - t0)) / (t1 - t0);
    }
  }
  return curve[curve.length - 1][1];
}

/**
 * Discount factors at each month 0..months from a par curve: bootstrapped at the half-years,
 * log-linear between them (a constant forward rate). #VALUE! if the curve implies a discount
 * factor that is not positive.
 */
function curveDiscounts(curve: readonly CurvePoint[], months: number): number[] | Fault {
  const halves = Math.ceil(months / 6);
  const logP = [0];
  let annuity = 0;
  for (let h = 1; h <= halves; h++) {
    const c = parYield(curve, h / 2) / 2;
    const p = (1 - c * annuity) / (1 + c);
    if (!(p > 0)) return MSG.badCurve("curve", `implies a discount factor of ${p} at ${h / 2} years`);
    annuity += p;
    logP.push(Math.log(p));
  }
  const out: number[] = [];
  for (let k = 0; k <= months; k++) {
    const h = Math.floor(k / 6);
    const f = (k - 6 * h) / 6;
    out.push(f === 0 ? Math.exp(logP[h]) : Math.exp(logP[h] + f * (logP[h + 1] - logP[h])));
  }
  return out;
}

/**
 * PV at Treasury yields of the remaining monthly payments and the balloon at maturity, − the
 * balance, + fees; negative when Treasuries yield more than the note. One flat yield
 * (MONTHLY r/12 or SEMIANNUAL), or a par curve bootstrapped to price each payment.
 */
export function defeasanceCost({
  loanAmount: loan,
  noteRate,
  amortYears,
  yearsElapsed,
  maturityYears,
  treasuryRate,
  fees = DEFEASANCE_COST.param.fees.fallback,
  convention = DEFEASANCE_COST.param.convention.fallback,
  curve,
}: DefeasanceInput): number | Fault {
  const n = wholePeriods("amortYears", amortYears, 12);
  if (n instanceof Fault) return n;
  const m = wholePeriods("yearsElapsed", yearsElapsed, 12);
  if (m instanceof Fault) return m;
  const maturity = wholePeriods("maturityYears", maturityYears, 12);
  if (maturity instanceof Fault) return maturity;
  if (m > maturity) return MSG.exceeds("yearsElapsed", "maturityYears", yearsElapsed, maturityYears);
  const i = noteRate / 12;
  const payments = Math.max(0, Math.min(maturity, n) - m);
  const balloon = amortizedBalance(loan, i, n, maturity);
  const pmt = levelPayment(loan, i, n);
  let pv: number;
  if (curve === undefined || curve.length === 0) {
    const d = convention === "SEMIANNUAL" ? Math.expm1(Math.log1p(treasuryRate / 2) / 6) : treasuryRate / 12;
    pv = pmt * annuityFactor(d, payments) + balloon * discountFactor(d, maturity - m);
  } else {
    const df = curveDiscounts(curve, maturity - m);
    if (df instanceof Fault) return df;
    pv = balloon * df[maturity - m];
    for (let k = 1; k <= payments; k++) pv += pmt * df[k];
  }
  return pv - amortizedBalance(loan, i, n, m) + fees;
}

/** The curve range (years, par yield) → points; wholly blank rows are skipped; tenors must increase. */
function readCurve(range: Grid): CurvePoint[] | Fault {
  if (range[0].length !== 2) return MSG.columns("curve", 2, range);
  const points: CurvePoint[] = [];
  for (const [t, y] of range) {
    if (isBlankCell(t) && isBlankCell(y)) continue;
    if (typeof t !== "number" || !Number.isFinite(t)) return MSG.notNumber("curve", t);
    if (typeof y !== "number" || !Number.isFinite(y)) return MSG.notNumber("curve", y);
    if (t <= 0) return MSG.belowMin("curve", t, 0, false);
    if (y <= -1) return MSG.belowMin("curve", y, -1, false);
    if (y > 1) return MSG.aboveMax("curve", y, 1, true, HINT.rateDecimal);
    const previous = points.length ? points[points.length - 1][0] : undefined;
    if (previous !== undefined && t <= previous)
      return MSG.badCurve("curve", `years must increase; got ${t} after ${previous}`);
    points.push([t, y]);
  }
  return points;
}

export const DEFEASANCE_COST = define(
  "DEFEASANCE_COST",
  [
    amount.required("loanAmount"),
    rate.required("noteRate"),
    years.required("amortYears"),
    yearsFromZero.required("yearsElapsed"),
    years.required("maturityYears"),
    rate.required("treasuryRate"),
    amount.withDefault("fees", 0),
    choice("convention", DEFEASANCE_CONVENTIONS, "MONTHLY"),
    grid("curve", true),
  ],
  (
    loanAmount,
    noteRate,
    amortYears,
    yearsElapsed,
    maturityYears,
    treasuryRate,
    fees,
    convention,
    range,
  ): number | Fault => {
    const curve = range === undefined ? undefined : readCurve(range);
    if (curve instanceof Fault) return curve;
    return defeasanceCost({
      loanAmount,
      noteRate,
      amortYears,
      yearsElapsed,
      maturityYears,
      treasuryRate,
      fees,
      convention,
      curve,
    });
  },
  HELP && {
    summary: "Cost of defeasance over the balance.",
    details:
      "PV at Treasury yields of the remaining monthly payments and balloon, minus the balance, plus fees: one flat yield (monthly r/12 by default, or SEMIANNUAL), or a Treasury par curve bootstrapped to price each payment. Mechanics, not legal advice.",
    params: {
      loanAmount: "The original loan amount (0 or more).",
      noteRate: "The note rate as a decimal.",
      amortYears: "Amortization in years (monthly payments).",
      yearsElapsed: "Years since closing (the defeasance date).",
      maturityYears: "Years from closing to maturity (the balloon).",
      treasuryRate: "Treasury yield as a decimal, one rate for every date (ignored with a curve).",
      fees: "Defeasance fees (default 0).",
      convention: "MONTHLY (the flat yield at r/12 a month, default) or SEMIANNUAL (compounded semi-annually).",
      curve: "Two columns, years from the defeasance date and Treasury par yield (semi-annual), years increasing.",
    },
    returns: "The cost over the balance.",
    examples: [
      "=LOAN.DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000) → 497954.59",
      '=LOAN.DEFEASANCE_COST(4500000, 0.0685, 30, 2, 7, 0.045, 50000, "SEMIANNUAL") → 506344.88',
    ],
    cost: "composite",
  },
);

export type YieldMaintenanceInput = InputOf<typeof YIELD_MAINTENANCE>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { yieldMaintenance } = namedAll({ YIELD_MAINTENANCE });
