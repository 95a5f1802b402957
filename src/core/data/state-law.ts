/**
 * The state table: what published statutes and court opinions say about deficiency
 * judgments, one entry per state and DC, for a lawyer-analyst to review and extend.
 * Published summaries, not legal advice. A deal can override any field (see statelaw.ts).
 *
 * Every field is an object { value, citation, confidence, caveat }:
 *   value       the answer (its type is the field's, below); null when UNKNOWN
 *   citation    the statute or opinion the value rests on; a secondary source that was read
 *               instead of the statute is named in brackets after it; null when UNKNOWN
 *   confidence  HIGH    the statute's text (official or reprinted), or a court opinion
 *                       applying it, was read
 *               MEDIUM  a named secondary source quoting or summarizing the statute was read
 *                       (Nolo/AllLaw, Justia summaries, the ELFA compendium, bar publications,
 *                       law-firm notes on a named case)
 *               UNKNOWN no source could be read: the functions answer #N/A where it matters
 *   caveat      conditions and limits on the value, in words ("" when none); for an UNKNOWN
 *               field, what is missing
 * Nothing is guessed: a wrong "deficiency allowed" is worse than #N/A.
 *
 * Fields (about the borrower unless named GUARANTOR_)
 *   NONJUDICIAL_DEFICIENCY  TRUE if a deficiency may be pursued after a trustee (power-of-sale) sale;
 *                           NO_POWER_OF_SALE where mortgages are foreclosed only in court
 *   JUDICIAL_DEFICIENCY     TRUE if a deficiency judgment may follow a judicial foreclosure
 *   FAIR_VALUE_LIMIT        TRUE if the deficiency is debt − max(sale price, fair market value);
 *                           NONJUDICIAL or JUDICIAL: only after that kind of sale;
 *                           CONFIRMATION: no deficiency unless a court finds the sale brought market value;
 *                           CREDITOR_BUYS: only when the foreclosing creditor buys the property
 *                           (NONJUDICIAL_CREDITOR_BUYS: and only after a trustee sale);
 *                           OWNER_OCCUPIED: only for an owner-occupied 1-4 unit residence
 *   ONE_ACTION              TRUE if a one-action, security-first or election-of-remedies statute
 *                           applies to some or all mortgages; its scope (which loans, which variant)
 *                           is in the caveat
 *   RESIDENTIAL_BAR         { rule, text }: which residential or purchase-money loans are protected, a
 *                           rule over the flags R (residential 1-4 units), P (purchase-money),
 *                           O (owner-occupied) (see parseBarRule in statelaw.ts), and a sentence
 *   DEADLINE                the time limit to seek a deficiency, in words
 *   GUARANTOR_BAR           TRUE if the state's bar on a deficiency (method or residential) also
 *                           protects a guarantor of the loan; FALSE if a guarantor may be pursued
 *                           where the borrower may not
 *   GUARANTOR_FAIR_VALUE    TRUE if the fair-value limit also protects a guarantor
 *   GUARANTOR_WAIVER        TRUE if a guarantor may waive those protections in the guaranty;
 *                           BAR or FAIR_VALUE if only that one; FALSE if neither
 *
 * The readable entries below are packed into a compact form when the add-in is bundled
 * (scripts/pack-state-table.js); the functions see the same objects either way.
 */

export const STATE_TABLE_VERSION = "2.2.0";
export const REVIEWED = "2026-12-07";

