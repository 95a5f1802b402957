/**
 * Springing recourse on a financial trigger (methodology §7): a guarantee, full or partial, that
 * springs when the loan's DSCR or debt yield falls below a trigger, or its LTV rises above one.
 *
 *   SPRINGING_RECOURSE          = crossed ? min(deficiency, guaranteePct × loan, cap) : 0
 *   SPRINGING_PROBABILITY       = P(crossed at the horizon) = N((ln x* − (μ − σ²/2)·T) / (σ√T))
 *   SPRINGING_EXPECTED_EXPOSURE = E[1{X < x*} · min(G, max(0, K − V·X))]
 *                               = h(K) − h(K − min(G, K)),  h(A) = A·N(z) − V·e^(μT)·N(z − σ√T),
 *                                 z = (ln min(A/V, x*) − (μ − σ²/2)·T) / (σ√T)   (h = 0 for A ≤ 0)
 *
 * X = NOI_T / NOI_0 is lognormal: ln X ~ N((μ − σ²/2)·T, σ²·T). The trigger is crossed when
 * X < x*: x* = trigger / metric for DSCR and debt yield (debt service and balance fixed), and
 * metric / trigger for LTV (the value moving with NOI at a constant cap rate: V_T = V·X).
 */
import {
  amount,
  choice,
  defineIn,
  numberParam,
  positiveRatio,
  rate,
  share,
  signed,
  volatility,
  yearsFromZero,
  HELP,
  namedAll,
  type InputOf,
} from "./args";
import { Fault } from "./fault";
import { guaranteeExposure } from "./lender";
import { HINT, MSG } from "./messages";
import { normalCdf } from "./normal";

const define = defineIn(
  { family: "recourse", section: 7, cost: "composite" },
  HELP && {
    triggerType: "DSCR, DEBT_YIELD or LTV: the measure the guarantee springs on.",
    trigger: "The level that springs it: a DSCR (1.1), or a debt yield or LTV as a decimal (0.08, 0.75).",
    metric: "The measure today (more than 0), with the horizon's debt service or balance if they change.",
    volatility: "Annual volatility of NOI as a decimal (10% is 0.1).",
    years: "Years to the horizon, the test date (0 or more).",
    growthRate: "Expected NOI growth a year, continuously compounded, as a decimal (default 0).",
  },
);

const { exp, log, max, min, sqrt } = Math;

/** The measures a springing guarantee may be triggered on. */
export const TRIGGER_TYPES = ["DSCR", "DEBT_YIELD", "LTV"] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** The trigger: the first parameters of every springing function. */
const TRIGGER = [choice("triggerType", TRIGGER_TYPES, undefined), positiveRatio.required("trigger")] as const;

/** The measure today, for the lognormal forms: more than 0 (NOI is lognormal, so positive). */
const positiveMetric = numberParam({ min: 0, minInclusive: false });

/** The lognormal forms' NOI: the measure today, NOI's volatility, the years to the horizon. */
const LOGNORMAL = [
  positiveMetric.required("metric"),
  volatility.required("volatility"),
  yearsFromZero.required("years"),
] as const;

/** Whether the measure has crossed the trigger: DSCR and debt yield below it, LTV above it. */
export function crossed(triggerType: TriggerType, trigger: number, metric: number): boolean {
  return triggerType === "LTV" ? metric > trigger : metric < trigger;
}

/** #VALUE! for a debt-yield or LTV trigger above 1 (a percentage typed for a decimal); else undefined. */
function checkTrigger(triggerType: TriggerType, trigger: number): Fault | undefined {
  if (triggerType !== "DSCR" && trigger > 1)
    return MSG.aboveMaxFor(
      "trigger",
      trigger,
      1,
      `${triggerType === "LTV" ? "an" : "a"} ${triggerType} trigger`,
      HINT.fractionDecimal,
    );
  return undefined;
}

/** x*: the NOI ratio X = NOI_T / NOI_0 below which the trigger is crossed. */
function threshold(triggerType: TriggerType, trigger: number, metric: number): number {
  return triggerType === "LTV" ? metric / trigger : trigger / metric;
}

