/**
 * The state-law overlay (methodology §8): one fact from the state table, whether a
 * deficiency may be pursued against the borrower or a guarantor, and how large it may be.
 *
 *   allowed     = not barred by the foreclosure method (NONJUDICIAL_ or JUDICIAL_DEFICIENCY)
 *                 and not barred by the residential / purchase-money rule (RESIDENTIAL_BAR);
 *                 for a GUARANTOR, a bar counts only if it extends to guarantors
 *                 (GUARANTOR_BAR) and was not waived where a waiver is allowed (GUARANTOR_WAIVER)
 *   deficiency  = 0 where barred;
 *                 claim − max(sale price, fair market value) where a fair-value limit applies
 *                 (for a GUARANTOR: if GUARANTOR_FAIR_VALUE and not waived where allowed);
 *                 claim − sale price otherwise; never below 0
 *
 * Logic is three-valued: a field the table does not know (UNKNOWN) makes the answer #N/A,
 * naming the state and the field, but only when the answer depends on it (a sale that
 * covers the claim leaves no deficiency whatever the law says). A deal's `overrides` range
 * (field, value) replaces fields of the entry. Published summaries, not legal advice.
 *
 * RESIDENTIAL_BAR rules: NONE, or clauses separated by ";". A clause is an optional scope
 * (J: judicial foreclosure only, N: nonjudicial trustee sale only), then flags joined by "+" that must
 * all hold: R (residential 1-4 units), P (purchase-money), O (owner-occupied), each may be
 * negated with "!"; a trailing "?" marks the clause unsettled (the table cannot tell from the
 * three flags). A loan is barred if a settled clause matches; #N/A if only an unsettled one does.
 */
import {
  amount,
  choice,
  code,
  defineIn,
  flag,
  grid,
  isBlankCell,
  pairName,
  pairs,
  type Cell,
  type Grid,
  HELP,
} from "./args";
import { Fault } from "./fault";
import { MSG } from "./messages";
import { sumMoney } from "./money";
import {
  FACT_FIELDS,
  REVIEWED,
  STATE_TABLE_VERSION,
  STATES,
  type BarRule,
  type FactField,
  type FairValue,
  type Waiver,
} from "./data/state-law";

const define = defineIn({ family: "lender", section: 8, cost: "composite" });

export { FACT_FIELDS, REVIEWED, STATE_TABLE_VERSION, type FactField };

export const STATE_CODES: readonly string[] = Object.keys(STATES).sort();
export const UNKNOWN = "UNKNOWN";
export const PARTIES = ["BORROWER", "GUARANTOR"] as const;
export const FORECLOSURE = ["NONJUDICIAL", "JUDICIAL"] as const;

/** A fact as the functions see it: the table's (HIGH, MEDIUM, UNKNOWN) or a deal override's (USER). */
interface AnyFact {
  readonly value: unknown;
  readonly citation: string | null;
  readonly confidence: string;
  readonly caveat: string;
}
type Row = Readonly<Record<FactField, AnyFact>>;

const FIELD_LIST: readonly string[] = [...FACT_FIELDS, "SOURCE", "CONFIDENCE", "REVIEWED"];
const SUFFIXES: readonly string[] = ["SOURCE", "CITATION", "CONFIDENCE", "CAVEAT", "RULE"];
const FAIR_VALUE_TEXT: readonly string[] = [
  "NONJUDICIAL",
  "JUDICIAL",
  "CONFIRMATION",
  "CREDITOR_BUYS",
  "NONJUDICIAL_CREDITOR_BUYS",
  "OWNER_OCCUPIED",
];
/** What each kind of field accepts in overrides, besides UNKNOWN. */
const TEXT_VALUES: Readonly<Partial<Record<FactField, readonly string[]>>> = {
  NONJUDICIAL_DEFICIENCY: ["NO_POWER_OF_SALE"],
  FAIR_VALUE_LIMIT: FAIR_VALUE_TEXT,
  GUARANTOR_WAIVER: ["BAR", "FAIR_VALUE"],
};

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
const TABLE_RULES = new Map<string, readonly Clause[]>();
for (const s of STATE_CODES) {
  const bar = STATES[s].RESIDENTIAL_BAR.value;
  if (bar !== null) TABLE_RULES.set(bar.rule, parseBarRule(bar.rule) ?? []);
}
function clausesOf(rule: string): readonly Clause[] {
  return TABLE_RULES.get(rule) ?? parseBarRule(rule) ?? [];
}

