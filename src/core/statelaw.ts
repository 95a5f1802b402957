/**
 * The state-law overlay (methodology §8): one fact from the state table, whether a
 * deficiency may be pursued, and how large it may be.
 *
 *   allowed     = not barred by the foreclosure method (NONJUDICIAL_ or JUDICIAL_DEFICIENCY)
 *                 and not barred by the residential / purchase-money rule (RESIDENTIAL_BAR)
 *   deficiency  = 0 where barred;
 *                 claim − max(sale price, fair market value) where a fair-value limit applies;
 *                 claim − sale price otherwise; never below 0
 *
 * Logic is three-valued: a field the table does not know (UNKNOWN) makes the answer #N/A,
 * naming the state and the field, but only when the answer depends on it (a sale that
 * covers the claim leaves no deficiency whatever the law says). A deal's `overrides` range
 * (field, value) replaces fields of the row. Published summaries, not legal advice.
 *
 * RESIDENTIAL_BAR rules: NONE, or clauses separated by ";". A clause is an optional scope
 * (J: judicial foreclosure only, N: nonjudicial trustee sale only), then flags joined by "+" that must
 * all hold: R (residential 1-4 units), P (purchase-money), O (owner-occupied), each may be
 * negated with "!"; a trailing "?" marks the clause unsettled (the table cannot tell from the
 * three flags). A loan is barred if a settled clause matches; #N/A if only an unsettled one does.
 */
import { amount, choice, code, define, flag, grid, isBlankCell, pairName, pairs, type Cell, type Grid } from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";
import { FACT_FIELDS, REVIEWED, STATE_TABLE_VERSION, STATES, U, type BarCell, type FairValue } from "./data/state-law";

export { FACT_FIELDS, REVIEWED, STATE_TABLE_VERSION };
export type FactField = (typeof FACT_FIELDS)[number];

export const STATE_CODES: readonly string[] = Object.keys(STATES).sort();
export const UNKNOWN = "UNKNOWN";

/**
 * A fact as the functions see it: [value, source, confidence], from the table (H, M, L) or
 * from a deal's override (USER); U where unknown. A row holds one per field, in the order
 * of FACT_FIELDS (the table's packed rows are used as they are).
 */
type Fact = typeof U | readonly [unknown, string, string];
type Row = readonly Fact[];

const NJ = 0; // NONJUDICIAL_DEFICIENCY
const FV = 2; // FAIR_VALUE_LIMIT
const BAR = 4; // RESIDENTIAL_BAR
const CONFIDENCE: Readonly<Record<string, string>> = { L: "LOW", M: "MEDIUM", H: "HIGH", USER: "USER" };

const FIELD_LIST: readonly string[] = [...FACT_FIELDS, "SOURCE", "CONFIDENCE", "REVIEWED"];
export const FORECLOSURE = ["NONJUDICIAL", "JUDICIAL"] as const;
const FAIR_VALUE_TEXT: readonly string[] = ["NONJUDICIAL", "JUDICIAL", "CONFIRMATION"];

// ---------------------------------------------------------------------------------------
// Residential-bar rules.

const R = 1;
const P = 2;
const O = 4;
const FLAG_BITS: Readonly<Record<string, number>> = { R, P, O };

export interface Clause {
  /** "J" judicial only, "N" trustee sale only, "" both. */
  readonly scope: string;
  /** Flags that must hold, and flags that must not. */
  readonly need: number;
  readonly not: number;
  readonly unsettled: boolean;
}

/** The clauses of a rule, or undefined when it cannot be read. */
export function parseBarRule(rule: string): Clause[] | undefined {
  const t = rule.toUpperCase().replace(/\s+/g, "");
  if (t === "NONE") return [];
  const clauses: Clause[] = [];
  for (const raw of t.split(";")) {
    if (raw === "") continue;
    const unsettled = raw.endsWith("?");
    const clause = unsettled ? raw.slice(0, -1) : raw;
    const colon = clause.indexOf(":");
    const scope = colon < 0 ? "" : clause.slice(0, colon);
    const body = clause.slice(colon + 1);
    if (scope !== "" && scope !== "J" && scope !== "N") return undefined;
    let need = 0;
    let not = 0;
    for (const lit of body.split("+")) {
      const negated = lit.startsWith("!");
      const bit = FLAG_BITS[negated ? lit.slice(1) : lit];
      if (bit === undefined) return undefined;
      if (negated) not |= bit;
      else need |= bit;
    }
    if (need & not) return undefined;
    clauses.push({ scope, need, not, unsettled });
  }
  return clauses.length ? clauses : undefined;
}

