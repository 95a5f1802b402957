/**
 * Carveouts ("bad-boy" acts) and springing recourse (methodology §7).
 *
 * If any triggered act is full recourse, the guarantor owes max(0, debt − collateral value).
 * Otherwise the guarantor owes the sum of the losses the loss-only acts caused, at most the
 * lender's actual shortfall, max(0, debt − collateral value): a lender the collateral makes
 * whole has lost nothing to recover (capAtShortfall FALSE: at most the debt, the reading
 * before issue 11). Either way at most the cap, when one is given. The classification below is one
 * common default (the one lender explainers give), not a standard: a deal's own schedule
 * overrides or extends it.
 */
import { amount, defineIn, flag, grid, isBlankCell, type Grid, HELP, type InputOf } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";

const define = defineIn({ family: "recourse", section: 7 });

export type Consequence = "FULL" | "LOSS";

/** One entry of the carveout catalogue: a code, the act it names, its default consequence. */
export interface CarveoutEntry {
  readonly code: string;
  readonly act: string;
  readonly consequence: Consequence;
}

/** An act triggered in a deal: its code (case-insensitive) and, for loss-only acts, the loss it caused. */
export interface TriggeredCarveout {
  readonly code: string;
  /** Omitted: no loss given (a loss-only act then owes nothing); ignored for full-recourse acts. */
  readonly loss?: number | undefined;
}

export const CONSEQUENCES: readonly Consequence[] = ["FULL", "LOSS"];

/** The catalogue's acts by default consequence (full recourse, loss only), each by its code. */
const ACTS: { readonly [C in Consequence]: { readonly [code: string]: string } } = {
  FULL: {
    FRAUD: "Fraud or material misrepresentation",
    BANKRUPTCY: "Voluntary bankruptcy filing (or collusive involuntary filing)",
    TRANSFER: "Transfer of the property or change of control without lender consent",
    SUBORDINATE_DEBT: "Unauthorized subordinate financing",
    SPE: "Breach of single-purpose-entity covenants",
  },
  LOSS: {
    WASTE: "Physical waste (stripping fixtures, copper, HVAC)",
    ENVIRONMENTAL: "Contamination caused, or known contamination not remedied",
    INSURANCE: "Failure to keep required insurance",
    RENTS: "Misappropriation of rents after default",
    TAXES: "Unpaid taxes or assessments creating a senior lien",
    PROCEEDS: "Failure to remit insurance or condemnation proceeds",
  },
};

export const CARVEOUT_CATALOGUE: readonly CarveoutEntry[] = CONSEQUENCES.flatMap((consequence) =>
  Object.entries(ACTS[consequence]).map(([code, act]) => ({ code, act, consequence })),
);

/** The default classification, built once; a deal's schedule works on a copy. */
const DEFAULT_CLASSES: ReadonlyMap<string, Consequence> = new Map(
  CARVEOUT_CATALOGUE.map((c) => [c.code, c.consequence]),
);

/** The default classification with a deal's schedule (code → consequence) applied; codes upper-cased. */
function classification(schedule: ReadonlyMap<string, Consequence> | undefined): ReadonlyMap<string, Consequence> {
  if (schedule === undefined) return DEFAULT_CLASSES;
  const map = new Map(DEFAULT_CLASSES);
  for (const [code, consequence] of schedule) map.set(code.trim().toUpperCase(), consequence);
  return map;
}

/** CARVEOUT_EXPOSURE's parameters, the codes and losses read into acts and the schedule into a map. */
export type CarveoutExposureInput = Omit<InputOf<typeof CARVEOUT_EXPOSURE>, "triggered" | "losses" | "schedule"> & {
  readonly triggered: readonly TriggeredCarveout[];
  /** The deal's schedule: code → FULL or LOSS, overriding or extending the catalogue. */
  readonly schedule?: ReadonlyMap<string, Consequence>;
};

/**
 * The guarantor's exposure after carveouts: any full-recourse act → max(0, debt − collateral);
 * else the losses of the loss-only acts, at most the shortfall max(0, debt − collateral) (at most
 * the debt when capAtShortfall is FALSE); then at most the cap. #N/A for a
 * code neither the catalogue nor the schedule knows; #VALUE! for a negative loss.
 */
export function carveoutExposure({
  debt,
  triggered,
  collateralValue = CARVEOUT_EXPOSURE.param.collateralValue.fallback,
  cap,
  schedule,
  capAtShortfall = CARVEOUT_EXPOSURE.param.capAtShortfall.fallback,
}: CarveoutExposureInput): number | Fault {
  const classes = classification(schedule);
  let full = false;
  const lossTerms: number[] = [];
  for (const act of triggered) {
    const code = act.code.trim().toUpperCase();
    const consequence = classes.get(code);
    if (consequence === undefined) return MSG.unknownCode("triggered", act.code.trim(), [...classes.keys()]);
    if (consequence === "FULL") full = true;
    else if (act.loss !== undefined) {
      if (act.loss < 0) return MSG.negativeLoss("losses", code, act.loss);
      lossTerms.push(act.loss);
    }
  }
  // The shortfall is an exact sum, taken only when the collateral can bound the exposure.
  const bound =
    (full || capAtShortfall) && collateralValue > 0 ? Math.max(0, sumMoney([debt, -collateralValue])) : debt;
  const exposure = full ? bound : Math.min(bound, sumMoney(lossTerms));
  return cap === undefined ? exposure : Math.min(exposure, cap);
}