// ---------------------------------------------------------------------------------------
// Entries and overrides.

const CLEARED: AnyFact = { value: null, citation: null, confidence: UNKNOWN, caveat: "Cleared by a deal override." };

/** One override value read for its field; UNKNOWN clears the field. */
function overrideFact(field: FactField, cell: Cell): AnyFact | Fault {
  const text = typeof cell === "string" ? cell.trim().toUpperCase() : "";
  if (text === UNKNOWN) return CLEARED;
  let v: unknown =
    cell === true || cell === 1 || text === "TRUE"
      ? true
      : cell === false || cell === 0 || text === "FALSE"
        ? false
        : undefined;
  const options = TEXT_VALUES[field];
  if (field === "RESIDENTIAL_BAR") {
    if (!parseBarRule(text)) return MSG.badRule("overrides", String(cell ?? ""));
    v = { rule: text, text: `Deal rule ${text}.` };
  } else if (field === "DEADLINE") {
    if (isBlankCell(cell) || typeof cell === "boolean") return MSG.overrideValue("overrides", field, "text", cell);
    v = String(cell).trim();
  } else if (options?.includes(text)) v = text;
  if (v === undefined) {
    const want = ["TRUE", "FALSE", ...(options ?? [])].join(", ");
    return MSG.overrideValue("overrides", field, `${want} or UNKNOWN`, cell);
  }
  return { value: v, citation: "deal override", confidence: "USER", caveat: "" };
}

/** The state's entry with a deal's two-column overrides (field, value) applied. */
function rowFor(state: string, overrides: Grid | undefined): Row | Fault {
  if (!STATE_CODES.includes(state)) return MSG.unknownName("state", "state code", state, STATE_CODES);
  const row = STATES[state] as Row;
  if (overrides === undefined) return row;
  const rows = pairs("overrides", overrides);
  if (rows instanceof Fault) return rows;
  const out: Record<string, AnyFact> = { ...row };
  for (const [fieldCell, valueCell] of rows) {
    const field = pairName("overrides", fieldCell);
    if (field instanceof Fault) return field;
    if (!FACT_FIELDS.includes(field as FactField)) return MSG.unknownName("overrides", "field", field, FACT_FIELDS);
    const fact = overrideFact(field as FactField, valueCell);
    if (fact instanceof Fault) return fact;
    out[field] = fact;
  }
  return out as Row;
}

// ---------------------------------------------------------------------------------------
// Deficiency allowed: TRUE, FALSE, or the Fault naming what the table does not know.

interface Loan {
  readonly state: string;
  readonly row: Row;
  readonly judicial: boolean;
  /** The R, P, O flags. */
  readonly mask: number;
  readonly guarantor: boolean;
  readonly waived: boolean;
}

function methodField(judicial: boolean): FactField {
  return judicial ? "JUDICIAL_DEFICIENCY" : "NONJUDICIAL_DEFICIENCY";
}

/** May the lender pursue the borrower? */
function borrowerAllowed({ state, row, judicial, mask }: Loan): boolean | Fault {
  const method = row[methodField(judicial)].value;
  if (method === false) return false;
  const bar = row.RESIDENTIAL_BAR.value as BarRule | null;
  // A loan with none of the three attributes is outside any residential bar.
  const status = bar === null ? (mask ? UNSETTLED : 0) : barStatus(clausesOf(bar.rule), judicial, mask);
  if (status === BARRED) return false;
  if (method === null) return MSG.stateUnknown(state, methodField(judicial));
  if (status === UNSETTLED)
    return bar === null ? MSG.stateUnknown(state, "RESIDENTIAL_BAR") : MSG.barUnsettled(state, bar.text);
  return true;
}

/**
 * Does a protection reach the guarantor: TRUE (as it protects the borrower), FALSE, or the
 * Fault naming the unknown field. `extends` is GUARANTOR_BAR or GUARANTOR_FAIR_VALUE.
 */