const BARRED = 2;
const UNSETTLED = 1;

function barStatus(clauses: readonly Clause[], judicial: boolean, mask: number): number {
  let status = 0;
  for (const c of clauses) {
    if (c.scope === (judicial ? "N" : "J") || (mask & c.need) !== c.need || mask & c.not) continue;
    if (!c.unsettled) return BARRED;
    status = UNSETTLED;
  }
  return status;
}

/** The table's rules, parsed once (test/statelaw.test.ts checks that every one parses). */
const TABLE_RULES = new Map<BarCell, readonly Clause[]>();
for (const s of STATE_CODES) {
  const bar = STATES[s][BAR];
  if (bar !== U) TABLE_RULES.set(bar[0], parseBarRule(bar[0][0]) ?? []);
}

// ---------------------------------------------------------------------------------------
// Rows and overrides.

/** One override value read for its field; UNKNOWN clears the field. */
function overrideFact(field: FactField, cell: Cell): Fact | Fault {
  const text = typeof cell === "string" ? cell.trim().toUpperCase() : "";
  if (text === UNKNOWN) return U;
  let v: unknown =
    cell === true || cell === 1 || text === "TRUE"
      ? true
      : cell === false || cell === 0 || text === "FALSE"
        ? false
        : undefined;
  if (field === "RESIDENTIAL_BAR") {
    if (!parseBarRule(text)) return MSG.badRule("overrides", String(cell ?? ""));
    v = [text, `Deal rule ${text}.`];
  } else if (field === "DEADLINE") {
    if (isBlankCell(cell) || typeof cell === "boolean") return MSG.overrideValue("overrides", field, "text", cell);
    v = String(cell).trim();
  } else if (field === "FAIR_VALUE_LIMIT" && FAIR_VALUE_TEXT.includes(text)) v = text;
  if (v === undefined) return MSG.overrideValue("overrides", field, "TRUE, FALSE or UNKNOWN", cell);
  return [v, "deal override", "USER"];
}