export const FACT_FIELDS = [
  "NONJUDICIAL_DEFICIENCY",
  "JUDICIAL_DEFICIENCY",
  "FAIR_VALUE_LIMIT",
  "ONE_ACTION",
  "RESIDENTIAL_BAR",
  "DEADLINE",
  "GUARANTOR_BAR",
  "GUARANTOR_FAIR_VALUE",
  "GUARANTOR_WAIVER",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export type Confidence = "HIGH" | "MEDIUM" | "UNKNOWN";
export type Method = boolean | "NO_POWER_OF_SALE";
export type FairValue =
  | boolean
  | "NONJUDICIAL"
  | "JUDICIAL"
  | "CONFIRMATION"
  | "CREDITOR_BUYS"
  | "NONJUDICIAL_CREDITOR_BUYS"
  | "OWNER_OCCUPIED";
export type Waiver = boolean | "BAR" | "FAIR_VALUE";
export interface BarRule {
  readonly rule: string;
  readonly text: string;
}

export interface Known<T> {
  readonly value: T;
  readonly citation: string;
  readonly confidence: "HIGH" | "MEDIUM";
  readonly caveat: string;
}
export interface Unknown {
  readonly value: null;
  readonly citation: null;
  readonly confidence: "UNKNOWN";
  readonly caveat: string;
}
export type Fact<T> = Known<T> | Unknown;

export interface StateEntry {
  readonly NONJUDICIAL_DEFICIENCY: Fact<Method>;
  readonly JUDICIAL_DEFICIENCY: Fact<boolean>;
  readonly FAIR_VALUE_LIMIT: Fact<FairValue>;
  readonly ONE_ACTION: Fact<boolean>;
  readonly RESIDENTIAL_BAR: Fact<BarRule>;
  readonly DEADLINE: Fact<string>;
  readonly GUARANTOR_BAR: Fact<boolean>;
  readonly GUARANTOR_FAIR_VALUE: Fact<boolean>;
  readonly GUARANTOR_WAIVER: Fact<Waiver>;
}

/** The field no statute or secondary source could be read for (docs/function-notes.md lists them). */
const NO_SOURCE: Unknown = {
  value: null,
  citation: null,
  confidence: "UNKNOWN",
  caveat: "No statute or named secondary source was read for this field.",
};

/**
 * ONE_ACTION where no source on the state's own rule was read. No exhaustive multi-state list was
 * found to set these FALSE: the short lists read (CA, ID, MT, NV, UT) are examples, and a New York
 * Law Journal article (Levy and McOwen, 2011) counts New York and "at least 17 other states" with a
 * one-action or election-of-remedies rule without its list being read.
 */
const ONE_ACTION_UNREAD: Unknown = {
  value: null,
  citation: null,
  confidence: "UNKNOWN",
  caveat:
    "No source on this state's rule was read, and no exhaustive list of one-action states was found (one article counts at least 18).",
};

/** A field that does not arise because the borrower has no protection for it to extend. */
const GUARANTOR_NOTHING_TO_EXTEND: Unknown = {
  value: null,
  citation: null,
  confidence: "UNKNOWN",
  caveat: "No source read on guarantors; it matters only where the borrower is protected.",
};

/** What a field says where nothing was read for it, where that is not NO_SOURCE. */
const UNREAD: Partial<Record<FactField, Unknown>> = {
  ONE_ACTION: ONE_ACTION_UNREAD,
  GUARANTOR_BAR: GUARANTOR_NOTHING_TO_EXTEND,
};

/**
 * A state's entry from the facts read for it, in FACT_FIELDS' order: a field not given is one for
 * which nothing was read, and says so (UNREAD's, else NO_SOURCE).
 */
function read(facts: Partial<StateEntry>): StateEntry {
  const entry: Partial<Record<FactField, unknown>> = {};
  for (const field of FACT_FIELDS) entry[field] = facts[field] ?? UNREAD[field] ?? NO_SOURCE;
  return entry as StateEntry;
}

export const STATES: Readonly<Record<string, StateEntry>> = {
  AK: read({
    NONJUDICIAL_DEFICIENCY: { value: false, citation: "AS 34.20.100", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "AS 34.20.100 [lawyers.com (Nolo author); ELFA compendium]",
      confidence: "MEDIUM",
      caveat: "A deficiency is available only if the lender forecloses judicially.",
    },
    GUARANTOR_BAR: {
      value: true,
      citation: "AS 34.20.100 [text quoted in the ELFA compendium]",
      confidence: "HIGH",
      caveat:
        "After a trustee sale no action or judgment may be taken 'against the maker or the surety or guarantor of the maker'.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
  AL: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ala. Code 35-10-1 et seq. [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "By a separate lawsuit after the sale.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ala. Code 6-5-247 et seq. [Nolo]",
      confidence: "MEDIUM",
      caveat: "Nolo: Alabama law has no significant restrictions on deficiency judgments.",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "Ala. Code 35-10-1 et seq. [AllLaw]",
      confidence: "MEDIUM",
      caveat: "No statutory fair-value credit; the lender owes a duty of good faith in its bid.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
  AR: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ark. Code 18-50-112 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "Statutory (nonjudicial) foreclosure; suit within 12 months.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ark. Code 18-49-103(c)",
      confidence: "HIGH",
      caveat:
        "In an action on a mortgage the judgment may order the sale and the recovery of the debt against the defendant personally.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL",
      citation: "Ark. Code 18-50-112(b) [AllLaw; myforeclosureoptions.net]",
      confidence: "MEDIUM",
      caveat: "Limited to the debt less the higher of the fair market value and the sale price.",
    },
    DEADLINE: {
      value: "12 months after the nonjudicial sale",
      citation: "Ark. Code 18-50-112(a) [AllLaw]",
      confidence: "MEDIUM",
      caveat: "",
    },
  }),
  AZ: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "A.R.S. 33-814(A)",
      confidence: "HIGH",
      caveat: "Within 90 days; subject to the residential bar of 33-814(G).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "A.R.S. 12-1566 [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "Barred for a purchase-money mortgage on a qualifying dwelling (33-729(A)).",
    },
    FAIR_VALUE_LIMIT: {
      value: true,
      citation: "A.R.S. 33-814(A); 12-1566(C) [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "The court credits the higher of the sale price and the fair market value it determines.",
    },
    RESIDENTIAL_BAR: {
      value: { rule: "N:R?; J:R+P?", text: "1-2 family home on 2.5 acres or less; judicial only if purchase-money." },
      citation: "A.R.S. 33-814(G); 33-729(A) [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat:
        "A single one- or two-family dwelling on 2.5 acres or less (R is 1-4 units), occupied at least occasionally, not necessarily by the owner.",
    },
    DEADLINE: { value: "90 days after the trustee sale", citation: "A.R.S. 33-814(A)", confidence: "HIGH", caveat: "" },
    GUARANTOR_BAR: {
      value: true,
      citation:
        "A.R.S. 33-814(G); Arizona Bank & Trust v. James R. Barrons Trust, 237 Ariz. 401 (App. 2015) [State Bar of Arizona deskbook; Stein Law]",
      confidence: "MEDIUM",
      caveat:
        "The court held a guarantor may waive 33-814(G), which presupposes that the bar reaches the guarantor unless waived.",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "A.R.S. 33-814(A)",
      confidence: "HIGH",
      caveat:
        "The action lies against 'any person directly, indirectly or contingently liable ... including any guarantor'.",
    },
    GUARANTOR_WAIVER: {
      value: "BAR",
      citation:
        "CSA 13-101 Loop, LLC v. Loop 101, LLC, 236 Ariz. 410 (2014); Arizona Bank & Trust v. James R. Barrons Trust, 237 Ariz. 401 (App. 2015) [State Bar of Arizona deskbook; Snell & Wilmer]",
      confidence: "MEDIUM",
      caveat:
        "A guarantor may waive 33-814(G) but not the fair-market-value determination of 33-814(A); a borrower may waive neither in advance (Parkway Bank & Trust v. Zivkovic, App. 2013).",
    },
  }),
  CA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "CCP 580d",
      confidence: "HIGH",
      caveat: "Protects the borrower; a guarantor's protection is Gradsky's estoppel (GUARANTOR_BAR).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "CCP 726(b)",
      confidence: "HIGH",
      caveat:
        "The lender may choose judicial foreclosure (e.g. of a non-owner-occupied loan) and seek a deficiency limited by fair value; not for the purchase-money loans of 580b.",
    },
    FAIR_VALUE_LIMIT: {
      value: true,
      citation: "CCP 580a; 726(b) [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat:
        "580a after a trustee sale (where a deficiency survives, e.g. against a guarantor); 726(b) after a judicial sale.",
    },
    ONE_ACTION: { value: true, citation: "CCP 726(a)", confidence: "HIGH", caveat: "" },
    RESIDENTIAL_BAR: {
      value: { rule: "R+P+O; P?", text: "Purchase-money on a 1-4 unit home the buyer lives in; seller carrybacks." },
      citation: "CCP 580b [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat:
        "A third party's purchase-money loan is protected only on a 1-4 unit dwelling occupied by the purchaser; a seller carryback on any property. The flags cannot tell a bank loan from a carryback: for a bank loan pass R+P+O in overrides.",
    },
    DEADLINE: {
      value: "3 months after the sale",
      citation: "CCP 726(b)",
      confidence: "HIGH",
      caveat: "Judicial foreclosure; 580a sets the same 3 months after a trustee sale.",
    },
    GUARANTOR_BAR: {
      value: true,
      citation: "Union Bank v. Gradsky, 265 Cal.App.2d 40 (1968)",
      confidence: "HIGH",
      caveat:
        "After a trustee sale the lender is estopped from recovering from a guarantor whose subrogation rights the sale destroyed (not 580d itself). A 'sham' guaranty by the borrower's alter ego counts as the borrower's obligation.",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "Bank of Southern California v. Dombrow, 39 Cal.App.4th 1457 (1995); CCP 580a",
      confidence: "HIGH",
      caveat: "580a's fair-market-value limit applied to guarantors after a trustee sale, absent an effective waiver.",
    },
    GUARANTOR_WAIVER: {
      value: true,
      citation: "Civ. Code 2856(a)(3) [Allen Matkins on globest.com]",
      confidence: "MEDIUM",
      caveat:
        "Express waivers of the antideficiency and one-action defenses (580a, 580b, 580d, 726) are enforceable; a guaranty secured by the guarantor's own California real property is itself protected.",
    },
  }),
  CO: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "C.R.S. 38-38-106 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "Public-trustee foreclosure with a Rule 120 order; the deficiency needs a separate suit on the note.",
    },
    JUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "A Colorado practice treatise (ch. 24, on vLex) says the holder may sue for foreclosure and a deficiency; left UNKNOWN because whether the fair-value bid rule of 38-38-106(6) binds a sheriff's sale after judicial foreclosure was not read (the statute's bid form is addressed to the public trustee or sheriff).",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL",
      citation: "C.R.S. 38-38-106(6) [Nolo; myforeclosureoptions.net]",
      confidence: "MEDIUM",
      caveat:
        "The holder must bid at least its good-faith estimate of fair market value less costs and senior liens; a lower bid is a defence to the deficiency.",
    },
    DEADLINE: {
      value: "6 years (suit on the note)",
      citation: "C.R.S. 13-80-103.5 [Nolo]",
      confidence: "MEDIUM",
      caveat: "",
    },
  }),
  CT: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "New England Savings Bank v. Lopez, 227 Conn. 270 (1993) [Barclay Damon, 2023; AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "Connecticut foreclosure is fully judicial: the court chooses strict foreclosure or foreclosure by sale (Lopez, as quoted in a later opinion).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Conn. Gen. Stat. 49-14(a)",
      confidence: "HIGH",
      caveat: "By motion after strict foreclosure or sale; the court values the property.",
    },
    FAIR_VALUE_LIMIT: {
      value: "JUDICIAL",
      citation: "Conn. Gen. Stat. 49-14(a)",
      confidence: "HIGH",
      caveat:
        "Judgment for the difference between the court's valuation and the claim; a further action on the note recovers only that.",
    },
    DEADLINE: {
      value: "30 days after the redemption period (motion)",
      citation: "Conn. Gen. Stat. 49-14(a)",
      confidence: "HIGH",
      caveat: "",
    },
  }),
  DC: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "D.C. Code 42-815 [Nolo]",
      confidence: "MEDIUM",
      caveat: "By a lawsuit after the trustee sale.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "D.C. Code 42-816",
      confidence: "HIGH",
      caveat:
        "If the net proceeds of a court-ordered sale are insufficient, the court may enter a decree in personam against the mortgagor or other party liable for the residue, where the complainant could have sued at law for it.",
    },
  }),
  DE: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "10 Del. C. 5061 [Legal Services Corporation of Delaware]",
      confidence: "MEDIUM",
      caveat: "A lawsuit (scire facias sur mortgage) is required to foreclose.",
    },
    JUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "Scire facias is in rem; listings disagree on whether a separate suit on the note may follow. No authoritative source read.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  FL: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "Fla. Stat. ch. 702 [Alper Law; Nolo]",
      confidence: "MEDIUM",
      caveat: "Florida forecloses mortgages in court.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Fla. Stat. 702.06",
      confidence: "HIGH",
      caveat:
        "In the court's sound discretion; the lender may instead sue at common law unless the foreclosure court granted or denied a deficiency.",
    },
    FAIR_VALUE_LIMIT: {
      value: "OWNER_OCCUPIED",
      citation: "Fla. Stat. 702.06",
      confidence: "HIGH",
      caveat:
        "Owner-occupied residential property: at most the judgment less the fair market value on the date of sale (a homestead exemption presumes owner occupancy).",
    },
    DEADLINE: {
      value: "1 year for a 1-4 family home (from the clerk's certificate); 5 years otherwise",
      citation:
        "Fla. Stat. 95.11(6)(h) (formerly 95.11(5)(h)); 95.11(2)(b); Accardi v. Regions Bank, 309 So. 3d 672 (Fla. 4th DCA 2020)",
      confidence: "HIGH",
      caveat:
        "One year for a deficiency on a note secured by a mortgage on a one- to four-family residential dwelling, from the day after the clerk issues the certificate or the lender accepts a deed in lieu, by motion in the foreclosure as well as by separate suit (Accardi). Other property: an action on a written instrument, five years (95.11(2)(b), which excepts the one-year deficiency). The one-year paragraph was (5)(h) until the 2024 renumbering.",
    },
  }),
  GA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "O.C.G.A. 44-14-161",
      confidence: "HIGH",
      caveat: "Only once the sale is reported to and confirmed by the court.",
    },
    JUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "Judicial foreclosure (O.C.G.A. 44-14-180 et seq.) is rarely used; no source on a deficiency after it was read (44-14-161 governs sales under a power).",
    },
    FAIR_VALUE_LIMIT: { value: "CONFIRMATION", citation: "O.C.G.A. 44-14-161(b)", confidence: "HIGH", caveat: "" },
    DEADLINE: {
      value: "30 days after the sale, for confirmation",
      citation: "O.C.G.A. 44-14-161(a)",
      confidence: "HIGH",
      caveat: "",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "PNC Bank, N.A. v. Smith, 298 Ga. 818 (2016)",
      confidence: "HIGH",
      caveat:
        "Confirmation is a condition precedent to suing a guarantor for the deficiency (following First Nat. Bank & Trust Co. v. Kunes, 1973).",
    },
    GUARANTOR_WAIVER: {
      value: true,
      citation: "PNC Bank, N.A. v. Smith, 298 Ga. 818 (2016)",
      confidence: "HIGH",
      caveat: "A guarantor may waive the confirmation requirement by clear language in the guaranty.",
    },
  }),
  HI: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Haw. Rev. Stat. 667-38 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "Barred against an owner-occupant of residential property (RESIDENTIAL_BAR).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Haw. Rev. Stat. 667-1.5 to 667-20.1 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "",
    },
    RESIDENTIAL_BAR: {
      value: { rule: "N:R+O", text: "Owner-occupant's residential property after a nonjudicial foreclosure." },
      citation: "Haw. Rev. Stat. 667-38",
      confidence: "HIGH",
      caveat:
        "Unless the debt is secured by other collateral; an owner-occupant has lived there at least 200 days before the notice (667-1).",
    },
    GUARANTOR_BAR: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat: "667-38 names the owner-occupant; no source read on guarantors.",
    },
  }),
  IA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "Iowa Code 654.18; Iowa Code ch. 655A [NCLC]",
      confidence: "MEDIUM",
      caveat:
        "Power of sale is not permitted (654.1) except the voluntary procedure of 654.18 and the nonjudicial foreclosure of nonagricultural mortgages (655A); the mortgagee waives the deficiency if either is used.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Iowa Code 654.6 [AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "Not where the lender elected the six-month redemption and waived the deficiency (628.26), among other restrictions.",
    },
  }),
  ID: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Idaho Code 45-1512 [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Idaho Code 6-101; 6-108 [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "",
    },
    FAIR_VALUE_LIMIT: {
      value: true,
      citation: "Idaho Code 45-1512; 6-108 [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "",
    },
    ONE_ACTION: { value: true, citation: "Idaho Code 6-101; 45-1503", confidence: "HIGH", caveat: "" },
    DEADLINE: {
      value: "3 months after the trustee sale",
      citation: "Idaho Code 45-1512 [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "",
    },
  }),
  IL: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "735 ILCS 5/15-1405 [NCLC; Nolo]",
      confidence: "MEDIUM",
      caveat: "Foreclosure by power of sale is not permitted.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "735 ILCS 5/15-1508(e) [ISBA; AllLaw]",
      confidence: "MEDIUM",
      caveat: "Entered in the order confirming the sale, against a party personally served or who appeared.",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "735 ILCS 5/15-1508 [ISBA]",
      confidence: "MEDIUM",
      caveat: "No statutory fair-value credit; the court may refuse to confirm an unconscionable sale.",
    },
  }),
  IN: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "Ind. Code 32-29-1-3 [NCLC; AllLaw]",
      confidence: "MEDIUM",
      caveat: "All foreclosures go through a judicial proceeding.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ind. Code 32-29-7-5 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "Not if the borrower waived the waiting period with the lender's consent; the personal judgment is entered with the foreclosure judgment.",
    },
  }),
  KS: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "K.S.A. 60-2410 [NCLC; Nolo]",
      confidence: "MEDIUM",
      caveat: "Foreclosure by power of sale is not permitted.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "K.S.A. 60-2415(b) [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat:
        "Not against a borrower served by publication only; the court may refuse to confirm a substantially inadequate bid.",
    },
  }),
  KY: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "KRS 426.005 [Nolo]",
      confidence: "MEDIUM",
      caveat: "Nolo: foreclosures in Kentucky are judicial.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "KRS 426.005 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "Not against a borrower constructively summoned who did not appear (KRS 454.165).",
    },
  }),
  LA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "La. Code Civ. Proc. (executory process) [National Law Review, 2025]",
      confidence: "MEDIUM",
      caveat:
        "Louisiana does not allow nonjudicial foreclosure; executory process is an expedited court procedure on a mortgage importing a confession of judgment.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "La. R.S. 13:4106",
      confidence: "HIGH",
      caveat:
        "Only after a sale with appraisement: a judicial sale without appraisement discharges the debtor's personal obligation, which the debtor cannot waive (13:4107).",
    },
    GUARANTOR_BAR: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "13:4108 lets listed kinds of sale leave a deficiency 'against any debtor, guarantor, or surety'; the general rule for guarantors was not read.",
    },
  }),
  MA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Mass. Gen. Laws c. 244, 17A, 17B [AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "Notice of intent to seek a deficiency mailed at least 21 days before the sale, and an affidavit within 30 days after (17B).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Mass. Gen. Laws c. 244 [Goulston & Storrs, 2023]",
      confidence: "MEDIUM",
      caveat:
        "A deficiency judgment is permitted after a judicial foreclosure; the 21-day notice of 17B is written for sales under a power of sale.",
    },
    DEADLINE: {
      value: "2 years after the foreclosure sale",
      citation: "Mass. Gen. Laws c. 244, 17A [AllLaw]",
      confidence: "MEDIUM",
      caveat: "",
    },
  }),
  MD: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Md. Rule 14-216(b)",
      confidence: "HIGH",
      caveat:
        "Sales under a power of sale or assent to a decree are ratified by the court; the deficiency is sought by motion.",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "Md. Rule 14-216(b)", confidence: "HIGH", caveat: "" },
    DEADLINE: {
      value: "3 years after final ratification of the auditor's report (motion)",
      citation: "Md. Rule 14-216(b); Md. Code, Real Prop. 7-105.17(d)",
      confidence: "HIGH",
      caveat: "",
    },
  }),
  ME: read({
    NONJUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "A statutory power of sale exists for mortgages granted by a corporation, partnership, limited liability company or trust (33 M.R.S. 501-A); no source on a deficiency after such a sale was read.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "14 M.R.S. 6323(1) [AllLaw]",
      confidence: "MEDIUM",
      caveat: "In the foreclosure action itself.",
    },
    FAIR_VALUE_LIMIT: {
      value: "CREDITOR_BUYS",
      citation: "14 M.R.S. 6324 [AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "When the lender buys at the public sale: limited to the debt less the fair market value established by an independent appraisal.",
    },
  }),
  MI: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "MCL 600.3280 [Nolo; Kershaw, Vititoe & Jedinak]",
      confidence: "MEDIUM",
      caveat: "Foreclosure by advertisement; the deficiency needs a separate suit.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "MCL 600.3150",
      confidence: "HIGH",
      caveat:
        "The foreclosure judgment determines which defendants are personally liable; on confirmation of the sale the clerk issues execution for the deficiency. A secondary source notes the court may fix the sale price (600.3155), which the table does not model.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL_CREDITOR_BUYS",
      citation: "MCL 600.3280 [Kershaw, Vititoe & Jedinak]",
      confidence: "MEDIUM",
      caveat:
        "When the mortgagee bought at a foreclosure by advertisement, the borrower may show the property was worth the debt or the bid substantially below value.",
    },
  }),
  MN: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "Minn. Stat. 582.30 subd. 2; 580.23 subd. 1",
      confidence: "HIGH",
      caveat:
        "Barred only where the foreclosure by advertisement carries a six-month redemption period (580.23 subd. 1, the period unless subdivision 2 or another section gives another) or a five-week one (582.032, abandoned property). With the 12-month period of 580.23 subd. 2 a deficiency may be had (582.30 subd. 1): for such a loan pass NONJUDICIAL_DEFICIENCY TRUE in overrides. The conditions of subdivision 2 were not read.",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "Minn. Stat. 582.30(1)", confidence: "HIGH", caveat: "" },
    ONE_ACTION: {
      value: true,
      citation: "Minn. Stat. 582.31",
      confidence: "HIGH",
      caveat:
        "Variant, agricultural only: for a mortgage on property used in agricultural production entered into on or before March 22, 1986, the mortgagee may either sue on the note or foreclose (with a deficiency where allowed), and either bars the other. No one-action rule for other mortgages was read.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  MO: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Mo. Rev. Stat. 443.290 to 443.453 [Nolo]",
      confidence: "MEDIUM",
      caveat: "By a separate lawsuit.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Mo. Rev. Stat. 443.290 to 443.453 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "AllLaw: no Missouri statute prohibits deficiency judgments.",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "First Bank v. Fischer & Frichtel, Inc., 364 S.W.3d 216 (Mo. 2012) [National Law Review]",
      confidence: "MEDIUM",
      caveat: "The deficiency is the balance less the foreclosure bid, not the fair market value.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
  MS: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Miss. Code 11-5-111; 15-1-23 [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat:
        "By a lawsuit within one year; the winning bid must be reasonable against the fair market value, particularly when the lender buys.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Miss. Code 11-5-111; 15-1-23 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "",
    },
    FAIR_VALUE_LIMIT: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "No statutory fair-value credit; courts test the bid for reasonableness against fair value, which the table cannot compute.",
    },
    DEADLINE: {
      value: "1 year after the sale",
      citation: "Miss. Code 15-1-23 [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat: "",
    },
  }),
  MT: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "MCA 71-1-317",
      confidence: "HIGH",
      caveat: "Trust indentures under the Small Tract Financing Act.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation:
        "First Western Fed. Sav. Bank v. Lence, 839 P.2d 1277 (Mont. 1992); First Security Bank v. Abel, 2008 MT 161",
      confidence: "HIGH",
      caveat:
        "Lence affirmed a deficiency after judicial foreclosure of a trust indenture on a condominium that was not the borrower's primary residence, and Midfirst Bank v. Ranieri (Mont. 1993) on a single-family house let as a rental; Abel reads Chunkapura (1987) as barring it only where the property is a single-family residence (RESIDENTIAL_BAR). A conventional mortgage's deficiency after foreclosure: Trustees v. Galleria Partnership, 780 P.2d 608 (Mont. 1989).",
    },
    ONE_ACTION: {
      value: true,
      citation: "MCA 71-1-222(1)",
      confidence: "HIGH",
      caveat:
        "'There is only one action for the recovery of debt or the enforcement of any right secured by a mortgage upon real estate'; (4) excepts a receiver, rents, and collateral outside Montana, among others.",
    },
    RESIDENTIAL_BAR: {
      value: {
        rule: "J:R+O?",
        text: "Trust indenture on the borrower's single-family primary residence, foreclosed judicially.",
      },
      citation:
        "First State Bank of Forsyth v. Chunkapura, 226 Mont. 54 (1987); First Western Fed. Sav. Bank v. Lence, 839 P.2d 1277 (Mont. 1992); First Security Bank v. Abel, 2008 MT 161 [AllLaw (Nolo)]",
      confidence: "MEDIUM",
      caveat:
        "Chunkapura, as limited by Lence and Abel: no deficiency after judicial foreclosure of a Small Tract Financing Act trust indenture on a single-family home that is the borrower's primary residence. The flags cannot tell a trust indenture from a conventional mortgage, nor one unit from two to four: for such a loan pass J:R+O (trust indenture, one unit) or NONE in overrides. AllLaw lists no other Montana bar (MEDIUM).",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  NC: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "N.C.G.S. 45-21.36 [AllLaw]", confidence: "MEDIUM", caveat: "" },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.C.G.S. 45-21.36; 45-21.38A [AllLaw]",
      confidence: "MEDIUM",
      caveat: "Subject to 45-21.38A (RESIDENTIAL_BAR).",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL_CREDITOR_BUYS",
      citation: "N.C.G.S. 45-21.36 [AllLaw; myforeclosureoptions.net]",
      confidence: "MEDIUM",
      caveat:
        "When the mortgagee or holder buys at a power-of-sale sale, the debtor may show the property was worth the debt or the bid substantially below its value.",
    },
    RESIDENTIAL_BAR: {
      value: {
        rule: "N:P?; R+O?",
        text: "Seller-financed purchase-money after a power-of-sale sale; certain home loans on the borrower's principal dwelling.",
      },
      citation: "N.C.G.S. 45-21.38; 45-21.38A",
      confidence: "HIGH",
      caveat:
        "45-21.38: a note to the seller for the balance of the purchase price. 45-21.38A: nontraditional and rate-spread home loans (natural person, household purpose, 1-4 units, principal dwelling). The flags cannot tell either.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  ND: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "N.D.C.C. 35-22-01",
      confidence: "HIGH",
      caveat:
        "Only a mortgage held by the state or its agencies may be foreclosed by advertisement; every other mortgage must be foreclosed by action.",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "N.D.C.C. 32-19-03", confidence: "HIGH", caveat: "" },
    FAIR_VALUE_LIMIT: { value: true, citation: "N.D.C.C. 32-19-03; 32-19-06.1", confidence: "HIGH", caveat: "" },
    RESIDENTIAL_BAR: {
      value: { rule: "J:R+O", text: "Owner-occupied homestead, 1-4 units, up to 40 acres." },
      citation: "N.D.C.C. 32-19-03",
      confidence: "HIGH",
      caveat: "",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  NE: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "Neb. Rev. Stat. 76-1013", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "First Nat. Bank of Omaha v. Davey, 285 Neb. 835 (2013) [statute annotations]",
      confidence: "MEDIUM",
      caveat: "A deficiency action after judicial foreclosure of a trust deed is not bound by 76-1013's three months.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL",
      citation: "Neb. Rev. Stat. 76-1013",
      confidence: "HIGH",
      caveat:
        "The court finds the fair market value and gives judgment for at most the debt, interest and costs less that value.",
    },
    ONE_ACTION: {
      value: true,
      citation: "Neb. Rev. Stat. 25-2140",
      confidence: "HIGH",
      caveat:
        "Variant, no double action: after a complaint to foreclose a mortgage is filed, while it is pending and after its decree, no proceeding at law for the debt unless the court authorizes it. The lender may sue on the note instead of foreclosing (Federal Farm Mtg. Corp. v. Thiele, 137 Neb. 626 (1940), in the annotations to 25-2137). The statute speaks of a complaint to foreclose; its reach to a trustee sale was not read.",
    },
    DEADLINE: {
      value: "3 months after the trustee sale",
      citation: "Neb. Rev. Stat. 76-1013",
      confidence: "HIGH",
      caveat: "",
    },
    GUARANTOR_FAIR_VALUE: {
      value: false,
      citation: "Mutual of Omaha Bank v. Murante, 285 Neb. 747 (2013) [statute annotations]",
      confidence: "MEDIUM",
      caveat: "76-1013 applied to the note, not to a guaranty (an independent contract the trust deed did not secure).",
    },
  }),
  NH: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.H. Rev. Stat. 479:25 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "By a separate lawsuit; the lender must show the sale price was fair and reasonable (not necessarily fair market value).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.H. Rev. Stat. 479:25 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "AllLaw: no significant restrictions on deficiency judgments.",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "N.H. Rev. Stat. 479:25 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "No fair-value credit; a good-faith, fair and reasonable price is required.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
  NJ: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "N.J. Ct. R. 4:64 [N.J. Courts, Office of Foreclosure; Oliver & Legg, 2015]",
      confidence: "MEDIUM",
      caveat:
        "Foreclosure actions are filed in the Superior Court, Chancery Division; New Jersey does not allow foreclosure by power of sale.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.J.S.A. 2A:50-2; Borden v. Cadles of Grassy Meadows II, 412 N.J. Super. 567 (App. Div. 2010)",
      confidence: "HIGH",
      caveat:
        "By a separate action on the note or guaranty after the sale: no deficiency judgment in the foreclosure action itself (2A:50-1). Borden reinstated a judgment on a commercial mortgage note and its guaranties after the sheriff's sale.",
    },
    FAIR_VALUE_LIMIT: {
      value: "OWNER_OCCUPIED",
      citation:
        "N.J.S.A. 2A:50-3; 2A:50-2.3; Borden v. Cadles of Grassy Meadows II, 412 N.J. Super. 567 (App. Div. 2010)",
      confidence: "HIGH",
      caveat:
        "2A:50-2.3 leaves the act out unless the property is a 1-4 family dwelling the owner or the owner's immediate family lives in (b), and out for a business or commercial debt other than on a 2-4 family home the owner lives in (a), for a bank's loan whose mortgage is not the primary security (c), and for a bank's mortgage junior to another lender's (d): the flags cannot tell (a), (c) or (d), so an owner-occupied home is given the credit. A commercial loan has no statutory credit; its debtor or guarantor may seek a fair-market-value credit by objecting to the sheriff's sale in time (R. 4:65-5; Borden).",
    },
    ONE_ACTION: {
      value: true,
      citation:
        "N.J.S.A. 2A:50-2; 2A:50-2.3 [Stark & Stark; Archer & Greiner in Mid Atlantic Real Estate Journal, 2013]",
      confidence: "MEDIUM",
      caveat:
        "Variant, foreclosure first: where the act applies (an owner-occupied 1-4 family home, not a business loan unless a 2-4 family home the owner lives in; 2A:50-2.3) the lender must foreclose before suing on the note. A commercial lender may sue the borrower and guarantors on the note and guaranties without foreclosing (Summit Trust Co. v. Willow Business Park, 269 N.J. Super. 439 (App. Div. 1994)).",
    },
    DEADLINE: {
      value: "3 months after the sale (owner-occupied 1-4 family homes)",
      citation: "N.J.S.A. 2A:50-2; 2A:50-2.3 [Stark & Stark]",
      confidence: "MEDIUM",
      caveat:
        "The 3 months bind only where 2A:50-2.3 leaves the act in force (see FAIR_VALUE_LIMIT); a commercial loan's deadline is not this one, and its limitation period was not read.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  NM: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.M. Stat. 48-10-1 et seq. [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat: "Deed of Trust Act; not against a low-income household, which the flags cannot tell.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "N.M. Stat. 39-5-1 et seq.; 48-7-1 et seq. [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat: "Included in the foreclosure judgment.",
    },
  }),
  NV: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "NRS 40.455(1)", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: { value: true, citation: "NRS 40.455(1)", confidence: "HIGH", caveat: "" },
    FAIR_VALUE_LIMIT: { value: true, citation: "NRS 40.459", confidence: "HIGH", caveat: "" },
    ONE_ACTION: {
      value: true,
      citation: "NRS 40.430(1)",
      confidence: "HIGH",
      caveat:
        "'There may be but one action for the recovery of any debt, or for the enforcement of any right secured by a mortgage or other lien upon real estate', except under NRS 40.495(2) (guarantors) and 40.512; the creditor exhausts the security first (Bonicamp v. Vazquez, as quoted in the State Bar of Nevada's Nevada Lawyer, 2009).",
    },
    RESIDENTIAL_BAR: {
      value: { rule: "R+P+O?", text: "Owner-occupied single-family purchase-money from a bank, not refinanced." },
      citation: "NRS 40.455(3)",
      confidence: "HIGH",
      caveat: "",
    },
    DEADLINE: { value: "6 months after the sale", citation: "NRS 40.455(1)", confidence: "HIGH", caveat: "" },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  NY: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "RPAPL art. 13 [N.Y. Senate sponsor memo, S3838 (2013)]",
      confidence: "MEDIUM",
      caveat:
        "RPAPL article 14's nonjudicial power of sale for commercial mortgages (1998) expired in 2009; bills to restore it were introduced in 2012, 2013 and 2015, and no enactment was found.",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "RPAPL 1371", confidence: "HIGH", caveat: "" },
    FAIR_VALUE_LIMIT: { value: true, citation: "RPAPL 1371(2)", confidence: "HIGH", caveat: "" },
    ONE_ACTION: {
      value: true,
      citation: "RPAPL 1301(3); Wells Fargo Bank Minn. v. Cohn (App. Div. 1st Dep't, Feb. 19, 2004)",
      confidence: "HIGH",
      caveat:
        "Variant, election of remedies: the holder may sue on the note or foreclose, not both at once; while a foreclosure is pending or after its judgment no action on the debt without leave of the court (1301(3)), and after a money judgment no foreclosure unless execution is returned unsatisfied (1301(1)). Not where the property is outside New York (Cohn). Practitioners' notes read: Bergman (Berkman Henoch), Forchelli Deegan Terrana (2018).",
    },
    DEADLINE: { value: "90 days after the deed, by motion", citation: "RPAPL 1371(2)", confidence: "HIGH", caveat: "" },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  OH: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "Ohio Rev. Code ch. 2329 [lawyers.com (Nolo author); Manley Deas Kochalski practice note]",
      confidence: "MEDIUM",
      caveat: "All Ohio foreclosures go through court.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Ohio Rev. Code 2329.08",
      confidence: "HIGH",
      caveat:
        "For a 1-2 family home, farm dwelling or homestead the deficiency is unenforceable two years after the sale is confirmed (waivable in writing within that time).",
    },
    DEADLINE: {
      value: "2 years after confirmation of the sale (1-2 family homes; enforcement)",
      citation: "Ohio Rev. Code 2329.08",
      confidence: "HIGH",
      caveat: "",
    },
  }),
  OK: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "46 O.S. 43 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat:
        "Not if the borrower notified the lender at least ten days before the sale that the property is the homestead and elected against a deficiency (RESIDENTIAL_BAR).",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "12 O.S. 686 [AllLaw]", confidence: "MEDIUM", caveat: "" },
    FAIR_VALUE_LIMIT: { value: true, citation: "12 O.S. 686; 46 O.S. 43 [AllLaw]", confidence: "MEDIUM", caveat: "" },
    RESIDENTIAL_BAR: {
      value: {
        rule: "N:O?",
        text: "Homestead after a power-of-sale foreclosure, if the owner elected against a deficiency.",
      },
      citation: "46 O.S. 43(A)(2)(c) [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "Depends on the homeowner's notice ten days before the sale, which the flags cannot tell.",
    },
    DEADLINE: {
      value: "90 days after the sale",
      citation: "12 O.S. 686; 46 O.S. 43 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "Judicial: with the motion to confirm the sale or within 90 days after it.",
    },
  }),
  OR: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "ORS 86.797(2) (formerly 86.770(2))",
      confidence: "HIGH",
      caveat: "",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "ORS 88.010(1)(b); 86.797(2)",
      confidence: "HIGH",
      caveat: "Not for a residential trust deed or a mortgage covered by ORS 88.103 (RESIDENTIAL_BAR).",
    },
    RESIDENTIAL_BAR: {
      value: {
        rule: "J:R+O; J:P?",
        text: "Residential trust deed judicially foreclosed; seller's and small purchase-money mortgages.",
      },
      citation: "ORS 86.797(2); 88.103 (formerly 88.070)",
      confidence: "HIGH",
      caveat:
        "88.103: a mortgage to the seller for the purchase price, or to another lender for at most $50,000 of the price of the buyer's single-family residence. The flags cannot tell these apart.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  PA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "42 Pa.C.S. 8103 [AllLaw (Nolo)]",
      confidence: "MEDIUM",
      caveat: "In Pennsylvania, foreclosures are judicial.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "42 Pa.C.S. 8103",
      confidence: "HIGH",
      caveat: "By petition to fix the fair market value when the judgment creditor bought the property.",
    },
    FAIR_VALUE_LIMIT: {
      value: "CREDITOR_BUYS",
      citation: "42 Pa.C.S. 8103(a)",
      confidence: "HIGH",
      caveat:
        "Only when the property is sold, directly or indirectly, to the judgment creditor; then the fair market value the court fixes is credited.",
    },
    DEADLINE: {
      value: "6 months after the sheriff's deed",
      citation: "42 Pa.C.S. 5522(b)(2)",
      confidence: "HIGH",
      caveat: "Without a timely petition the judgment is deemed satisfied.",
    },
    GUARANTOR_BAR: NO_SOURCE,
  }),
  RI: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "R.I. Gen. Laws 34-27-1; 34-11-22 [AllLaw; Nolo]",
      confidence: "MEDIUM",
      caveat: "By a lawsuit after the sale.",
    },
    JUDICIAL_DEFICIENCY: { value: true, citation: "R.I. Gen. Laws 34-27-1 [AllLaw]", confidence: "MEDIUM", caveat: "" },
  }),
  SC: read({
    NONJUDICIAL_DEFICIENCY: {
      value: "NO_POWER_OF_SALE",
      citation: "S.C. Code 29-3-630 to 29-3-790 [AllLaw (Nolo)]",
      confidence: "MEDIUM",
      caveat: "South Carolina foreclosures are judicial.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "S.C. Code 29-3-680 [Nolo]",
      confidence: "MEDIUM",
      caveat: "Must be demanded in the complaint.",
    },
    FAIR_VALUE_LIMIT: {
      value: "JUDICIAL",
      citation: "S.C. Code 29-3-680; 29-3-740",
      confidence: "HIGH",
      caveat:
        "On the debtor's application within 30 days after the sale, appraised value above the sale price abates the deficiency.",
    },
  }),
  SD: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "S.D. Codified Laws 21-48-14 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "Not after a voluntary foreclosure.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "S.D. Codified Laws 21-47 [Nolo; Davenport Evans]",
      confidence: "MEDIUM",
      caveat: "The lender must prove the property's value at trial, or the sale satisfies the debt.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL_CREDITOR_BUYS",
      citation: "S.D. Codified Laws 21-48-14",
      confidence: "HIGH",
      caveat:
        "When the mortgagee buys at a foreclosure by advertisement, the shortfall of the price below true market value is deducted; judicial sales are excluded (but see JUDICIAL_DEFICIENCY).",
    },
  }),
  TN: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "Tenn. Code 35-5-118(a)", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: { value: true, citation: "Tenn. Code 35-5-118(a)", confidence: "HIGH", caveat: "" },
    FAIR_VALUE_LIMIT: {
      value: true,
      citation: "Tenn. Code 35-5-118(b), (c)",
      confidence: "HIGH",
      caveat:
        "The sale price is presumed to be the fair market value; the debtor must prove the property sold for materially less.",
    },
    DEADLINE: {
      value: "2 years after the sale",
      citation: "Tenn. Code 35-5-118(d)",
      confidence: "HIGH",
      caveat: "Or the note's own limitation period, if that ends first.",
    },
  }),
  TX: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "Tex. Prop. Code 51.003", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: { value: true, citation: "Tex. Prop. Code 51.004", confidence: "HIGH", caveat: "" },
    FAIR_VALUE_LIMIT: {
      value: true,
      citation: "Tex. Prop. Code 51.003(c); 51.004(c)",
      confidence: "HIGH",
      caveat: "On request: without a request and competent evidence the sale price is used.",
    },
    RESIDENTIAL_BAR: {
      value: { rule: "R+O+!P?", text: "Home-equity and reverse mortgages on a homestead." },
      citation: "Tex. Const. XVI 50(a)(6)(C), 50(k) [first review 1.0.0; secondary source not recorded]",
      confidence: "MEDIUM",
      caveat: "",
    },
    DEADLINE: {
      value: "2 years after the sale",
      citation: "Tex. Prop. Code 51.003(a)",
      confidence: "HIGH",
      caveat: "After a judicial sale the fair-value suit is due within 90 days (51.004(b)).",
    },
    GUARANTOR_BAR: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat: "Texas has no general bar; no source read on whether the home-equity bar reaches a guarantor.",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "Tex. Prop. Code 51.003(c); 51.004(b); 51.005",
      confidence: "HIGH",
      caveat: "'The persons against whom recovery of the deficiency is sought'; 51.004 and 51.005 name guarantors.",
    },
    GUARANTOR_WAIVER: {
      value: true,
      citation: "Moayedi v. Interstate 35/Chisam Road, L.P., 438 S.W.3d 1 (Tex. 2014)",
      confidence: "HIGH",
      caveat:
        "A guaranty's general waiver of 'any defense' waived the 51.003 fair-market-value offset; guaranties routinely include it.",
    },
  }),
  UT: read({
    NONJUDICIAL_DEFICIENCY: { value: true, citation: "Utah Code 57-1-32", confidence: "HIGH", caveat: "" },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Utah Code 78-37-2 (1992) [text quoted in a U.S. Tax Court opinion]",
      confidence: "MEDIUM",
      caveat:
        "If the sheriff's return shows the proceeds insufficient, judgment for the balance is docketed and execution may issue. Read in its 1992 numbering; the current Judicial Code (78B-6, part 9) was not read.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL",
      citation: "Utah Code 57-1-32",
      confidence: "HIGH",
      caveat:
        "57-1-32 governs the action after a sale under a trust deed; no fair-value rule for a judicial sale was read.",
    },
    ONE_ACTION: {
      value: true,
      citation: "Utah Code 78B-6-901 [text quoted in a Terry Jessop & Bitner newsletter, 2014]",
      confidence: "HIGH",
      caveat:
        "'There is only one action for the recovery of any debt, or the enforcement of any right, secured solely by a mortgage upon real estate'; read as security first: the creditor forecloses before suing the debtor on the note (Citi Consumer Services, Inc. v. Peters, 815 P.2d 234 (Utah 1991), as the newsletter reports). Whether other collateral takes a debt outside 'solely' is unsettled.",
    },
    DEADLINE: {
      value: "3 months after the trustee sale",
      citation: "Utah Code 57-1-32",
      confidence: "HIGH",
      caveat: "",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "Machock v. Fink, 137 P.3d 779 (Utah 2006)",
      confidence: "HIGH",
      caveat:
        "The creditor's recovery on the guaranty was limited by the Trust Deed Act's fair-market-value offset; the one-action rule was not applied to guarantors.",
    },
  }),
  VA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Va. Code 8.01-241 [Nolo]",
      confidence: "MEDIUM",
      caveat: "By a separate lawsuit.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Va. Code 8.01-241 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "Va. Code 8.01-241 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "AllLaw: no Virginia law restricts a lender's right to sue for a deficiency.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
  VT: read({
    NONJUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "12 V.S.A. 4961 allows a nonjudicial power of sale except for farmland or a dwelling house owned by a natural person; no source on a deficiency after such a sale was read.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "12 V.S.A. 4941 to 4954 [Nolo]",
      confidence: "MEDIUM",
      caveat: "Must be requested in the foreclosure complaint.",
    },
    FAIR_VALUE_LIMIT: {
      value: "CREDITOR_BUYS",
      citation: "12 V.S.A. 4954 [Nolo]",
      confidence: "MEDIUM",
      caveat:
        "If the mortgage holder buys the property, the deficiency is limited by the property's fair market value.",
    },
  }),
  WA: read({
    NONJUDICIAL_DEFICIENCY: {
      value: false,
      citation: "RCW 61.24.100(1)",
      confidence: "HIGH",
      caveat:
        "Commercial loans: a deficiency for waste and wrongfully retained rents, insurance or condemnation proceeds, unless the property is the borrower's principal residence (61.24.100(3)(a)).",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "RCW 61.12.070",
      confidence: "HIGH",
      caveat:
        "The decree directs that a balance unsatisfied after the sale be satisfied from the debtor's other property, unless the mortgagee waived the deficiency in the complaint (6.23.020). The court may fix an upset price or require the fair value credited as a condition of confirmation (61.12.060), which the table does not model.",
    },
    FAIR_VALUE_LIMIT: {
      value: "NONJUDICIAL",
      citation: "RCW 61.24.100(3)(a), (5) [Lane Powell on Lexology]",
      confidence: "MEDIUM",
      caveat:
        "After a trustee sale the commercial exceptions, and a guarantor's liability, are measured against the property's fair value.",
    },
    DEADLINE: {
      value: "1 year after the trustee sale",
      citation: "RCW 61.24.100(4) [Washington Real Property Deskbook]",
      confidence: "MEDIUM",
      caveat: "",
    },
    GUARANTOR_BAR: {
      value: false,
      citation: "RCW 61.24.100(1), (3)(c)",
      confidence: "HIGH",
      caveat:
        "Commercial loans only, and only if the guarantor was given the notices of 61.24.042; a guarantor of a non-commercial loan is protected by (1). The courts divided on a guaranty secured by the foreclosed deed of trust (Washington Federal v. Gentry, App. 2014).",
    },
    GUARANTOR_FAIR_VALUE: {
      value: true,
      citation: "RCW 61.24.100(5) [Lane Powell on Lexology]",
      confidence: "MEDIUM",
      caveat: "The guarantor may challenge the fair value of the property sold at the trustee sale.",
    },
  }),
  WI: read({
    NONJUDICIAL_DEFICIENCY: {
      value: null,
      citation: null,
      confidence: "UNKNOWN",
      caveat:
        "Foreclosure by advertisement under a power of sale is listed by unnamed summaries; no statute text on it, or on a deficiency after it, was read.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Wis. Stat. 846.04 [Nolo]",
      confidence: "MEDIUM",
      caveat:
        "Unless the lender elected to waive it for a shorter wait before the sale (846.101 for owner-occupied 1-4 unit homes and farms of 20 acres or less; 846.103 for commercial property).",
    },
  }),
  WV: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "W. Va. Code 38-1-3 to 38-1-15 [Nolo; AllLaw]",
      confidence: "MEDIUM",
      caveat: "By a separate lawsuit.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "W. Va. Code 38-1-3 to 38-1-15 [AllLaw]",
      confidence: "MEDIUM",
      caveat: "Sought in the foreclosure lawsuit itself.",
    },
  }),
  WY: read({
    NONJUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Fitch v. Buffalo Federal Sav. & Loan Ass'n, 751 P.2d 1309 (Wyo. 1988)",
      confidence: "HIGH",
      caveat:
        "A deficiency action after foreclosure by advertisement under a power of sale is proper; no Wyoming statute limits it.",
    },
    JUDICIAL_DEFICIENCY: {
      value: true,
      citation: "Fitch v. Buffalo Federal Sav. & Loan Ass'n, 751 P.2d 1309 (Wyo. 1988) [lawpipe summary]",
      confidence: "MEDIUM",
      caveat:
        "Read from Fitch's holding that no Wyoming statute limits a foreclosing mortgagee's deficiency (a power-of-sale case); no judicial-foreclosure case was read.",
    },
    FAIR_VALUE_LIMIT: {
      value: false,
      citation: "Fitch v. Buffalo Federal Sav. & Loan Ass'n, 751 P.2d 1309 (Wyo. 1988) [lawpipe summary]",
      confidence: "MEDIUM",
      caveat: "No Wyoming statute limits the deficiency; the sale proceeds are credited against the debt.",
    },
    RESIDENTIAL_BAR: {
      value: { rule: "NONE", text: "No Wyoming statute bars a deficiency on residential or purchase-money loans." },
      citation: "Fitch v. Buffalo Federal Sav. & Loan Ass'n, 751 P.2d 1309 (Wyo. 1988) [lawpipe summary]",
      confidence: "MEDIUM",
      caveat:
        "Fitch surveyed other states' statutes protecting certain mortgagors from deficiency judgments and found no such protection in Wyoming.",
    },
    GUARANTOR_FAIR_VALUE: GUARANTOR_NOTHING_TO_EXTEND,
  }),
};