function reachesGuarantor(loan: Loan, extendsField: FactField, waivable: Waiver): boolean | Fault {
  const extendsTo = loan.row[extendsField].value;
  if (extendsTo === null) return MSG.stateUnknown(loan.state, extendsField);
  if (extendsTo === false || !loan.waived) return extendsTo === true;
  const waiver = loan.row.GUARANTOR_WAIVER.value as Waiver | null;
  if (waiver === null) return MSG.stateUnknown(loan.state, "GUARANTOR_WAIVER");
  return !(waiver === true || waiver === waivable);
}

/** May the lender pursue the loan's party (borrower or guarantor)? */
function allowed(loan: Loan): boolean | Fault {
  if (loan.row[methodField(loan.judicial)].value === "NO_POWER_OF_SALE") return MSG.noPowerOfSale(loan.state);
  const borrower = borrowerAllowed(loan);
  if (!loan.guarantor || borrower === true) return borrower;
  // The borrower is protected (or the table cannot tell): does the bar reach the guarantor?
  const reach = reachesGuarantor(loan, "GUARANTOR_BAR", "BAR");
  if (reach === false) return true;
  return reach === true || borrower instanceof Fault ? borrower : reach;
}

const NO_LIMIT = 0;
const LIMIT = 1;
const CONFIRM = 2;

/** Does a fair-value limit apply to the borrower's deficiency? NO_LIMIT, LIMIT, CONFIRM, or a Fault. */
function borrowerFairValue({ state, row, judicial, mask }: Loan): number | Fault {
  const v = row.FAIR_VALUE_LIMIT.value as FairValue | null;
  if (v === null) return MSG.stateUnknown(state, "FAIR_VALUE_LIMIT");
  if (v === true || v === (judicial ? "JUDICIAL" : "NONJUDICIAL")) return LIMIT;
  if (v === "CONFIRMATION") return CONFIRM;
  if (v === "OWNER_OCCUPIED") return (mask & (R | O)) === (R | O) ? LIMIT : NO_LIMIT;
  if (v === "CREDITOR_BUYS" || (v === "NONJUDICIAL_CREDITOR_BUYS" && !judicial)) {
    return MSG.mayApply(state, "FAIR_VALUE_LIMIT", "it applies only when the foreclosing lender bought the property.");
  }
  return NO_LIMIT;
}

/** Does a fair-value limit apply to this party's deficiency? A guarantor's only if it extends to guarantors. */
function fairValue(loan: Loan): number | Fault {
  const reach = loan.guarantor ? reachesGuarantor(loan, "GUARANTOR_FAIR_VALUE", "FAIR_VALUE") : true;
  if (reach === false) return NO_LIMIT;
  const kind = borrowerFairValue(loan);
  return kind === NO_LIMIT || reach === true ? kind : reach;
}

/** Parameters the functions share (declarations are plain data, so one serves all). */
const STATE = code("state");
const METHOD = choice("foreclosure", FORECLOSURE, "NONJUDICIAL");
const LOAN_FLAGS = [
  flag("residential1to4", false),
  flag("purchaseMoney", false),
  flag("ownerOccupied", false),
] as const;
const OVERRIDES = grid("overrides", true);
const PARTY = choice("party", PARTIES, "BORROWER");
const WAIVED = flag("waived", false);

/** The loan the functions reason about, or the Fault in its arguments. */
function loanFor(
  state: string,
  overrides: Grid | undefined,
  foreclosure: string,
  flags: readonly [boolean, boolean, boolean],
  party: string,
  waived: boolean,
): Loan | Fault {
  const row = rowFor(state, overrides);
  if (row instanceof Fault) return row;
  const guarantor = party === "GUARANTOR";
  if (waived && !guarantor) return MSG.waiverParty();
  const [residential, purchaseMoney, ownerOccupied] = flags;
  const mask = (residential ? R : 0) | (purchaseMoney ? P : 0) | (ownerOccupied ? O : 0);
  return { state, row, judicial: foreclosure === "JUDICIAL", mask, guarantor, waived };
}

/**
 * The help of the parameters DEFICIENCY_ALLOWED and STATE_DEFICIENCY share (the state, the loan's
 * flags, overrides, the party): stated once. Empty in the add-in's bundles, as all help is (HELP).
 */
