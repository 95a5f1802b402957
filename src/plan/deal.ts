/**
 * A deal template → a side-by-side recourse / non-recourse sheet, as a plan (plain data).
 * Pure: no Office, no engine. The writers (Excel, engine, .xlsx) apply the plan.
 *
 * The sheet, top to bottom, under a frozen header (Recourse | Non-recourse | Difference |
 * Source / note):
 *   - inputs (blue constants, each a sheet-scoped name; market figures as black
 *     LOAN.MARKET_PREMIUM formulas), the LOAN.QUALIFY thresholds beside them (columns G:J),
 *     the carveouts stressed and the scenarios;
 *   - the side-by-side table: rate, points, LOAN.MAX_LOAN and the loan, debt service, DSCR,
 *     debt yield, LTV, balance at the end of the hold, the premium (interest-only,
 *     amortizing, present value), per scenario NOI, sale price, deficiency, what the state's
 *     law lets the lender pursue and the personal exposure under each structure, the
 *     break-even default probability, LOAN.QUALIFY;
 *   - a reading block: the reference's "when each fits" heuristics as formulas with reasons;
 *   - a sensitivity table (personal exposure against sale price) feeding the chart;
 *   - the assumptions and the disclaimer.
 *
 * Every number outside the inputs is a formula over them, using LOAN.* and only built-ins
 * the headless engine computes too (IF, AND, MAX, MIN, ROUND, ROUNDDOWN, &). Formulas avoid
 * the TRUE/FALSE literals (the engine reads them as names); flags are input cells.
 */
import { CARVEOUT_CATALOGUE } from "../core/carveouts";
import {
  column,
  FORMATS,
  FORMULA_COLOR,
  INPUT_COLOR,
  type PlanCell,
  type PlanName,
  type PlanValue,
  type SheetPlan,
} from "./plan";
import type { Carveout, DealInputs, DealTemplate, InputKey, Scenario, Thresholds } from "./templates/types";

export const DEAL_FORMATS = {
  ...FORMATS,
  money: "#,##0",
  ratio: '0.00"x"',
  share: "0.0%",
} as const;

export const DEAL_NOTES = {
  disclaimer:
    "Figures are market conventions and mechanics from published lender and consumer-finance explainers (REFERENCE), not legal, tax or investment advice.",
  legend: "Blue cells are inputs (each a named range); black cells are formulas (LOAN.* and Excel built-ins).",
  heuristics:
    'Reading: the reference\'s "when each fits" lender heuristics (§5) applied to this deal. Heuristics, not advice.',
  stateLaw:
    "State law: the add-in's state table (see LOAN.STATE_RULE for sources and confidence). Guarantors can stay liable where the borrower is protected (e.g. CA §580d(b)); not modelled.",
} as const;

/** The sheet-scoped name of each input. */
export const INPUT_NAMES: Readonly<Record<InputKey, string>> = {
  loanType: "LoanType",
  businessPlan: "BusinessPlan",
  propertyValue: "PropertyValue",
  noi: "ProFormaNOI",
  occupancy: "Occupancy",
  netWorth: "NetWorth",
  liquidity: "Liquidity",
  loanAmount: "LoanInput",
  amortYears: "AmortYears",
  holdYears: "HoldYears",
  interestOnly: "InterestOnly",
  discountRate: "DiscountRate",
  recourseRate: "RecourseRate",
  recoursePoints: "RecoursePoints",
  rateSpread: "RatePremium",
  pointsSpread: "PointsPremium",
  recourseGuarantee: "RecourseGuarantee",
  nonRecourseGuarantee: "NonRecourseGuarantee",
  trackRecord: "TrackRecord",
  assetProtection: "AssetProtection",
  accruedInterest: "AccruedInterest",
  foreclosureCosts: "ForeclosureCosts",
  state: "DealState",
  foreclosure: "ForeclosureMethod",
  residential1to4: "Residential1to4",
  purchaseMoney: "PurchaseMoney",
  ownerOccupied: "OwnerOccupied",
};

