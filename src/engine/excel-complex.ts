/**
 * Excel's complex-number functions (COMPLEX, IMSUM, IMSQRT, …) as Excel writes their
 * results, over HyperFormula's arithmetic:
 *
 * - the suffix follows the inputs: "j" when they use "j" (IMSUM("3+4j","1+j") is "4+5j";
 *   HyperFormula always wrote "i"), and inputs that mix "i" and "j" are #VALUE! (COMPLEX:
 *   "All functions that accept two or more complex numbers require that all suffixes
 *   match");
 * - each part is written with Excel's 15 significant digits ("1.28247467873077", where
 *   HyperFormula wrote all 17: "1.2824746787307684"), in E notation when tiny
 *   ("-8.28846662730513E-15j").
 *
 * Checked against Excel's cached results in the real-workbook corpus
 * (sheetjs/formula_stress_test.xlsx's Engineering sheet, poi/atp.xlsx).
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from "hyperformula";
import { overridePlugin, type Override } from "./hf-plugin";

/** A number as Excel writes it into text: 15 significant digits, E notation for tiny and huge. */
export function excelNumberText(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x === 0 ? 0 : x);
  const rounded = Number(x.toPrecision(15));
  const abs = Math.abs(rounded);
  if (abs >= 1e-9 && abs < 1e15) {
    const text = String(rounded);
    if (!text.includes("e")) return text;
  }
  const [mantissa, exponent] = rounded.toExponential(14).split("e");
  const m = mantissa.replace(/\.?0+$/, "");
  const e = Number(exponent);
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** HyperFormula's complex result ("a+bi", "bi", "a", "-i") as Excel writes it with `suffix`. */
export function excelComplexText(text: string, suffix: "i" | "j"): string {
  // Split at the sign between the parts (not one inside an exponent).
  let re = text;
  let im: string | undefined;
  if (text.endsWith("i")) {
    let k = text.length - 2;
    while (k > 0 && !((text[k] === "+" || text[k] === "-") && text[k - 1] !== "e")) k--;
    re = k > 0 ? text.slice(0, k) : "";
    im = text.slice(k > 0 ? k : 0, -1);
  }
  const out = re === "" ? "" : excelNumberText(Number(re));
  if (im === undefined) return out;
  const sign = im.startsWith("-") ? "-" : "+";
  const magnitude = im.replace(/^[+-]/, "");
  const coefficient = magnitude === "" ? 1 : Number(magnitude);
  const imText = coefficient === 1 ? "" : excelNumberText(coefficient);
  if (out === "") return `${sign === "-" ? "-" : ""}${imText}${suffix}`;
  return `${out}${sign}${imText}${suffix}`;
}

/** The suffixes the texts among the values use. */
function suffixes(values: unknown[], found: Set<string>): void {
  for (const v of values) {
    if (v instanceof SimpleRangeValue) suffixes(v.valuesFromTopLeftCorner(), found);
    else if (typeof v === "string") {
      const t = v.trim();
      if (/[0-9.]?[ij]$/.test(t) && /^[-+0-9.eE ij]+$/.test(t)) found.add(t[t.length - 1]);
    }
  }
}

const COMPLEX_RESULTS = [
  "IMCONJUGATE",
  "IMCOS",
  "IMCOSH",
  "IMCOT",
  "IMCSC",
  "IMCSCH",
  "IMSEC",
  "IMSECH",
  "IMSIN",
  "IMSINH",
  "IMTAN",
  "IMDIV",
  "IMPRODUCT",
  "IMSUM",
  "IMSUB",
  "IMEXP",
  "IMLN",
  "IMLOG10",
  "IMLOG2",
  "IMPOWER",
  "IMSQRT",
];

const withSuffix: Override = function (base, ast, state) {
  const found = new Set<string>();
  suffixes(
    ast.args.map((a) => this.evaluateAst(a, state)),
    found,
  );
  if (found.size > 1) return new CellError(ErrorType.VALUE, "complex numbers with both i and j");
  const out = base(ast, state);
  return typeof out === "string" ? excelComplexText(out, found.has("j") ? "j" : "i") : out;
};

/** COMPLEX and the IM… functions that return a complex number, written as Excel writes them. */
export function complexPlugin(): FunctionPluginDefinition {
  const overrides: Record<string, Override> = {
    COMPLEX(base, ast, state) {
      const out = base(ast, state);
      if (typeof out !== "string") return out;
      return excelComplexText(out.replace(/j$/, "i"), out.endsWith("j") ? "j" : "i");
    },
  };
  for (const name of COMPLEX_RESULTS) if (HyperFormula.getFunctionPlugin(name)) overrides[name] = withSuffix;
  return overridePlugin(overrides);
}
