/**
 * Carveouts ("bad-boy" acts) and springing recourse (reference §4).
 *
 * If any triggered act is full recourse, the guarantor owes max(0, debt − collateral value).
 * Otherwise the guarantor owes the sum of the losses the loss-only acts caused, at most the
 * debt. Either way at most the cap, when one is given. The classification below is one
 * common default (the one lender explainers give), not a standard: a deal's own schedule
 * overrides or extends it.
 */
import { amount, define, grid, isBlankCell, type Grid } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";

export type Consequence = "FULL" | "LOSS";

export interface Carveout {
  readonly code: string;
  readonly act: string;
  readonly consequence: Consequence;
}

export const CARVEOUT_CATALOGUE: readonly Carveout[] = [
  { code: "FRAUD", act: "Fraud or material misrepresentation", consequence: "FULL" },
  { code: "BANKRUPTCY", act: "Voluntary bankruptcy filing (or collusive involuntary filing)", consequence: "FULL" },
  {
    code: "TRANSFER",
    act: "Transfer of the property or change of control without lender consent",
    consequence: "FULL",
  },
  { code: "SUBORDINATE_DEBT", act: "Unauthorized subordinate financing", consequence: "FULL" },
  { code: "SPE", act: "Breach of single-purpose-entity covenants", consequence: "FULL" },
  { code: "WASTE", act: "Physical waste (stripping fixtures, copper, HVAC)", consequence: "LOSS" },
  { code: "ENVIRONMENTAL", act: "Contamination caused, or known contamination not remedied", consequence: "LOSS" },
  { code: "INSURANCE", act: "Failure to keep required insurance", consequence: "LOSS" },
  { code: "RENTS", act: "Misappropriation of rents after default", consequence: "LOSS" },
  { code: "TAXES", act: "Unpaid taxes or assessments creating a senior lien", consequence: "LOSS" },
  { code: "PROCEEDS", act: "Failure to remit insurance or condemnation proceeds", consequence: "LOSS" },
];

const CONSEQUENCES: readonly Consequence[] = ["FULL", "LOSS"];

/** The default classification, built once; a deal's schedule works on a copy. */
const DEFAULT_CLASSES: ReadonlyMap<string, Consequence> = new Map(
  CARVEOUT_CATALOGUE.map((c) => [c.code, c.consequence]),
);

/** The default classification with a deal's two-column schedule (code, FULL or LOSS) applied. */
function classification(schedule: Grid | undefined): ReadonlyMap<string, Consequence> | Fault {
  if (schedule === undefined) return DEFAULT_CLASSES;
  const map = new Map(DEFAULT_CLASSES);
  if (schedule[0].length !== 2) return MSG.columns("schedule", 2, schedule);
  for (const [codeCell, consequenceCell] of schedule) {
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

export const CARVEOUT_EXPOSURE = define(
  "CARVEOUT_EXPOSURE",
  [
    amount.required("debt"),
    grid("triggered", false),
    grid("losses", true),
    amount.withDefault("collateralValue", 0),
    amount.optional("cap"),
    grid("schedule", true),
  ],
  (debt, triggered, losses, collateralValue, cap, schedule) => {
    const classes = classification(schedule);
    if (classes instanceof Fault) return classes;
    const codes = triggered as Grid;
    if (losses !== undefined && (losses.length !== codes.length || losses[0].length !== codes[0].length)) {
      return MSG.shapeMismatch("losses", "triggered", losses, `${codes.length}×${codes[0].length}`);
    }
    let full = false;
    const lossTerms: number[] = [];
    for (let r = 0; r < codes.length; r++) {
      for (let c = 0; c < codes[r].length; c++) {
        const cell = codes[r][c];
        if (isBlankCell(cell)) continue;
        if (typeof cell !== "string") return MSG.notText("triggered", cell);
        const code = cell.trim().toUpperCase();
        const consequence = classes.get(code);
        if (consequence === undefined) return MSG.unknownCode("triggered", cell.trim(), [...classes.keys()]);
        if (consequence === "FULL") {
          full = true;
          continue;
        }
        const loss = losses === undefined ? null : losses[r][c];
        if (isBlankCell(loss)) continue;
        if (typeof loss !== "number" || !Number.isFinite(loss)) return MSG.notNumber("losses", loss);
        if (loss < 0) return MSG.negativeLoss("losses", code, loss);
        lossTerms.push(loss);
      }
    }
    let exposure = full ? Math.max(0, sumMoney([debt, -collateralValue])) : Math.min(debt, sumMoney(lossTerms));
    if (cap !== undefined) exposure = Math.min(exposure, cap);
    return exposure;
  },
);

export const CARVEOUTS_HEADER = ["Code", "Act", "Consequence"] as const;

export const CARVEOUTS = define("CARVEOUTS", [], () => [
  [...CARVEOUTS_HEADER] as string[],
  ...CARVEOUT_CATALOGUE.map((c) => [c.code, c.act, c.consequence]),
]);