/** The state's row with a deal's two-column overrides (field, value) applied. */
function rowFor(state: string, overrides: Grid | undefined): Row | Fault {
  if (!STATE_CODES.includes(state)) return MSG.unknownName("state", "state code", state, STATE_CODES);
  const row = STATES[state];
  if (overrides === undefined) return row;
  const rows = pairs("overrides", overrides);
  if (rows instanceof Fault) return rows;
  const out: Fact[] = [...row];
  for (const [fieldCell, valueCell] of rows) {
    const field = pairName("overrides", fieldCell);
    if (field instanceof Fault) return field;
    const i = FACT_FIELDS.indexOf(field as FactField);
    if (i < 0) return MSG.unknownName("overrides", "field", field, FACT_FIELDS);
    const fact = overrideFact(field as FactField, valueCell);
    if (fact instanceof Fault) return fact;
    out[i] = fact;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Deficiency allowed: TRUE, FALSE, or the Fault naming what the table does not know.

function allowed(state: string, row: Row, judicial: boolean, mask: number): boolean | Fault {
  const method = row[judicial ? NJ + 1 : NJ];
  if (method !== U && method[0] === false) return false;
  const fact = row[BAR];
  // A loan with none of the three attributes is outside any residential bar.
  const bar =
    fact === U
      ? mask
        ? UNSETTLED
        : 0
      : barStatus(TABLE_RULES.get(fact[0] as BarCell) ?? parseBarRule((fact[0] as BarCell)[0]) ?? [], judicial, mask);
  if (bar === BARRED) return false;
  if (method === U) return MSG.stateUnknown(state, FACT_FIELDS[judicial ? NJ + 1 : NJ]);
  if (bar === UNSETTLED)
    return fact === U ? MSG.stateUnknown(state, "RESIDENTIAL_BAR") : MSG.barUnsettled(state, (fact[0] as BarCell)[1]);
  return true;
}

/** Parameters the three functions share (declarations are plain data, so one serves all). */
const STATE = code("state");
const METHOD = choice("foreclosure", FORECLOSURE, "NONJUDICIAL");
const LOAN_FLAGS = [
  flag("residential1to4", false),
  flag("purchaseMoney", false),
  flag("ownerOccupied", false),
] as const;
const OVERRIDES = grid("overrides", true);

function flagMask(residential: boolean, purchaseMoney: boolean, ownerOccupied: boolean): number {
  return (residential ? R : 0) | (purchaseMoney ? P : 0) | (ownerOccupied ? O : 0);
}

export const DEFICIENCY_ALLOWED = define(
  "DEFICIENCY_ALLOWED",
  [STATE, METHOD, ...LOAN_FLAGS, OVERRIDES],
  (state, foreclosure, residential, purchaseMoney, ownerOccupied, overrides) => {
    const row = rowFor(state, overrides);
    if (row instanceof Fault) return row;
    return allowed(state, row, foreclosure === "JUDICIAL", flagMask(residential, purchaseMoney, ownerOccupied));
  },
);

export const STATE_DEFICIENCY = define(
  "STATE_DEFICIENCY",
  [
    amount.required("claim"),
    amount.required("salePrice"),
    STATE,
    amount.optional("fairMarketValue"),
    METHOD,
    ...LOAN_FLAGS,
    OVERRIDES,
  ],
  (claim, salePrice, state, fmv, foreclosure, residential, purchaseMoney, ownerOccupied, overrides) => {
    const row = rowFor(state, overrides);
    if (row instanceof Fault) return row;
    const base = Math.max(0, sumMoney([claim, -salePrice]));
    if (base === 0) return 0;
    const judicial = foreclosure === "JUDICIAL";
    const may = allowed(state, row, judicial, flagMask(residential, purchaseMoney, ownerOccupied));
    if (may === false) return 0;
    // The fair-value limit matters only for a value above the sale price.
    let limited: number | Fault = base;
    if (fmv !== undefined && fmv > salePrice) {
      const fact = row[FV];
      const v = fact === U ? undefined : (fact[0] as FairValue);
      if (v === undefined) limited = MSG.stateUnknown(state, "FAIR_VALUE_LIMIT");
      else if (v === "CONFIRMATION") limited = 0;
      else if (v === true || v === (judicial ? "JUDICIAL" : "NONJUDICIAL"))
        limited = Math.max(0, sumMoney([claim, -fmv]));
    }
    // Unknown whether a deficiency is allowed: the answer is still 0 if the limit leaves none.
    if (may instanceof Fault) return limited === 0 ? 0 : may;
    return limited;
  },
);

// ---------------------------------------------------------------------------------------
// STATE_RULE: one fact, its source or confidence, or a fact about the row.

/**
 * A row's distinct sources ("" if none) and its lowest table confidence (USER when only overrides are known, "" if
 * none).
 */
function summarize(row: Row): readonly [string, string] {
  const sources: string[] = [];
  let lowest = "";
  for (const fact of row) {
    if (fact === U) continue;
    if (!sources.includes(fact[1])) sources.push(fact[1]);
    if (fact[2] === "USER") lowest ||= "USER";
    else if (lowest === "" || lowest === "USER" || "LMH".indexOf(fact[2]) < "LMH".indexOf(lowest)) lowest = fact[2];
  }
  return [sources.join("; "), lowest];
}

/** The table's rows summarized once. */
const SUMMARIES = new Map(STATE_CODES.map((s) => [STATES[s] as Row, summarize(STATES[s])]));

export const STATE_RULE = define("STATE_RULE", [STATE, code("field"), OVERRIDES], (state, field, overrides) => {
  const row = rowFor(state, overrides);
  if (row instanceof Fault) return row;
  if (field === "REVIEWED") return REVIEWED;
  if (field === "SOURCE" || field === "CONFIDENCE") {
    const [sources, lowest] = SUMMARIES.get(row) ?? summarize(row);
    if (field === "CONFIDENCE") return CONFIDENCE[lowest] ?? UNKNOWN;
    return sources || MSG.stateUnknown(state, field);
  }
  const dot = field.indexOf(".");
  const base = dot < 0 ? field : field.slice(0, dot);
  const suffix = dot < 0 ? "" : field.slice(dot + 1);
  const i = FACT_FIELDS.indexOf(base as FactField);
  if (i < 0 || (suffix && suffix !== "SOURCE" && suffix !== "CONFIDENCE" && (suffix !== "RULE" || i !== BAR))) {
    return MSG.unknownName("field", "field", field, FIELD_LIST);
  }
  const fact = row[i];
  if (fact === U) return suffix === "CONFIDENCE" ? UNKNOWN : MSG.stateUnknown(state, base);
  if (suffix) return suffix === "SOURCE" ? fact[1] : suffix === "RULE" ? (fact[0] as BarCell)[0] : CONFIDENCE[fact[2]];
  return (i === BAR ? (fact[0] as BarCell)[1] : fact[0]) as string | boolean;
});