const LAW_PARAMS_HELP: Readonly<
  Record<
    "state" | "foreclosure" | "residential1to4" | "purchaseMoney" | "ownerOccupied" | "overrides" | "party" | "waived",
    string
  >
> = HELP
  ? {
      state: "Two-letter state code (DC included).",
      foreclosure: "NONJUDICIAL (trustee sale, default) or JUDICIAL.",
      residential1to4: "TRUE for residential property of 1 to 4 units (default FALSE).",
      purchaseMoney: "TRUE if the loan financed the purchase (default FALSE).",
      ownerOccupied: "TRUE if the borrower lives there (default FALSE).",
      overrides: "Two columns, field and value, replacing the table's entry for this deal.",
      party: "BORROWER (default) or GUARANTOR: whose liability the answer is about.",
      waived: "TRUE if the guarantor waived the state's protections in the guaranty (GUARANTOR only; default FALSE).",
    }
  : ({} as never);

export const DEFICIENCY_ALLOWED = define(
  "DEFICIENCY_ALLOWED",
  [STATE, METHOD, ...LOAN_FLAGS, OVERRIDES, PARTY, WAIVED],
  (state, foreclosure, residential, purchaseMoney, ownerOccupied, overrides, party, waived) => {
    const loan = loanFor(state, overrides, foreclosure, [residential, purchaseMoney, ownerOccupied], party, waived);
    return loan instanceof Fault ? loan : allowed(loan);
  },
  HELP && {
    summary: "May the lender pursue the borrower (or a guarantor) for a deficiency here?",
    details:
      "TRUE or FALSE as the state table records it, about the borrower unless party is GUARANTOR; #N/A naming the field the table does not know. Published summaries, not legal advice.",
    params: {
      ...LAW_PARAMS_HELP,
    },
    returns: "TRUE if a deficiency may be pursued against the party.",
    result: "boolean",
    examples: [
      '=LOAN.DEFICIENCY_ALLOWED("CA") → FALSE',
      '=LOAN.DEFICIENCY_ALLOWED("WA", , , , , , "GUARANTOR") → TRUE',
    ],
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
    PARTY,
    WAIVED,
  ],
  (claim, salePrice, state, fmv, foreclosure, residential, purchaseMoney, ownerOccupied, overrides, party, waived) => {
    const loan = loanFor(state, overrides, foreclosure, [residential, purchaseMoney, ownerOccupied], party, waived);
    if (loan instanceof Fault) return loan;
    const base = Math.max(0, sumMoney([claim, -salePrice]));
    if (base === 0) return 0;
    const may = allowed(loan);
    if (may === false) return 0;
    // The fair-value limit matters only for a value above the sale price.
    let limited: number | Fault = base;
    if (fmv !== undefined && fmv > salePrice) {
      const kind = fairValue(loan);
      if (kind instanceof Fault) limited = kind;
      else if (kind === CONFIRM) limited = 0;
      else if (kind === LIMIT) limited = Math.max(0, sumMoney([claim, -fmv]));
    }
    // Unknown whether a deficiency is allowed: the answer is still 0 if the limit leaves none.
    if (may instanceof Fault) return limited === 0 ? 0 : may;
    return limited;
  },
  HELP && {
    summary: "The deficiency the lender may pursue against the borrower or a guarantor.",
    details:
      "About the borrower unless party is GUARANTOR: 0 where barred; claim − max(sale price, fair market value) under a fair-value limit; else claim − sale price; never below 0. Published summaries, not legal advice.",
    params: {
      claim: "The lender's claim: principal, interest, fees and foreclosure costs.",
      salePrice:
        "The price the property brought at the foreclosure sale (the winning bid credited against the claim; costs belong in claim).",
      fairMarketValue: "Fair market value at the sale (omitted: the sale price).",
      ...LAW_PARAMS_HELP,
    },
    returns: "The deficiency the lender may pursue against the party.",
    examples: [
      '=LOAN.STATE_DEFICIENCY(4650000, 3600000, "NV", 3900000) → 750000',
      '=LOAN.STATE_DEFICIENCY(4650000, 3600000, "CA") → 0',
    ],
  },
);

