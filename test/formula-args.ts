/**
 * A small parser for the argument lists of documented examples such as
 * `=LOAN.DEFICIENCY(4400000, 3600000, , , 250000)` or `=LOAN.X({"A","B"}, {1;2})`:
 * numbers, "text", TRUE/FALSE, empty (omitted → null) and array constants
 * (comma between columns, semicolon between rows), the way Excel passes them.
 */
export type Arg = number | string | boolean | null | Arg[][];

export function parseCall(formula: string): { name: string; args: Arg[] } {
  const m = /^=LOAN\.([A-Z_]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a LOAN call: ${formula}`);
  const body = m[2].trim();
  return { name: m[1], args: body === "" ? [] : split(body, ",").map(parseArg) };
}

function split(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    if (ch === sep && depth === 0 && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function parseArg(raw: string): Arg {
  const t = raw.trim();
  if (t === "") return null;
  if (t.startsWith("{") && t.endsWith("}")) {
    return split(t.slice(1, -1), ";").map((row) =>
      split(row, ",").map((cell) => parseArg(cell) as Exclude<Arg, Arg[][]>),
    );
  }
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  if (t.toUpperCase() === "TRUE") return true;
  if (t.toUpperCase() === "FALSE") return false;
  const n = Number(t);
  if (Number.isNaN(n)) throw new Error(`cannot parse argument ${t}`);
  return n;
}