/** The schedule range (code, FULL or LOSS) → code → consequence; wholly blank rows are skipped. */
function readSchedule(range: Grid): Map<string, Consequence> | Fault {
  if (range[0].length !== 2) return MSG.columns("schedule", 2, range);
  const map = new Map<string, Consequence>();
  for (const [codeCell, consequenceCell] of range) {
    if (isBlankCell(codeCell) && isBlankCell(consequenceCell)) continue;
    if (typeof codeCell !== "string" || codeCell.trim() === "") return MSG.notText("schedule", codeCell);
    const consequence = typeof consequenceCell === "string" ? consequenceCell.trim().toUpperCase() : "";
    if (!CONSEQUENCES.includes(consequence as Consequence)) {
      return MSG.unknownChoice("schedule", String(consequenceCell ?? ""), CONSEQUENCES);
    }
    map.set(codeCell.trim().toUpperCase(), consequence as Consequence);
  }
  return map;
}

/**
 * The triggered range and the losses beside it → acts, cell by cell; blank codes are skipped,
 * and so are blank losses. Codes must be text and losses numbers; whether a code exists, and
 * what its loss counts for, is the typed function's business.
 */
function readTriggered(codes: Grid, losses: Grid | undefined): TriggeredCarveout[] | Fault {
  if (losses !== undefined && (losses.length !== codes.length || losses[0].length !== codes[0].length)) {
    return MSG.shapeMismatch("losses", "triggered", losses, `${codes.length}×${codes[0].length}`);
  }
  const acts: TriggeredCarveout[] = [];
  for (let r = 0; r < codes.length; r++) {
    for (let c = 0; c < codes[r].length; c++) {
      const code = codes[r][c];
      if (isBlankCell(code)) continue;
      if (typeof code !== "string") return MSG.notText("triggered", code);
      const loss = losses === undefined ? null : losses[r][c];
      if (isBlankCell(loss)) acts.push({ code, loss: undefined });
      else if (typeof loss !== "number" || !Number.isFinite(loss)) return MSG.notNumber("losses", loss);
      else acts.push({ code, loss });
    }
  }
  return acts;
}

export const CARVEOUT_EXPOSURE = define(
  "CARVEOUT_EXPOSURE",
  [
    amount.required("debt"),
    grid("triggered", false),
    grid("losses", true),
    amount.withDefault("collateralValue", 0),
    amount.optional("cap"),
    grid("schedule", true),
    flag("capAtShortfall", true),
  ],
  (debt, triggeredRange, losses, collateralValue, cap, scheduleRange, capAtShortfall): number | Fault => {
    const schedule = scheduleRange === undefined ? undefined : readSchedule(scheduleRange);
    if (schedule instanceof Fault) return schedule;
    const triggered = readTriggered(triggeredRange, losses);
    if (triggered instanceof Fault) return triggered;
    return carveoutExposure({ debt, triggered, collateralValue, cap, schedule, capAtShortfall });
  },
  HELP && {
    summary: "Guarantor's personal exposure after carveout (bad-boy) acts.",
    details:
      "On a non-recourse loan: any full-recourse act → debt − collateral value; otherwise the losses of loss-only acts, at most the lender's actual shortfall (debt − collateral value, not below 0: a lender the collateral makes whole has no loss to recover); then at most the cap.",
    params: {
      triggered: "A carveout code or a range of codes (see LOAN.CARVEOUTS); blanks are ignored.",
      losses: "The loss each act caused, same shape as triggered.",
      collateralValue:
        "What the collateral recovers (default 0): deducted under full recourse, and it bounds a loss-only exposure.",
      cap: "A cap on the guarantor's exposure (omit for none).",
      schedule: "Two columns, code and FULL or LOSS, overriding or extending the default classification.",
      capAtShortfall:
        "TRUE (default): a loss-only exposure is at most debt − collateral value; FALSE: at most the debt, whatever the collateral recovers (the reading before version 11's correction).",
    },
    returns: "The personal exposure.",
    examples: [
      '=LOAN.CARVEOUT_EXPOSURE(4400000, "FRAUD", , 3600000) → 800000',
      '=LOAN.CARVEOUT_EXPOSURE(4400000, {"WASTE","RENTS"}, {120000,80000}) → 200000',
      '=LOAN.CARVEOUT_EXPOSURE(4400000, "WASTE", 500000, 4200000) → 200000',
    ],
    cost: "composite",
  },
);

export const CARVEOUTS_HEADER = ["Code", "Act", "Consequence"] as const;

/** The catalogue as rows: the header, then code, act, default consequence. */
export function carveouts(): string[][] {
  return [[...CARVEOUTS_HEADER], ...CARVEOUT_CATALOGUE.map((c) => [c.code, c.act, c.consequence])];
}

export const CARVEOUTS = define(
  "CARVEOUTS",
  [],
  carveouts,
  HELP && {
    summary: "The carveout catalogue with default consequences (spills).",
    details: "Code, the act, and its default consequence, FULL or LOSS: one common default, not a standard.",
    params: {},
    returns: "A header row and one row per carveout.",
    result: "matrix",
    examples: ["=LOAN.CARVEOUTS() → 12×3"],
    cost: "apart",
  },
);