/** The measure at the horizon when NOI has moved by the ratio x. */
function metricAt(triggerType: TriggerType, metric: number, x: number): number {
  return triggerType === "LTV" ? metric / x : metric * x;
}

// ---------------------------------------------------------------------------------------
// SPRINGING_RECOURSE: under one scenario.

export const SPRINGING_RECOURSE = define(
  "SPRINGING_RECOURSE",
  [
    ...TRIGGER,
    signed.required("metric"),
    amount.required("deficiency"),
    amount.required("loanAmount"),
    share.withDefault("guaranteePct", 1),
    amount.optional("capAmount"),
  ],
  (triggerType, trigger, metric, deficiency, loanAmount, guaranteePct, capAmount): number | Fault => {
    const bad = checkTrigger(triggerType, trigger);
    if (bad) return bad;
    if (triggerType === "LTV" && metric < 0) return MSG.belowMin("metric", metric, 0, true);
    if (!crossed(triggerType, trigger, metric)) return 0;
    return guaranteeExposure({ deficiency, loanAmount, guaranteePct, capAmount });
  },
  HELP && {
    summary: "What a guarantee that springs on a DSCR, debt-yield or LTV trigger owes.",
    details:
      "0 until the scenario's measure crosses the trigger (DSCR or debt yield below it, LTV above it); then the deficiency, at most guaranteePct × loan and at most capAmount (full recourse: guaranteePct 1, no cap). Mechanics of the guarantee as written, not legal advice.",
    params: {
      metric: "The measure in the scenario (LOAN.DSCR, LOAN.DEBT_YIELD or LOAN.LTV of its figures).",
      deficiency: "The deficiency in the scenario (LOAN.DEFICIENCY; 0 or more).",
      loanAmount: "The loan amount, for guaranteePct (0 or more).",
      guaranteePct: "Share of the loan guaranteed once sprung, 0 to 1 (default 1: full recourse).",
      capAmount: "A fixed cap on the sprung guarantee (omit for none).",
    },
    returns: "What the guarantor owes in the scenario.",
    examples: [
      '=LOAN.SPRINGING_RECOURSE("DSCR", 1.1, 0.95, 1050000, 4500000, 0.2) → 900000',
      '=LOAN.SPRINGING_RECOURSE("DSCR", 1.1, 1.25, 1050000, 4500000, 0.2) → 0',
      '=LOAN.SPRINGING_RECOURSE("LTV", 0.75, 0.82, 1050000, 4500000, 1, 500000) → 500000',
    ],
  },
);

// ---------------------------------------------------------------------------------------
// SPRINGING_PROBABILITY: lognormal NOI.

function crossProbability(
  triggerType: TriggerType,
  trigger: number,
  metric: number,
  sigma: number,
  years: number,
  growthRate: number,
): number {
  const drift = (growthRate - (sigma * sigma) / 2) * years;
  const sd = sigma * sqrt(years);
  // No spread: NOI moves by e^(μT) for certain, and the trigger is crossed or it is not.
  if (sd === 0) return crossed(triggerType, trigger, metricAt(triggerType, metric, exp(growthRate * years))) ? 1 : 0;
  return normalCdf((log(threshold(triggerType, trigger, metric)) - drift) / sd);
}

export const SPRINGING_PROBABILITY = define(
  "SPRINGING_PROBABILITY",
  [...TRIGGER, ...LOGNORMAL, rate.withDefault("growthRate", 0)],
  (triggerType, trigger, metric, sigma, years, growthRate): number | Fault => {
    return (
      checkTrigger(triggerType, trigger) ?? crossProbability(triggerType, trigger, metric, sigma, years, growthRate)
    );
  },
  HELP && {
    summary: "Probability a DSCR, debt-yield or LTV trigger is crossed at the horizon.",
    details:
      "NOI lognormal: ln(NOI_T/NOI_0) ~ N((growthRate − σ²/2)·years, σ²·years). DSCR and debt yield move with NOI (debt service and balance fixed); LTV against it (value at a constant cap rate). σ = 0 or years = 0: 1 or 0. An estimate from a stated model, not advice.",
    params: {},
    returns: "The probability as a decimal.",
    examples: [
      '=LOAN.SPRINGING_PROBABILITY("DSCR", 1.1, 1.35, 0.1, 5, 0.02) → 0.1054',
      '=LOAN.SPRINGING_PROBABILITY("LTV", 0.75, 0.65, 0.15, 7) → 0.4356',
    ],
  },
);