/** Labels of the inputs, as the sheet and the task pane show them. */
export const INPUT_LABELS: Readonly<Record<InputKey, string>> = {
  loanType: "Market row (LOAN.MARKET_PREMIUM loan type)",
  businessPlan: "Business plan",
  propertyValue: "Property value",
  noi: "NOI, pro forma (a year)",
  occupancy: "Occupancy",
  netWorth: "Sponsor net worth",
  liquidity: "Sponsor liquidity",
  loanAmount: "Loan amount (0: size with LOAN.MAX_LOAN)",
  amortYears: "Amortization (years)",
  holdYears: "Hold (years)",
  interestOnly: "Interest-only",
  discountRate: "Discount rate (PV of the premium)",
  recourseRate: "Recourse rate",
  recoursePoints: "Recourse points",
  rateSpread: "Non-recourse rate premium",
  pointsSpread: "Non-recourse points premium",
  recourseGuarantee: "Guarantee (share of the loan)",
  nonRecourseGuarantee: "Guarantee (share of the loan)",
  trackRecord: "Long track record",
  assetProtection: "Asset protection a priority",
  accruedInterest: "Accrued interest and fees at a default",
  foreclosureCosts: "Foreclosure and sale costs",
  state: "State (deficiency law)",
  foreclosure: "Foreclosure (NONJUDICIAL or JUDICIAL)",
  residential1to4: "Residential, 1–4 units",
  purchaseMoney: "Purchase-money loan",
  ownerOccupied: "Owner-occupied",
};

export interface DealOptions {
  /** Carveouts to stress under non-recourse; default: the template's. */
  readonly carveouts?: readonly Carveout[];
  /** The state whose law applies; default: the template's. */
  readonly state?: string;
  /** A second state to compare; default: the template's (null: none). */
  readonly compareState?: string | null;
  /** The sheet name wanted; default: the template's. */
  readonly sheetName?: string;
}

/** At least this many carveout rows, so the analyst can add more in Excel. */
const CARVEOUT_ROWS = 3;

type Fmt = keyof typeof DEAL_FORMATS;

/** The sheet's grid as it is filled, row by row. */
class Sheet {
  readonly cells: PlanCell[] = [];
  readonly names: PlanName[] = [];
  row = 0;

  next(gap = 0): number {
    this.row += 1 + gap;
    return this.row;
  }
  text(col: string, row: number, value: string, bold = false): void {
    this.cells.push(bold ? { address: `${col}${row}`, value, bold } : { address: `${col}${row}`, value });
  }
  input(col: string, row: number, value: PlanValue, fmt?: Fmt, name?: string): string {
    const address = `${col}${row}`;
    this.cells.push({ address, value, fontColor: INPUT_COLOR, ...(fmt ? { numberFormat: DEAL_FORMATS[fmt] } : {}) });
    if (name) this.names.push({ name, address });
    return name ?? address;
  }
  formula(col: string, row: number, formula: string, fmt?: Fmt, name?: string, bold?: boolean): string {
    const address = `${col}${row}`;
    this.cells.push({
      address,
      formula,
      fontColor: FORMULA_COLOR,
      ...(fmt ? { numberFormat: DEAL_FORMATS[fmt] } : {}),
      ...(bold ? { bold } : {}),
    });
    if (name) this.names.push({ name, address });
    return name ?? address;
  }
}

const call = (fn: string, ...args: (string | undefined)[]): string =>
  `LOAN.${fn}(${args.map((a) => a ?? "").join(",")})`;
const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The cells of one row of the side-by-side table: recourse, non-recourse, difference. */
interface Pair {
  r: string;
  n: string;
}

