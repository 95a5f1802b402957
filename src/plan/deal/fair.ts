/**
 * "Is the premium fair?": the protection's value against its price (methodology §6, §16).
 * The put (LOAN.PUT_VALUE, the downside's PutValue) against the premium's present value
 * (PremiumPV); the fair spread (LOAN.FAIR_SPREAD) against the quoted rate premium; the
 * default probability at the hold (LOAN.DEFAULT_PROBABILITY), real-world and risk-neutral;
 * and a row over volatility showing where the verdict flips. The volatility, the income
 * yield and the expected return are assumptions (methodology §16: transaction- vs
 * appraisal-based volatility), labelled beside them.
 */
import { call } from "../formula";
import { column } from "../a1";
import { NOTE, type DealContext } from "./layout";

/** The volatilities the verdict is shown over (assumptions to vary, methodology §16). */
export const FAIR_VOLATILITIES = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3] as const;

/**
 * Default expected growth of the property's price, a year, continuously compounded: an assumption
 * (methodology §16). The real-world drift is this growth; the total return the functions take is
 * growth + the income yield.
 */
export const DEFAULT_PRICE_GROWTH = 0.02;

/** What the section writes that tests and later sections read. */
export interface FairCells {
  readonly incomeYield: string;
  readonly fairSpread: string;
  /** Put value and "yes"/"no" (exceeds PremiumPV) per volatility of FAIR_VOLATILITIES. */
  readonly grid: readonly { readonly volatility: string; readonly put: string; readonly exceeds: string }[];
}

/** The names the downside and premium rows give: Volatility, RiskFreeRate, ProtectionValue, PremiumPV, HoldClaim. */
export function fairSection(ctx: Pick<DealContext, "s" | "inp" | "terms" | "downside">): FairCells {
  const { s, inp, terms, downside } = ctx;
  const { noi, propertyValue: value, holdYears: hold } = inp;
  const claim = downside.holdClaim;
  s.heading("Is the premium fair? (methodology §16)", 1, ["Worth", "Charged", "Worth − charged"]);
  const assumption = "assumption, see methodology §16";

  const yieldRow = s.label("Income yield (NOI ÷ value)");
  const incomeYield = s.formula("B", yieldRow, `=${noi}/${value}`, "rate", "IncomeYield");
  s.text(NOTE, yieldRow, `The going-in yield, held constant: an ${assumption}`);
  const growthRow = s.label("Expected price growth of the property (real-world, a year)");
  const growth = s.input("B", growthRow, DEFAULT_PRICE_GROWTH, "rate", "GrowthRate");
  s.text(
    NOTE,
    growthRow,
    "Assumption: 2 %, about long-run inflation, continuously compounded; the price's growth, not the total return (that adds the income yield)",
  );
  const volRow = s.label("Volatility used (the downside's input)");
  s.formula("B", volRow, "=Volatility", "rate");
  s.text(NOTE, volRow, "Property-level, not an appraisal-based index's (which understates it): methodology §16");

  const pvRow = s.label("Present value: the protection against the premium");
  const worth = s.formula("B", pvRow, `=${downside.protectionValue}`, "money");
  const charged = s.formula("C", pvRow, "=PremiumPV", "money");
  s.formula("D", pvRow, `=${worth}-${charged}`, "money");
  s.text(
    NOTE,
    pvRow,
    "ProtectionValue (what recourse could collect, as a put spread) against PremiumPV, both at the risk-free rate",
  );
  const wholeRow = s.label("… the whole put, were every deficiency collectible (PutValue)");
  s.formula("B", wholeRow, `=${downside.putValue}`, "money");
  s.text(NOTE, wholeRow, "An upper bound: recourse collects at most the guarantor's capacity");

  const spreadRow = s.label("Rate a year: fair spread (LOAN.FAIR_SPREAD) against the rate premium");
  const fairSpread = s.formula(
    "B",
    spreadRow,
    `=${call("FAIR_SPREAD", downside.protectionValue, terms.loan.n, hold, "RiskFreeRate")}`,
    "rate",
    "FairSpread",
  );
  const quoted = s.formula("C", spreadRow, "=LikeRatePremium", "rate");
  s.formula("D", spreadRow, `=${fairSpread}-${quoted}`, "rate");
  s.text(
    NOTE,
    spreadRow,
    "The level spread over the hold whose value at the risk-free rate is the protection, against the same lender's rate premium",
  );

  const verdictRow = s.label("Verdict at the deal's figures");
  s.formula(
    "B",
    verdictRow,
    `=IF(${worth}>${charged},"the protection is worth more than its premium","the premium exceeds the protection's value")`,
  );
  s.text(NOTE, verdictRow, "An estimate to compare with the premium, not advice");

  const prob = (g: string) => `=${call("DEFAULT_PROBABILITY", value, claim, hold, "Volatility", g, incomeYield)}`;
  const realRow = s.label("Default probability at the hold, real-world (LOAN.DEFAULT_PROBABILITY)");
  s.formula("B", realRow, prob(`${growth}+${incomeYield}`), "share", "DefaultProbabilityReal");
  s.text(
    NOTE,
    realRow,
    "Value at the hold below the claim, the price growing at GrowthRate (total return: + the income yield)",
  );
  const rnRow = s.label("Default probability at the hold, risk-neutral");
  s.formula("B", rnRow, prob("RiskFreeRate"), "share", "DefaultProbabilityRiskNeutral");
  s.text(NOTE, rnRow, "Growing at the risk-free rate: the probability the put's price embeds");

  // The verdict over volatility (B:G), each value an assumption to vary.
  const vr = s.label("Volatility (assumption, see methodology §16)");
  const pr = s.label("Protection value (LOAN.PROTECTION_VALUE)");
  const er = s.label("Protection value exceeds the premium's PV?");
  const grid = FAIR_VOLATILITIES.map((v, i) => {
    const col = column(i + 1);
    const volatility = s.input(col, vr, v, "rate");
    const put = s.formula(
      col,
      pr,
      `=${call("PROTECTION_VALUE", value, claim, hold, volatility, "RiskFreeRate", "ReachableCapacity", incomeYield)}`,
      "money",
    );
    const exceeds = s.formula(col, er, `=IF(${put}>PremiumPV,"yes","no")`);
    return { volatility, put, exceeds };
  });
  const flipRow = s.label("The verdict flips");
  const flip = grid.reduceRight(
    (rest, g, i) =>
      `IF(${g.exceeds}="yes",${i === 0 ? `"at or below "&ROUND(${g.volatility}*100,0)&" %"` : `"between "&ROUND(${grid[i - 1].volatility}*100,0)&" % and "&ROUND(${g.volatility}*100,0)&" %"`},${rest})`,
    `"above "&ROUND(${grid[grid.length - 1].volatility}*100,0)&" %"`,
  );
  s.formula("B", flipRow, `=${flip}`);
  earlyDefaultSection(ctx, incomeYield);
  return { incomeYield, fairSpread, grid };
}

