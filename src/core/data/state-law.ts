/**
 * The state table: what published statutes say about deficiency judgments, one row per
 * state and DC. Every field is a value with its source and a confidence, or UNKNOWN.
 * Nothing is guessed: a field stays UNKNOWN until a statute (or a named secondary source
 * quoting one) was read for it, because a wrong "deficiency allowed" is worse than none.
 * A deal can override any field (see statelaw.ts). Published summaries, not legal advice.
 *
 * Fields
 *   NONJUDICIAL_DEFICIENCY  TRUE if a deficiency may be pursued after a trustee (power-of-sale) sale
 *   JUDICIAL_DEFICIENCY     TRUE if a deficiency judgment may follow a judicial foreclosure
 *   FAIR_VALUE_LIMIT        TRUE if the deficiency is debt − max(sale price, fair market value);
 *                           NONJUDICIAL or JUDICIAL: only after that kind of sale (FALSE after the other);
 *                           CONFIRMATION: no deficiency unless a court finds the sale brought market value
 *   ONE_ACTION              TRUE if a one-action or election-of-remedies rule applies
 *   RESIDENTIAL_BAR         which residential or purchase-money loans are protected: a rule over the
 *                           flags R (residential 1-4 units), P (purchase-money), O (owner-occupied),
 *                           see parseBarRule in statelaw.ts, and a sentence for people
 *   DEADLINE                the time limit to seek a deficiency
 *
 * Rows are packed to keep the bundle small: six cells in the order of FACT_FIELDS, each
 * U (UNKNOWN) or [value, source, confidence H/M/L]; a RESIDENTIAL_BAR value is [rule, text].
 * statelaw.ts unpacks them once at load. Caveats that limit a value are written into its
 * source, after the citation.
 *
 * Confidence: H where the statute's text (official or reprinted), or a court opinion
 * applying it, was read; M where the value rests on a secondary summary of the statute or
 * holds only with conditions; L where only a published list backs it. docs/methodology.md §9
 * names the secondary sources.
 */

export const STATE_TABLE_VERSION = "1.0.0";
export const REVIEWED = "2026-11-22";

export const FACT_FIELDS = [
  "NONJUDICIAL_DEFICIENCY",
  "JUDICIAL_DEFICIENCY",
  "FAIR_VALUE_LIMIT",
  "ONE_ACTION",
  "RESIDENTIAL_BAR",
  "DEADLINE",
] as const;

export type FairValue = boolean | "NONJUDICIAL" | "JUDICIAL" | "CONFIRMATION";
export type BarCell = readonly [rule: string, text: string];

/** UNKNOWN: no reviewed source for this field. */
export const U = 0;
type Cell<T> = typeof U | readonly [value: T, source: string, confidence: "H" | "M" | "L"];
export type PackedRow = readonly [
  nonjudicialDeficiency: Cell<boolean>,
  judicialDeficiency: Cell<boolean>,
  fairValueLimit: Cell<FairValue>,
  oneAction: Cell<boolean>,
  residentialBar: Cell<BarCell>,
  deadline: Cell<string>,
];

/** Citations used by more than one field, written once. */
const AZ_814A = "A.R.S. 33-814(A)";
const CA_726B = "CCP 726(b)";
const ID_1512 = "Idaho Code 45-1512";
const ND_1903 = "N.D.C.C. 32-19-03";
const NJ_502 = "N.J.S.A. 2A:50-2";
const NV_455 = "NRS 40.455(1)";
const NY_1371 = "RPAPL 1371(2)";
const PA_8103 = "42 Pa.C.S. 8103";
const UT_132 = "Utah Code 57-1-32";

/** A state no field of which has a reviewed source yet: every field explicitly UNKNOWN. */
const NOT_REVIEWED: PackedRow = [U, U, U, U, U, U];