// ---------------------------------------------------------------------------------------
// SPRINGING_EXPECTED_EXPOSURE: the sprung guarantee's expected payment at the horizon.

/**
 * E[(A − V·X)⁺ · 1{X < x*}] = A·P(X < u) − V·E[X · 1{X < u}], u = min(A/V, x*): the lognormal's
 * partial expectation E[X · 1{X < u}] = e^(μT)·N(z_u − σ√T). A module-level function, not a closure,
 * so that a call allocates nothing.
 */
function partial(a: number, value: number, xStar: number, drift: number, sd: number, mean: number): number {
  if (a <= 0) return 0;
  const z = (log(min(a / value, xStar)) - drift) / sd;
  const p = normalCdf(z);
  return p === 0 ? 0 : a * p - value * (mean * normalCdf(z - sd));
}

function expectedExposure(
  triggerType: TriggerType,
  trigger: number,
  metric: number,
  sigma: number,
  years: number,
  claim: number,
  value: number,
  limit: number,
  growthRate: number,
): number {
  const most = min(limit, claim);
  if (most === 0) return 0;
  const sd = sigma * sqrt(years);
  const mean = exp(growthRate * years);
  if (sd === 0) {
    if (!crossed(triggerType, trigger, metricAt(triggerType, metric, mean))) return 0;
    return min(most, max(0, claim - value * mean));
  }
  const drift = (growthRate - (sigma * sigma) / 2) * years;
  const xStar = threshold(triggerType, trigger, metric);
  // min(G, (K − V·X)⁺) = (K − V·X)⁺ − (K − G − V·X)⁺ for G ≤ K: a put spread on the event.
  const e = partial(claim, value, xStar, drift, sd, mean) - partial(claim - most, value, xStar, drift, sd, mean);
  return min(most, max(0, e));
}

export const SPRINGING_EXPECTED_EXPOSURE = define(
  "SPRINGING_EXPECTED_EXPOSURE",
  [
    ...TRIGGER,
    ...LOGNORMAL,
    amount.required("claim"),
    amount.required("propertyValue"),
    amount.required("guaranteeLimit"),
    rate.withDefault("growthRate", 0),
  ],
  (triggerType, trigger, metric, sigma, years, claim, value, limit, growthRate): number | Fault => {
    return (
      checkTrigger(triggerType, trigger) ??
      expectedExposure(triggerType, trigger, metric, sigma, years, claim, value, limit, growthRate)
    );
  },
  HELP && {
    summary: "Expected payment of a guarantee springing on a trigger, lognormal NOI.",
    details:
      "E[sprung × min(guaranteeLimit, max(0, claim − value at the horizon))], in closed form: NOI lognormal as in LOAN.SPRINGING_PROBABILITY, the value moving with it (constant cap rate), a deficiency whenever that value is below the claim. At the horizon, undiscounted. An estimate from a stated model, not advice.",
    params: {
      claim: "What the borrower owes at the horizon: balance, interest and costs (0 or more).",
      guaranteeLimit: "Most the sprung guarantee pays: guaranteePct × loan, or its cap (the claim for full recourse).",
    },
    returns: "The expected payment at the horizon, in the currency of the inputs.",
    examples: [
      '=LOAN.SPRINGING_EXPECTED_EXPOSURE("DSCR", 0.9, 1.35, 0.15, 7, 4650000, 6450000, 1125000, 0.02) → 104103.93',
      '=LOAN.SPRINGING_EXPECTED_EXPOSURE("DSCR", 1.1, 1.35, 0.15, 7, 4650000, 6450000, 1125000, 0.02) → 111638.40',
    ],
  },
);

export type SpringingInput = InputOf<typeof SPRINGING_RECOURSE>;

/** The typed calls: named arguments in, checked and defaulted as Excel's are. */
export const { springingRecourse, springingProbability, springingExpectedExposure } = namedAll({
  SPRINGING_RECOURSE,
  SPRINGING_PROBABILITY,
  SPRINGING_EXPECTED_EXPOSURE,
});