/**
 * The borrower's default as an option (issue 21 item 3): the put on the real, amortizing
 * non-recourse loan over the hold, by LOAN.PUT_VALUE_PATH with the optimal-stopping rule
 * (least-squares Monte Carlo) against the same paths defaulting only at the hold (trigger 0).
 * Both price the same strike (the balance; no interest or costs), so their ratio is the
 * early-default premium the European PutValue and ProtectionValue leave out (methodology §16).
 */
function earlyDefaultSection(ctx: Pick<DealContext, "s" | "inp" | "terms">, incomeYield: string): void {
  const { s, inp, terms } = ctx;
  const { propertyValue: value, amortYears: amort, holdYears: hold, interestOnly: io } = inp;
  s.heading("Early default: the borrower's put on the real loan, simulated (methodology §16)", 1, [
    "Defaults at its best",
    "Only at the hold",
    "Best − at the hold",
  ]);
  const path = (trigger: string | undefined, output: string | undefined, rule: string | undefined) =>
    `=${call("PUT_VALUE_PATH", value, terms.loan.n, terms.rate.n, amort, hold, "Volatility", "RiskFreeRate", incomeYield, `IF(${io},${hold},0)`, trigger, undefined, undefined, undefined, undefined, output, rule)}`;
  const valueRow = s.label("Put on the non-recourse loan (LOAN.PUT_VALUE_PATH, 10,000 paths)");
  const best = s.formula("B", valueRow, path(undefined, undefined, '"OPTIMAL"'), "money", "PutValueOptimal");
  const atHold = s.formula("C", valueRow, path("0", undefined, undefined), "money", "PutValueAtHold");
  s.formula("D", valueRow, `=${best}-${atHold}`, "money");
  s.text(
    NOTE,
    valueRow,
    "B: default in the month it pays most (Longstaff–Schwartz); C: only at the hold. Same paths; strike: the balance",
  );
  const errRow = s.label("Standard error of the simulation");
  s.formula("B", errRow, path(undefined, '"STDERR"', '"OPTIMAL"'), "money");
  s.formula("C", errRow, path("0", '"STDERR"', undefined), "money");
  s.text(NOTE, errRow, "About 2 standard errors either side holds the value 95 times in 100 (fixed seed 1)");
  const shareRow = s.label("Early default adds to the put (share of the put at the hold)");
  s.formula("D", shareRow, `=IF(${atHold}>0,MAX(0,${best}/${atHold}-1),0)`, "share", "EarlyDefaultPremium");
  s.text(
    NOTE,
    shareRow,
    "The verdict prices default at the hold; a check warns when this share would flip it (0: no gain measured; methodology §16)",
  );
}