/** Builds the deal sheet for a template with the analyst's inputs and options. */
export function buildDealPlan(
  template: DealTemplate,
  inputs: Partial<DealInputs> = {},
  options: DealOptions = {},
): SheetPlan {
  const d: DealInputs = { ...template.inputs, ...inputs, ...(options.state ? { state: options.state } : {}) };
  const carveouts = options.carveouts ?? template.carveouts;
  const compareState = options.compareState === null ? undefined : (options.compareState ?? template.compareState);
  const s = new Sheet();
  const N = INPUT_NAMES;
  const src = (key: InputKey): string | undefined => template.sources[key];

  // --- Title, legend, frozen column header -------------------------------------------
  s.text("A", s.next(), template.title, true);
  s.text("A", s.next(), `${DEAL_NOTES.legend} ${DEAL_NOTES.disclaimer}`);
  const header = s.next();
  ["Recourse", "Non-recourse", "Difference", "Source / note"].forEach((h, i) => s.text(column(i + 1), header, h, true));

  // --- Inputs ---------------------------------------------------------------------------
  const inputsTop = s.next(1);
  s.text("A", inputsTop, "Inputs", true);
  const dealInput = (key: InputKey, fmt?: Fmt, value: PlanValue = d[key] as PlanValue): string => {
    const r = s.next();
    s.text("A", r, INPUT_LABELS[key]);
    const note = src(key);
    if (note) s.text("E", r, note);
    return s.input("B", r, value, fmt, N[key]);
  };
  const loanType = dealInput("loanType");
  const plan = dealInput("businessPlan");
  const value = dealInput("propertyValue", "money");
  const noi = dealInput("noi", "money");
  const occupancy = dealInput("occupancy", "share");
  const netWorth = dealInput("netWorth", "money");
  const liquidity = dealInput("liquidity", "money");
  const trackRecord = dealInput("trackRecord");
  const assetProtection = dealInput("assetProtection");
  const loanInput = dealInput("loanAmount", "money");
  const amort = dealInput("amortYears", "years");
  const hold = dealInput("holdYears", "years");
  const io = dealInput("interestOnly");
  const discount = dealInput("discountRate", "rate");
  const accrued = dealInput("accruedInterest", "money");
  const costs = dealInput("foreclosureCosts", "money");
  const state = dealInput("state");
  const method = dealInput("foreclosure");
  const residential = dealInput("residential1to4");
  const purchaseMoney = dealInput("purchaseMoney");
  const ownerOccupied = dealInput("ownerOccupied");
  let compare: string | undefined;
  if (compareState) {
    const r = s.next();
    s.text("A", r, "Compare with the law of");
    s.text("E", r, "The state overlay: the same loan under a second state's law");
    compare = s.input("B", r, compareState, undefined, "CompareState");
  }
  const flags = [method, residential, purchaseMoney, ownerOccupied];

  // Structure inputs: recourse in B, non-recourse in C.
  const structureRow = (key: InputKey, col: "B" | "C", fmt: Fmt, market?: "RATE" | "POINTS"): string => {
    const r = s.next();
    s.text("A", r, INPUT_LABELS[key]);
    const note = src(key);
    if (note) s.text("E", r, note);
    const v = d[key];
    if (v === "MARKET" && market)
      return s.formula(col, r, `=${call("MARKET_PREMIUM", loanType, q(market))}`, fmt, N[key]);
    return s.input(col, r, v as PlanValue, fmt, N[key]);
  };
  const rRate = structureRow("recourseRate", "B", "rate");
  const spread = structureRow("rateSpread", "C", "rate", "RATE");
  const rPoints = structureRow("recoursePoints", "B", "rate");
  const pointsSpread = structureRow("pointsSpread", "C", "rate", "POINTS");
  const gRow = s.next();
  s.text("A", gRow, INPUT_LABELS.recourseGuarantee);
  const rGuarantee = s.input("B", gRow, d.recourseGuarantee, "share", N.recourseGuarantee);
  const nGuarantee = s.input("C", gRow, d.nonRecourseGuarantee, "share", N.nonRecourseGuarantee);
  const gNote = [src("recourseGuarantee"), src("nonRecourseGuarantee")].filter(Boolean).join("; ");
  s.text("E", gRow, gNote || "1: full recourse; 0: carveouts only; between: a limited guarantee (reference §1)");

  // Market context (formulas): the table's range for this loan type.
  const mRow = s.next();
  s.text("A", mRow, "Market rate premium, low / high (reference §5)");
  s.formula("B", mRow, `=${call("MARKET_PREMIUM", loanType, q("RATE"), q("LOW"))}`, "rate");
  s.formula("C", mRow, `=${call("MARKET_PREMIUM", loanType, q("RATE"), q("HIGH"))}`, "rate");
  s.text("E", mRow, "LOAN.MARKET_PREMIUM: context for the premium above");

  // LOAN.QUALIFY thresholds, as the two-column ranges the function reads (G:H, I:J).
  const th = qualifyThresholds(s, inputsTop, template.thresholds, loanType);

  // Carveouts stressed under non-recourse.
  const cTop = s.next(1);
  s.text("A", cTop, "Carveouts stressed (non-recourse)", true);
  s.text("B", cTop, "Code", true);
  s.text("C", cTop, "Loss caused", true);
  const carveRows = Math.max(CARVEOUT_ROWS, carveouts.length);
  const firstCarve = cTop + 1;
  for (let i = 0; i < carveRows; i++) {
    const r = s.next();
    const c = carveouts[i];
    s.text("A", r, `Carveout ${i + 1}`);
    s.input("B", r, c ? c.code : "");
    s.input("C", r, c ? c.loss : "", "money");
    const known = c && CARVEOUT_CATALOGUE.find((x) => x.code === c.code.toUpperCase());
    s.text(
      "E",
      r,
      known
        ? `${known.act}: ${known.consequence === "FULL" ? "full recourse" : "loss only"} (reference §4)`
        : "Add a code from LOAN.CARVEOUTS()",
    );
  }
  const lastCarve = s.row;
  s.names.push({ name: "CarveoutCodes", address: `B${firstCarve}:B${lastCarve}` });
  s.names.push({ name: "CarveoutLosses", address: `C${firstCarve}:C${lastCarve}` });

  // Scenario inputs.
  const scTop = s.next(1);
  s.text("A", scTop, "Scenarios", true);
  const scenarioInputs = template.scenarios.map((sc, i) => scenarioInput(s, sc, i + 1));

  // --- Side by side ---------------------------------------------------------------------
  const tTop = s.next(1);
  s.text("A", tTop, "Side by side", true);
  const row = (
    label: string,
    fr: string,
    fn: string,
    fmt: Fmt,
    opts: { diff?: boolean; note?: string } = {},
  ): Pair & { row: number } => {
    const r = s.next();
    s.text("A", r, label);
    const cr = s.formula("B", r, fr, fmt);
    const cn = s.formula("C", r, fn, fmt);
    if (opts.diff !== false) s.formula("D", r, `=${cn}-${cr}`, fmt);
    if (opts.note) s.text("E", r, opts.note);
    return { r: cr, n: cn, row: r };
  };
  const rate = row("Annual rate", `=${rRate}`, `=${rRate}+${spread}`, "rate");
  const points = row("Points", `=${rPoints}`, `=${rPoints}+${pointsSpread}`, "rate");
  const maxLoan = row(
    "Largest loan (LOAN.MAX_LOAN)",
    `=${call("MAX_LOAN", noi, value, rate.r, amort, th.rMinDscr, th.rMaxLtv, undefined, io)}`,
    `=${call("MAX_LOAN", noi, value, rate.n, amort, th.nMinDscr, th.nMaxLtv, undefined, io)}`,
    "money",
    { note: "Under each structure's DSCR and LTV thresholds (G:J)" },
  );
  const loanR = s.next();
  s.text("A", loanR, "Loan amount");
  const loan = s.formula(
    "B",
    loanR,
    `=IF(${loanInput}>0,${loanInput},ROUNDDOWN(MIN(${maxLoan.r},${maxLoan.n}),-3))`,
    "money",
  );
  s.formula("C", loanR, `=${loan}`, "money");
  s.text("E", loanR, "The same loan under both structures: the input, or the smaller largest loan (to the thousand)");
  const ds = row(
    "Annual debt service",
    `=${call("DEBT_SERVICE", loan, rate.r, amort, io)}`,
    `=${call("DEBT_SERVICE", loan, rate.n, amort, io)}`,
    "money",
  );
  row("Monthly payment", `=${ds.r}/12`, `=${ds.n}/12`, "money");
  const dscr = row("DSCR, pro forma", `=${call("DSCR", noi, ds.r)}`, `=${call("DSCR", noi, ds.n)}`, "ratio");
  row("Debt yield", `=${call("DEBT_YIELD", noi, loan)}`, `=${call("DEBT_YIELD", noi, loan)}`, "rate", { diff: false });
  const ltv = row("LTV", `=${call("LTV", loan, value)}`, `=${call("LTV", loan, value)}`, "rate", { diff: false });
  const balance = row(
    "Balance at the end of the hold",
    `=${call("BALANCE", loan, rate.r, amort, hold, `IF(${io},${hold},0)`)}`,
    `=${call("BALANCE", loan, rate.n, amort, hold, `IF(${io},${hold},0)`)}`,
    "money",
  );
  const cost = row(
    "Interest and points over the hold (interest-only view)",
    `=${loan}*${rate.r}*${hold}+${loan}*${points.r}`,
    `=${loan}*${rate.n}*${hold}+${loan}*${points.n}`,
    "money",
    { diff: false },
  );
  const premiumArgs = [loan, rate.r, rate.n, points.r, points.n, hold];
  const premium = s.formula("D", cost.row, `=${call("NONRECOURSE_PREMIUM", ...premiumArgs)}`, "money");
  s.text("E", cost.row, "Difference: the premium of non-recourse, LOAN.NONRECOURSE_PREMIUM (reference §5)");
  const amortRow = s.next();
  s.text("A", amortRow, "Premium, amortizing view (payments, balance at exit, points)");
  s.formula("D", amortRow, `=${call("NONRECOURSE_PREMIUM", ...premiumArgs, amort)}`, "money");
  const pvRow = s.next();
  s.text("A", pvRow, "Premium, present value at the discount rate");
  s.formula(
    "D",
    pvRow,
    `=IF(${io},${call("NONRECOURSE_PREMIUM", ...premiumArgs, undefined, discount)},${call("NONRECOURSE_PREMIUM", ...premiumArgs, amort, discount)})`,
    "money",
  );
  s.text("E", pvRow, "Interest-only loans: the interest-only view, discounted");

  // Per scenario.
  const laws: { state: string }[] = [{ state }];
  if (compare) laws.push({ state: compare });
  const exposures: { r: string; n: string }[][] = [];
  let lastClaim: Pair = { r: "", n: "" };
  template.scenarios.forEach((sc, i) => {
    const inp = scenarioInputs[i];
    const head = s.next(1);
    s.text("A", head, `Scenario ${i + 1}: ${sc.label}`, true);
    s.text("E", head, sc.source);
    const scNoi = row("NOI", `=${noi}*${inp.noiFactor}`, `=${noi}*${inp.noiFactor}`, "money", { diff: false });
    row("DSCR", `=${call("DSCR", scNoi.r, ds.r)}`, `=${call("DSCR", scNoi.n, ds.n)}`, "ratio");
    const saleF = inp.salePrice ? `=${inp.salePrice}` : `=${value}*${inp.saleFactor}`;
    const sale = row("Sale price", saleF, saleF, "money", { diff: false });
    const unpaid = row(
      "Unpaid principal",
      inp.unpaid ? `=${inp.unpaid}` : `=${balance.r}`,
      inp.unpaid ? `=${inp.unpaid}` : `=${balance.n}`,
      "money",
    );
    const claim = row(
      "Claim (principal, interest, fees, costs)",
      `=${unpaid.r}+${accrued}+${costs}`,
      `=${unpaid.n}+${accrued}+${costs}`,
      "money",
    );
    lastClaim = claim;
    row(
      "Deficiency (LOAN.DEFICIENCY)",
      `=${call("DEFICIENCY", unpaid.r, sale.r, accrued, undefined, costs)}`,
      `=${call("DEFICIENCY", unpaid.n, sale.n, accrued, undefined, costs)}`,
      "money",
      {
        note: "Owed personally under recourse; the lender's loss under non-recourse, unless a carveout springs (reference §2)",
      },
    );
    const perLaw = laws.map((law, li) => {
      const mayArgs = (c: string, sp: string) => call("STATE_DEFICIENCY", c, sp, law.state, undefined, ...flags);
      const rr = s.next();
      s.formula("A", rr, `="Lender may pursue under "&${law.state}&" law"`);
      const may: Pair = {
        r: s.formula("B", rr, `=${mayArgs(claim.r, sale.r)}`, "money"),
        n: s.formula("C", rr, `=${mayArgs(claim.n, sale.n)}`, "money"),
      };
      s.formula("D", rr, `=${may.n}-${may.r}`, "money");
      s.text(
        "E",
        rr,
        li === 0
          ? "LOAN.STATE_DEFICIENCY: 0 where the state bars it (reference §3)"
          : "The same loan under the compared state's law",
      );
      const er = s.next();
      s.formula("A", er, `="Personal exposure under "&${law.state}&" law"`);
      const exp: Pair = {
        r: s.formula("B", er, `=${call("GUARANTEE_EXPOSURE", may.r, loan, rGuarantee)}`, "money"),
        n: s.formula(
          "C",
          er,
          `=MAX(${call("CARVEOUT_EXPOSURE", claim.n, "CarveoutCodes", "CarveoutLosses", sale.n)},${call("GUARANTEE_EXPOSURE", may.n, loan, nGuarantee)})`,
          "money",
        ),
      };
      s.formula("D", er, `=${exp.n}-${exp.r}`, "money");
      s.text(
        "E",
        er,
        "Recourse: the guarantee of what the law allows; non-recourse: the larger of the carveouts sprung and the guarantee",
      );
      return exp;
    });
    exposures.push(perLaw);
  });

  // Break-even and qualification.
  const last = exposures[exposures.length - 1];
  laws.forEach((law, li) => {
    const r = s.next(li === 0 ? 1 : 0);
    s.formula("A", r, `="Break-even default probability ("&${law.state}&" law)"`);
    const avoided = `(${last[li].r}-${last[li].n})`;
    s.formula(
      "D",
      r,
      `=IF(${avoided}>0,${call("BREAKEVEN_PROBABILITY", premium, avoided)},"no personal exposure to insure")`,
      "probability",
    );
    s.text(
      "E",
      r,
      "Premium (interest-only view) ÷ personal exposure avoided in the last scenario; undiscounted (reference §5)",
    );
  });
  const qRow = s.next();
  s.text("A", qRow, "Qualification (LOAN.QUALIFY)");
  s.formula(
    "B",
    qRow,
    `=${call("QUALIFY", q("RECOURSE"), dscr.r, ltv.r, occupancy, netWorth, liquidity, loan, th.recourse)}`,
  );
  s.formula(
    "C",
    qRow,
    `=${call("QUALIFY", q("NONRECOURSE"), dscr.n, ltv.n, occupancy, netWorth, liquidity, loan, th.nonRecourse)}`,
  );
  s.text("E", qRow, "Against the thresholds in G:J");

  // --- Reading: the reference's heuristics ----------------------------------------------
  const rTop = s.next(1);
  s.text("A", rTop, "Reading (heuristics, not advice)", true);
  s.text("B", rTop, "Holds?", true);
  s.text("C", rTop, "Why", true);
  s.text("E", rTop, DEAL_NOTES.heuristics);
  const cond = (label: string, test: string, why: string): string => {
    const r = s.next();
    s.text("A", r, label);
    const cell = s.formula("B", r, `=${test}`);
    s.formula("C", r, `=${why}`);
    return cell;
  };
  const sub = (label: string): void => s.text("A", s.next(), label, true);
  const pct = (x: string): string => `ROUND(${x}*100,1)&" %"`;
  sub("Recourse by default when…");
  const recConds = [
    cond("the asset is stabilized and well located", `${plan}="STABILIZED"`, `"Business plan: "&${plan}`),
    cond("LTV ≤ 65 %", `${ltv.r}<=0.65`, `"LTV "&${pct(ltv.r)}`),
    cond(
      "the borrower has substantial liquid net worth (net worth ≥ loan, liquidity ≥ 10 %)",
      `AND(${netWorth}>=${loan},${liquidity}>=0.1*${loan})`,
      `"Net worth "&ROUND(${netWorth}/${loan},2)&"x the loan, liquidity "&${pct(`${liquidity}/${loan}`)}`,
    ),
    cond("the borrower has a long record", trackRecord, `"Input: long track record"`),
    cond(
      "non-recourse costs more than 75 bps + 1 point",
      `${premium}>${loan}*(0.0075*${hold}+0.01)`,
      `"Premium "&ROUND(${premium},0)&" against "&ROUND(${loan}*(0.0075*${hold}+0.01),0)&" for 75 bps a year + 1 point"`,
    ),
  ];
  const count = (cells: string[], of: number, label: string): string => {
    const r = s.next();
    s.text("A", r, label);
    const c = s.formula("B", r, `=${cells.map((x) => `IF(${x},1,0)`).join("+")}`, "years");
    s.text("C", r, `of ${of}`);
    return c;
  };
  const recCount = count(recConds, recConds.length, "Conditions that hold");
  sub("Non-recourse is worth its premium with…");
  const lastExp = last[0];
  const nrConds = [
    cond("execution risk (value-add, lease-up, repositioning)", `${plan}<>"STABILIZED"`, `"Business plan: "&${plan}`),
    cond(
      "a personal balance sheet sensitive to a deficiency (recourse exposure in the last scenario above liquidity)",
      `${lastExp.r}>${liquidity}`,
      `"Exposure "&ROUND(${lastExp.r},0)&" against liquidity "&ROUND(${liquidity},0)`,
    ),
    cond("LTV ≥ 70 %", `${ltv.r}>=0.7`, `"LTV "&${pct(ltv.r)}`),
    cond("asset-protection priorities", assetProtection, `"Input: asset protection a priority"`),
  ];
  const nrCount = count(nrConds, nrConds.length, "Signs present");
  const vRow = s.next();
  s.text("A", vRow, "Reading", true);
  s.formula(
    "B",
    vRow,
    `=IF(AND(${nrCount}>0,${recCount}<${recConds.length}),"Non-recourse is worth pricing: "&${nrCount}&" of ${nrConds.length} signs; weigh the break-even probability against your own default estimate",` +
      `IF(${recCount}>=3,"Recourse by default: "&${recCount}&" of ${recConds.length} conditions hold","Neither heuristic decides: weigh the break-even probability against your own default estimate"))`,
    undefined,
    undefined,
    true,
  );

  // --- Sensitivity: personal exposure against sale price --------------------------------
  const sTop = s.next(1);
  s.text("A", sTop, "Personal exposure against sale price (last scenario's claim)", true);
  const sHead = s.next();
  ["Sale price (share of value)", "Recourse exposure", "Non-recourse exposure", "Difference", "Sale price"].forEach(
    (h, i) => s.text(column(i), sHead, h, true),
  );
  const sFirst = sHead + 1;
  for (const share of template.sensitivity) {
    const r = s.next();
    const f = s.input("A", r, share, "share");
    const sale = s.formula("E", r, `=${value}*${f}`, "money");
    const may = (c: string) => call("STATE_DEFICIENCY", c, sale, state, undefined, ...flags);
    const er = s.formula("B", r, `=${call("GUARANTEE_EXPOSURE", may(lastClaim.r), loan, rGuarantee)}`, "money");
    const en = s.formula(
      "C",
      r,
      `=MAX(${call("CARVEOUT_EXPOSURE", lastClaim.n, "CarveoutCodes", "CarveoutLosses", sale)},${call("GUARANTEE_EXPOSURE", may(lastClaim.n), loan, nGuarantee)})`,
      "money",
    );
    s.formula("D", r, `=${en}-${er}`, "money");
  }
  const sLast = s.row;
  s.names.push({ name: "SensitivityShares", address: `A${sFirst}:A${sLast}` });

  // --- Notes ----------------------------------------------------------------------------
  const nTop = s.next(1);
  s.text("A", nTop, "Assumptions and notes", true);
  for (const a of template.assumptions) s.text("A", s.next(), a);
  s.text("A", s.next(), DEAL_NOTES.stateLaw);
  s.text("A", s.next(), DEAL_NOTES.disclaimer);

  return {
    sheetName: options.sheetName ?? template.sheetName,
    cells: s.cells,
    columnWidths: [
      { column: "A", points: 300 },
      { column: "B", points: 110 },
      { column: "C", points: 110 },
      { column: "D", points: 100 },
      { column: "E", points: 380 },
      { column: "G", points: 80 },
      { column: "H", points: 70 },
      { column: "I", points: 80 },
      { column: "J", points: 70 },
    ],
    names: s.names,
    freeze: { rows: header, columns: 1 },
    chart: {
      title: "Personal exposure against sale price",
      categories: `E${sFirst}:E${sLast}`,
      series: [
        { name: "Recourse", values: `B${sFirst}:B${sLast}` },
        { name: "Non-recourse", values: `C${sFirst}:C${sLast}` },
      ],
      from: `G${sTop}`,
      to: `M${sTop + 18}`,
      xTitle: "Sale price",
      yTitle: "Personal exposure",
    },
  };
}

