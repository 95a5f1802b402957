/** (7) A blank deal: round placeholder inputs to overwrite, bank market figures, Texas law. */
import { template } from "./base";

const PLACEHOLDER = "Placeholder: replace with the deal's figure";

export const BLANK = template({
  id: "blank",
  title: "Blank deal",
  summary: "Placeholders to overwrite; bank and CMBS rates from the market table (§14); loan sized by LOAN.MAX_LOAN.",
  sheetName: "Deal",
  inputs: { loanType: "CMBS" },
  sources: {
    propertyValue: PLACEHOLDER,
    noi: PLACEHOLDER,
    occupancy: PLACEHOLDER,
    netWorth: PLACEHOLDER,
    liquidity: PLACEHOLDER,
    loanAmount: "0: sized with LOAN.MAX_LOAN; type an amount to fix it",
    state: PLACEHOLDER,
  },
  assumptions: [
    "Every deal input is a placeholder; rates, points and the DSCR and LTV thresholds come from the dated market table (bank recourse against a CMBS conduit, methodology §14) until overridden.",
  ],
});
