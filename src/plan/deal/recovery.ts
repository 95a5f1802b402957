/**
 * After the default (below the time-aware downside): the foreclosure's tax under each
 * structure and what the lender recovers.
 *
 * Tax (LOAN.FORECLOSURE_TAX, methodology §13): the debt at the default (the unpaid principal
 * plus the accrued interest) against the sale price as the fair market value and the adjusted
 * basis then (the purchase basis less straight-line depreciation of the building to the
 * default year). Recourse debt is a sale at the value plus cancellation-of-debt income;
 * non-recourse debt is a sale for the whole debt. No insolvency and no §108(c) election are
 * assumed. The tax effect is one blended rate on the gain (or loss) and the taxable COD.
 *
 * Recovery (LOAN.LENDER_RECOVERY, methodology §11): the sale proceeds up to the claim, plus
 * what the lender may collect personally (the personal exposure under the deal's law), at most
 * the sponsor's liquidity, less the cost of collecting it.
 */
import { ASSUMPTIONS } from "./assumptions";
import { call } from "../formula";
import { NOTE, type Pair, pairRow, noteInput, type DealContext, notedHeading } from "./layout";
import type { ExitAssumptions } from "../templates/types";

/** Defaults of the section's inputs (assumptions, stated beside them). */
export const RECOVERY_DEFAULTS: Readonly<typeof ASSUMPTIONS.recovery> = ASSUMPTIONS.recovery;

/** IRC §168(c): nonresidential real property is depreciated over 39 years (27.5 for residential rental property). */
export const NONRESIDENTIAL_RECOVERY_YEARS = 39;

/** What the section writes that later sections read. */
export interface RecoveryCells {
  readonly adjustedBasis: string;
  readonly gain: Pair;
  readonly codTaxable: Pair;
  readonly taxEffect: Pair;
  readonly recovery: Pair;
}

export function recoverySection(ctx: Pick<DealContext, "s" | "deal" | "inp" | "downside">): RecoveryCells {
  const { s, deal, inp, downside: down } = ctx;
  const exit: Partial<ExitAssumptions> = deal.template.exit ?? {};
  const d = RECOVERY_DEFAULTS;
  const recoveryYears = exit.recoveryYears ?? NONRESIDENTIAL_RECOVERY_YEARS;
  notedHeading(
    s,
    "After the default: tax and the lender's recovery",
    "At the default year of the downside above (methodology §11, §13); mechanics, not tax advice",
  );
  const basisShare = noteInput(
    s,
    "Tax basis at purchase (share of the property value)",
    d.basisShare,
    "share",
    "TaxBasisShare",
    "Assumption: bought at the property value; type the deal's own basis share",
  );
  const building = noteInput(
    s,
    "Depreciable share of the basis (the building)",
    d.buildingShare,
    "share",
    "BuildingShare",
    "Assumption: land is the rest and is not depreciated",
  );
  const recovery = noteInput(
    s,
    "Recovery period (years, straight line)",
    recoveryYears,
    "decimal",
    "RecoveryYears",
    "IRC §168(c): 39 years for nonresidential real property, 27.5 for residential rental property",
  );
  const basisRow = s.label("Adjusted basis at the default");
  const adjustedBasis = s.formula(
    "B",
    basisRow,
    `=${inp.propertyValue}*${basisShare}*(1-${building}*MIN(${down.year},${recovery})/${recovery})`,
    "money",
    "AdjustedBasis",
  );
  s.text(NOTE, basisRow, "The basis less depreciation to the default year (no mid-month convention)");
  const flagRow = s.label("Debt treated as recourse for tax (TRUE / FALSE)");
  const flag: Pair = {
    r: s.input("B", flagRow, true, undefined, "RecourseForTax"),
    n: s.input("C", flagRow, false, undefined, "NonRecourseForTax"),
  };
  s.text(
    NOTE,
    flagRow,
    "Pub. 4681: recourse if the borrower is personally liable; a state bar on the deficiency is a question for a tax adviser",
  );
  const exposure = down.exposures[0];
  // What the guarantor pays of the deficiency: its exposure, at most what it could be made to pay.
  // Paid, it is not cancelled debt: COD income arises only on the rest (methodology §13).
  const paid = pairRow(
    s,
    "Deficiency the guarantor pays (exposure, at most its capacity)",
    `=MIN(${exposure.r},${down.capacity})`,
    `=MIN(${exposure.n},${down.capacity})`,
    "money",
    { note: "The personal exposure at the default, at most CollectibleCapacity: what recourse actually collects" },
  );
  const debt = (u: string, a: string) => `${u}+${a}`;
  const tax = (p: "r" | "n") =>
    call(
      "FORECLOSURE_TAX",
      debt(down.unpaid[p], down.accrued[p]),
      down.sale[p],
      adjustedBasis,
      flag[p],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      paid[p],
    );
  const gain = pairRow(
    s,
    "Gain or loss on the foreclosure (LOAN.FORECLOSURE_TAX)",
    `=INDEX(${tax("r")},1,1)`,
    `=INDEX(${tax("n")},1,1)`,
    "money",
    {
      note: "Debt (unpaid principal + accrued interest) against the sale price as the value; negative: a loss (methodology §13)",
    },
  );
  const codTaxable = pairRow(
    s,
    "Cancellation-of-debt income, taxable",
    `=INDEX(${tax("r")},1,4)`,
    `=INDEX(${tax("n")},1,4)`,
    "money",
    {
      note: "Recourse only: the debt over the value less what the guarantor pays, ordinary income (no insolvency, no §108(c) election assumed)",
    },
  );
  const rate = noteInput(
    s,
    "Tax rate on the income recognized (blended)",
    d.taxRate,
    "rate",
    "TaxRate",
    "Assumption: one rate on the gain and the COD income (COD is ordinary income, often taxed higher)",
  );
  const taxEffect = pairRow(
    s,
    "Tax effect of the foreclosure (tax on gain + taxable COD)",
    `=${rate}*(${gain.r}+${codTaxable.r})`,
    `=${rate}*(${gain.n}+${codTaxable.n})`,
    "money",
    { note: "Negative: tax saved by a loss, if it can be used" },
  );
  s.name("TaxEffect", `${taxEffect.r}:${taxEffect.n}`);
  pairRow(
    s,
    "Personal cost after tax (deficiency paid + tax effect)",
    `=${paid.r}+${taxEffect.r}`,
    `=${paid.n}+${taxEffect.n}`,
    "money",
    { note: "Under the deal's state law: tax counted once, on what is not paid" },
  );

  const cost = noteInput(
    s,
    "Cost of collecting a deficiency",
    d.collectionCost,
    "money",
    "CollectionCost",
    "The quoted legal cost of pursuing a deficiency, about 50,000 (methodology §5, §11)",
  );
  const recover = (p: "r" | "n") =>
    `=${call("LENDER_RECOVERY", down.claim[p], down.sale[p], `${exposure[p]}>0`, paid[p], cost)}`;
  const recoveryRow = pairRow(s, "Lender's recovery (LOAN.LENDER_RECOVERY)", recover("r"), recover("n"), "money", {
    note: "Sale proceeds up to the claim, plus what the guarantor pays (at most its collectible capacity), less the cost",
  });
  s.name("LenderRecovery", `${recoveryRow.r}:${recoveryRow.n}`);
  pairRow(
    s,
    "Lender's loss (claim − recovery)",
    `=${down.claim.r}-${recoveryRow.r}`,
    `=${down.claim.n}-${recoveryRow.n}`,
    "money",
  );
  return { adjustedBasis, gain, codTaxable, taxEffect, recovery: recoveryRow };
}