// ---------------------------------------------------------------------------------------
// STATE_RULE: one fact, its citation, confidence or caveat, or a fact about the entry. A caveat is
// given for an UNKNOWN field too, since it says what is missing ("" where a fact has none).

const RANK: Readonly<Record<string, number>> = { MEDIUM: 1, HIGH: 2 };

/**
 * An entry's distinct citations ("" if none) and its lowest table confidence (USER when only overrides are known,
 * UNKNOWN if none).
 */
function summarize(row: Row): readonly [string, string] {
  const sources: string[] = [];
  let lowest = UNKNOWN;
  for (const field of FACT_FIELDS) {
    const fact = row[field];
    if (fact.citation === null) continue;
    if (!sources.includes(fact.citation)) sources.push(fact.citation);
    const rank = RANK[fact.confidence];
    if (rank === undefined) {
      if (lowest === UNKNOWN) lowest = fact.confidence;
    } else if (!(RANK[lowest] <= rank)) lowest = fact.confidence;
  }
  return [sources.join("; "), lowest];
}

/** The table's entries summarized once. */
const SUMMARIES = new Map(STATE_CODES.map((s) => [STATES[s] as Row, summarize(STATES[s] as Row)]));

/** A fact's value as a cell: the residential bar's sentence, else the value itself. */
function cellValue(field: FactField, value: unknown): string | boolean {
  return field === "RESIDENTIAL_BAR" ? (value as BarRule).text : (value as string | boolean);
}

export const STATE_RULE = define(
  "STATE_RULE",
  [STATE, code("field"), OVERRIDES],
  (state, field, overrides) => {
    const row = rowFor(state, overrides);
    if (row instanceof Fault) return row;
    if (field === "REVIEWED") return REVIEWED;
    if (field === "SOURCE" || field === "CONFIDENCE") {
      const [sources, lowest] = SUMMARIES.get(row) ?? summarize(row);
      if (field === "CONFIDENCE") return lowest;
      return sources || MSG.stateUnknown(state, field);
    }
    const dot = field.indexOf(".");
    const base = (dot < 0 ? field : field.slice(0, dot)) as FactField;
    const suffix = dot < 0 ? "" : field.slice(dot + 1);
    if (
      !FACT_FIELDS.includes(base) ||
      (suffix && !SUFFIXES.includes(suffix)) ||
      (suffix === "RULE" && base !== "RESIDENTIAL_BAR")
    ) {
      return MSG.unknownName("field", "field", field, FIELD_LIST);
    }
    const fact = row[base];
    if (suffix === "CONFIDENCE") return fact.confidence;
    if (suffix === "CAVEAT") return fact.caveat;
    if (fact.value === null) return MSG.stateUnknown(state, base);
    if (suffix === "SOURCE" || suffix === "CITATION") return fact.citation ?? "";
    if (suffix === "RULE") return (fact.value as BarRule).rule;
    return cellValue(base, fact.value);
  },
  HELP && {
    summary: "One fact from the state table, with its citation and confidence.",
    details:
      "About a US state's deficiency law, from the add-in's state table (version 2.2.0, reviewed 2026-12-07); confidence is HIGH, MEDIUM or UNKNOWN; fields named GUARANTOR_ are about a guarantor, the others about the borrower; #N/A where the table does not know. Published summaries, not legal advice.",
    section: 9,
    params: {
      state: "Two-letter state code (DC included).",
      field:
        "NONJUDICIAL_DEFICIENCY, JUDICIAL_DEFICIENCY, FAIR_VALUE_LIMIT, ONE_ACTION, RESIDENTIAL_BAR, DEADLINE, GUARANTOR_BAR, GUARANTOR_FAIR_VALUE, GUARANTOR_WAIVER, SOURCE, CONFIDENCE or REVIEWED; add .CITATION (or .SOURCE), .CONFIDENCE or .CAVEAT (its conditions and limits, or what is missing) to a field.",
      overrides: "Two columns, field and value, replacing the table's entry for this deal.",
    },
    returns: "The fact: TRUE/FALSE or text.",
    result: "any",
    examples: [
      '=LOAN.STATE_RULE("CA", "NONJUDICIAL_DEFICIENCY") → FALSE',
      '=LOAN.STATE_RULE("TX", "DEADLINE") → "2 years after the sale"',
    ],
  },
);