interface ScenarioCells {
  noiFactor: string;
  saleFactor?: string;
  salePrice?: string;
  unpaid?: string;
}

function scenarioInput(s: Sheet, sc: Scenario, n: number): ScenarioCells {
  const line = (label: string, v: number, fmt: Fmt, name: string): string => {
    const r = s.next();
    s.text("A", r, `${n}. ${sc.label}: ${label}`);
    s.text("E", r, sc.source);
    return s.input("B", r, v, fmt, name);
  };
  const out: ScenarioCells = {
    noiFactor: line("NOI (share of pro forma)", sc.noiFactor, "share", `Scenario${n}NOIShare`),
  };
  if (sc.salePrice !== undefined) out.salePrice = line("sale price", sc.salePrice, "money", `Scenario${n}SalePrice`);
  else out.saleFactor = line("sale price (share of value)", sc.saleFactor ?? 1, "share", `Scenario${n}SaleShare`);
  if (sc.unpaidPrincipal !== undefined)
    out.unpaid = line("unpaid principal", sc.unpaidPrincipal, "money", `Scenario${n}Unpaid`);
  return out;
}

const TESTS = ["DSCR", "LTV", "OCCUPANCY", "NET_WORTH", "LIQUIDITY"] as const;

/** Writes the LOAN.QUALIFY threshold pairs in G:H (recourse) and I:J (non-recourse), from `top`. */
function qualifyThresholds(s: Sheet, top: number, t: DealTemplate["thresholds"], loanType: string) {
  s.text("G", top, "Test", true);
  s.text("H", top, "Recourse", true);
  s.text("I", top, "Test", true);
  s.text("J", top, "Non-recourse", true);
  const fmt = (test: string): Fmt => (test === "DSCR" ? "ratio" : test === "NET_WORTH" ? "ratio" : "share");
  const cell = (col: "H" | "J", r: number, test: (typeof TESTS)[number], th: Thresholds, name?: string): void => {
    const v = th[test];
    if (v === "MARKET")
      s.formula(col, r, `=${call("MARKET_PREMIUM", loanType, q("LTV_CAP"), q("HIGH"))}`, "share", name);
    else s.input(col, r, v ?? "", fmt(test), name);
  };
  TESTS.forEach((test, i) => {
    const r = top + 1 + i;
    s.text("G", r, test);
    s.text("I", r, test);
    const names: Record<string, [string, string]> = {
      DSCR: ["RecourseMinDSCR", "NonRecourseMinDSCR"],
      LTV: ["RecourseMaxLTV", "NonRecourseMaxLTV"],
    };
    cell("H", r, test, t.recourse, names[test]?.[0]);
    cell("J", r, test, t.nonRecourse, names[test]?.[1]);
  });
  const bottom = top + TESTS.length;
  s.text("G", bottom + 1, "LOAN.QUALIFY thresholds (reference §5); blank: test not run");
  s.names.push({ name: "RecourseThresholds", address: `G${top + 1}:H${bottom}` });
  s.names.push({ name: "NonRecourseThresholds", address: `I${top + 1}:J${bottom}` });
  return {
    recourse: "RecourseThresholds",
    nonRecourse: "NonRecourseThresholds",
    rMinDscr: "RecourseMinDSCR",
    rMaxLtv: "RecourseMaxLTV",
    nMinDscr: "NonRecourseMinDSCR",
    nMaxLtv: "NonRecourseMaxLTV",
  };
}
