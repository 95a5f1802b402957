/**
 * Getting out early (methodology §12).
 *
 *   yield maintenance = max(b·(c − r)·f, floor·b),  f = (1 − (1 + r)^−n) / r   (ANNUAL)
 *                       MONTHLY: the monthly shortfall b·(c − r)/12 discounted at r/12 over 12n months
 *   defeasance        ≈ PV at the Treasury yield of the remaining scheduled payments and the
 *                       balloon − the balance + fees
 *
 * b the balance, c the note rate, r the matching Treasury yield, n the remaining years.
 * Defeasance is a flat-yield approximation: one yield for every date (discounted monthly at
 * r/12), where a real defeasance buys a portfolio of Treasuries priced off the curve.
 * Variants at Treasury plus a spread: pass the Treasury yield plus the spread as r.
 */
import { amount, choice, define, rate, share, years, yearsFromZero } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { amortizedBalance, annuityFactor, discountFactor, levelPayment, wholePeriods } from "./periods";

export const YM_METHODS = ["ANNUAL", "MONTHLY"] as const;

export type YieldMaintenanceMethod = (typeof YM_METHODS)[number];

export interface YieldMaintenanceInput {
  readonly balance: number;
  readonly noteRate: number;
  /** The matching Treasury yield (plus any spread the documents add). */
  readonly treasuryRate: number;
  readonly remainingYears: number;
  /** The minimum charge as a share of the balance; default 0.01. */
  readonly floorPct?: number;
  /** ANNUAL (default) or MONTHLY discounting. */
  readonly method?: YieldMaintenanceMethod;
}

/** max(b·(c − r)·(1 − (1 + r)^−n)/r, floor·b); MONTHLY discounts b·(c − r)/12 monthly at r/12. */
export function yieldMaintenance({
  balance,
  noteRate,
  treasuryRate,
  remainingYears,
  floorPct = YIELD_MAINTENANCE.param.floorPct.fallback,
  method = YIELD_MAINTENANCE.param.method.fallback,
}: YieldMaintenanceInput): number {
  const spread = noteRate - treasuryRate;
  const pv =
    method === "MONTHLY"
      ? ((balance * spread) / 12) * annuityFactor(treasuryRate / 12, remainingYears * 12)
      : balance * spread * annuityFactor(treasuryRate, remainingYears);
  return Math.max(pv, balance * floorPct);
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
  ],
  (balance, noteRate, treasuryRate, remainingYears, floorPct, method) =>
    yieldMaintenance({ balance, noteRate, treasuryRate, remainingYears, floorPct, method }),
);

export interface DefeasanceInput {
  readonly loanAmount: number;
  readonly noteRate: number;
  readonly amortYears: number;
  readonly yearsElapsed: number;
  readonly maturityYears: number;
  readonly treasuryRate: number;
  /** Default 0. */
  readonly fees?: number;
}

/**
 * PV at one Treasury yield (monthly, r/12) of the remaining monthly payments and the balloon
 * at maturity, − the balance, + fees; negative when Treasuries yield more than the note.
 */
export function defeasanceCost({
  loanAmount: loan,
  noteRate,
  amortYears,
  yearsElapsed,
  maturityYears,
  treasuryRate,
  fees = DEFEASANCE_COST.param.fees.fallback,
}: DefeasanceInput): number | Fault {
  const n = wholePeriods("amortYears", amortYears, 12);
  if (n instanceof Fault) return n;
  const m = wholePeriods("yearsElapsed", yearsElapsed, 12);
  if (m instanceof Fault) return m;
  const maturity = wholePeriods("maturityYears", maturityYears, 12);
  if (maturity instanceof Fault) return maturity;
  if (m > maturity) return MSG.exceeds("yearsElapsed", "maturityYears", yearsElapsed, maturityYears);
  const i = noteRate / 12;
  const d = treasuryRate / 12;
  const payments = Math.max(0, Math.min(maturity, n) - m);
  const balloon = amortizedBalance(loan, i, n, maturity);
  const pv = levelPayment(loan, i, n) * annuityFactor(d, payments) + balloon * discountFactor(d, maturity - m);
  return pv - amortizedBalance(loan, i, n, m) + fees;
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
  ],
  (loanAmount, noteRate, amortYears, yearsElapsed, maturityYears, treasuryRate, fees) =>
    defeasanceCost({ loanAmount, noteRate, amortYears, yearsElapsed, maturityYears, treasuryRate, fees }),
);
