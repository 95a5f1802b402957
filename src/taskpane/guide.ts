/**
 * The task pane's guide to the LOAN.* functions: plain data, no DOM and no Office.
 *
 * Built from the functions' own metadata (functions.json, which the build generates from the
 * declarations in src/core; see src/functions/metadata.ts), so the guide lists exactly the
 * functions Excel knows: one group per family, each entry's purpose the first sentence of its
 * description (the declared summary), its parameters as Excel shows them, and its examples, each
 * "=FORMULA → result" exactly as declared.
 */
import { FAMILIES } from "../core/args";
import { FUNCTION_FAMILIES, type FunctionFamily, type FunctionMetadata } from "../functions/metadata";

export interface GuideEntry {
  /** The function id without the namespace, as in functions.json (PAYMENT). */
  readonly name: string;
  /** One line: what the function returns (the first sentence of its description). */
  readonly purpose: string;
  /** Parameter names in order; optional ones in brackets, as Excel shows them. */
  readonly params: readonly string[];
  /** `Example:` strings from the JSDoc, each "=LOAN.X(...) → result". */
  readonly examples: readonly string[];
}

export interface GuideGroup {
  /** The family file's name (financing). */
  readonly id: string;
  readonly title: string;
  readonly entries: readonly GuideEntry[];
}

export const NAMESPACE = "LOAN";

/** Separates an example's formula from the result it documents. */
const RESULT_ARROW = " → ";

/** The guide's headings and their order: the families' titles, as the core declares them. */
const GROUP_TITLES: readonly (readonly [family: string, title: string])[] = Object.entries(FAMILIES);

/** The first sentence of a description: up to the first . ? or ! followed by a space or the end. */
export function firstSentence(description: string): string {
  const line = description.split("\n")[0].trim();
  return /^(.+?[.?!])(?=\s|$)/.exec(line)?.[1] ?? line;
}

function entry(f: FunctionMetadata): GuideEntry {
  const description = f.description ?? "";
  return {
    name: f.name,
    purpose: firstSentence(description),
    params: f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)),
    examples: description
      .split("\n")
      .flatMap((line) => (line.startsWith("Example:") ? [line.slice("Example:".length).trim()] : [])),
  };
}

function title(family: string): string {
  return GROUP_TITLES.find(([f]) => f === family)?.[1] ?? family.charAt(0).toUpperCase() + family.slice(1);
}

/** The guide's groups from the functions' metadata: known families first, in GROUP_TITLES order. */
export function buildGuide(families: readonly FunctionFamily[]): GuideGroup[] {
  const rank = (family: string) => {
    const i = GROUP_TITLES.findIndex(([f]) => f === family);
    return i < 0 ? GROUP_TITLES.length : i;
  };
  return [...families]
    .sort((a, b) => rank(a.family) - rank(b.family))
    .map((f) => ({ id: f.family, title: title(f.family), entries: f.functions.map(entry) }));
}

export const GUIDE: readonly GuideGroup[] = buildGuide(FUNCTION_FAMILIES);

/** "LOAN.PAYMENT(loanAmount, annualRate, amortYears, [paymentsPerYear])". */
export function signature(entry: GuideEntry): string {
  return `${NAMESPACE}.${entry.name}(${entry.params.join(", ")})`;
}

/** Splits "=LOAN.X(...) → result" into the formula to type and the documented result. */
export function splitExample(example: string): { formula: string; result: string } {
  const at = example.lastIndexOf(RESULT_ARROW);
  if (at < 0) return { formula: example.trim(), result: "" };
  return { formula: example.slice(0, at).trim(), result: example.slice(at + RESULT_ARROW.length).trim() };
}

/** Every entry, in guide order. */
export function allEntries(groups: readonly GuideGroup[] = GUIDE): GuideEntry[] {
  return groups.flatMap((g) => [...g.entries]);
}