export const STATES: Readonly<Record<string, PackedRow>> = {
  AK: [[false, "AS 34.20.100; guarantors too", "H"], U, U, U, U, U],
  AL: NOT_REVIEWED,
  AR: NOT_REVIEWED,
  AZ: [
    [true, AZ_814A, "H"],
    [true, "A.R.S. 12-1566", "M"],
    [true, "A.R.S. 33-814(A); 12-1566(C)", "M"],
    U,
    [
      ["N:R?; J:R+P?", "1-2 family home on 2.5 acres or less; judicial only if purchase-money."],
      "A.R.S. 33-814(G); 33-729(A)",
      "M",
    ],
    ["90 days after the trustee sale", AZ_814A, "H"],
  ],
  CA: [
    [false, "CCP 580d; guarantors may stay liable", "M"],
    [true, CA_726B, "H"],
    [true, "CCP 580a; 726(b)", "M"],
    [true, "CCP 726(a)", "H"],
    [["R+P+O; P?", "Purchase-money on a 1-4 unit home the buyer lives in; seller carrybacks."], "CCP 580b", "M"],
    ["3 months after the sale", CA_726B, "H"],
  ],
  CO: NOT_REVIEWED,
  CT: NOT_REVIEWED,
  DC: NOT_REVIEWED,
  DE: NOT_REVIEWED,
  FL: NOT_REVIEWED,
  GA: [
    [true, "O.C.G.A. 44-14-161; once confirmed", "H"],
    U,
    ["CONFIRMATION", "O.C.G.A. 44-14-161(b)", "H"],
    U,
    U,
    ["30 days after the sale, for confirmation", "O.C.G.A. 44-14-161(a)", "H"],
  ],
  HI: NOT_REVIEWED,
  IA: NOT_REVIEWED,
  ID: [
    [true, ID_1512, "M"],
    [true, "Idaho Code 6-101; 6-108", "M"],
    [true, "Idaho Code 45-1512; 6-108", "M"],
    [true, "Idaho Code 6-101; 45-1503", "H"],
    U,
    ["3 months after the trustee sale", ID_1512, "M"],
  ],
  IL: NOT_REVIEWED,
  IN: NOT_REVIEWED,
  KS: NOT_REVIEWED,
  KY: NOT_REVIEWED,
  LA: NOT_REVIEWED,
  MA: NOT_REVIEWED,
  MD: NOT_REVIEWED,
  ME: NOT_REVIEWED,
  MI: NOT_REVIEWED,
  MN: [
    [false, "Minn. Stat. 582.30(2); 6-month or 5-week redemption", "M"],
    [true, "Minn. Stat. 582.30(1)", "H"],
    U,
    U,
    U,
    U,
  ],
  MO: NOT_REVIEWED,
  MS: NOT_REVIEWED,
  MT: [[false, "MCA 71-1-317; trust indentures", "H"], U, U, [true, "MCA 71-1-222", "L"], U, U],
  NC: [
    [true, "N.C.G.S. 45-21.36", "M"],
    U,
    ["NONJUDICIAL", "N.C.G.S. 45-21.36; lender buys", "M"],
    U,
    [["P?", "Seller-financed purchase-money."], "N.C.G.S. 45-21.38", "H"],
    U,
  ],
  ND: [
    U,
    [true, ND_1903, "H"],
    [true, "N.D.C.C. 32-19-03; 32-19-06.1", "H"],
    U,
    [["J:R+O", "Owner-occupied homestead, 1-4 units, up to 40 acres."], ND_1903, "H"],
    U,
  ],
  NE: NOT_REVIEWED,
  NH: NOT_REVIEWED,
  NJ: [U, [true, NJ_502, "M"], [true, "N.J.S.A. 2A:50-3", "H"], U, U, ["3 months after the sale", NJ_502, "M"]],
  NM: NOT_REVIEWED,
  NV: [
    [true, NV_455, "H"],
    [true, NV_455, "H"],
    [true, "NRS 40.459", "H"],
    [true, "NRS 40.430", "M"],
    [["R+P+O?", "Owner-occupied single-family purchase-money from a bank, not refinanced."], "NRS 40.455(3)", "H"],
    ["6 months after the sale", NV_455, "H"],
  ],
  NY: [
    U,
    [true, "RPAPL 1371", "H"],
    [true, NY_1371, "H"],
    [true, "RPAPL 1301; election of remedies", "M"],
    U,
    ["90 days after the deed, by motion", NY_1371, "H"],
  ],
  OH: NOT_REVIEWED,
  OK: NOT_REVIEWED,
  OR: [
    [false, "ORS 86.797(2)", "H"],
    [true, "ORS 86.797(3); non-residential", "M"],
    U,
    U,
    [["J:R+O", "Residential trust deed (1-4 units, grantor-occupied), judicial."], "ORS 86.797(2); 86.705", "M"],
    U,
  ],
  PA: [
    U,
    [true, PA_8103, "H"],
    [true, PA_8103, "H"],
    U,
    U,
    ["6 months after the sheriff's deed", "42 Pa.C.S. 5522(b)(2)", "H"],
  ],
  RI: NOT_REVIEWED,
  SC: NOT_REVIEWED,
  SD: NOT_REVIEWED,
  TN: NOT_REVIEWED,
  TX: [
    [true, "Tex. Prop. Code 51.003", "H"],
    [true, "Tex. Prop. Code 51.004", "M"],
    [true, "Tex. Prop. Code 51.003(c); 51.004; on request", "H"],
    U,
    [["R+O+!P?", "Home-equity and reverse mortgages on a homestead."], "Tex. Const. XVI 50(a)(6)(C), 50(k)", "M"],
    ["2 years after the sale", "Tex. Prop. Code 51.003(a)", "H"],
  ],
  UT: [
    [true, UT_132, "H"],
    U,
    [true, UT_132, "H"],
    [true, "Utah Code 78B-6-901", "M"],
    U,
    ["3 months after the trustee sale", UT_132, "H"],
  ],
  VA: NOT_REVIEWED,
  VT: NOT_REVIEWED,
  WA: [[false, "RCW 61.24.100(1); commercial exceptions in (3)", "M"], U, U, U, U, U],
  WI: NOT_REVIEWED,
  WV: NOT_REVIEWED,
  WY: NOT_REVIEWED,
};
