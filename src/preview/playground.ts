/**
 * The function playground: type a =LOAN.* formula (or any formula the engine knows) and see
 * its result formatted by what it is (src/taskpane/results.ts: money, percentages, basis
 * points), a spilled result as a small grid, or the error with its message in
 * place of the result; with the function's help from functions.json and its documented
 * examples, each computed. The pre-filled formula is computed on load; editing clears the
 * result (never a stale value) until Enter computes the new one.
 */
import type { FunctionEntry } from "../engine/addin";
import { formatResult, generalNumber, resultKind, type ResultKind } from "../taskpane/results";
import type { CellResult } from "../engine/workbook";
import type { PreviewBook } from "./book";
import { formatValue } from "./format";
import { parseDetail, plainWords } from "./errors";
import { PREVIEW_MSG as M } from "./messages";

export interface PlaygroundElements {
  input: HTMLInputElement;
  result: HTMLElement;
  help: HTMLElement;
}

/** The help for the LOAN function a formula calls (the last one typed). */
export function helpFor(formula: string, functions: readonly FunctionEntry[]): FunctionEntry | undefined {
  const names = [...formula.toUpperCase().matchAll(/LOAN\.([A-Z_]+)/g)].map((m) => m[1]);
  const last = names.at(-1);
  return last ? functions.find((f) => f.name === last) : undefined;
}

/** A function's description without its examples, and the examples' formulas ("Example: =F → result" lines). */
export function splitDescription(description: string | undefined): { text: string; examples: string[] } {
  const lines = (description ?? "").split("\n");
  const examples = lines
    .map((l) => /^Example:\s*(=.*?)(?:\s+→.*)?$/.exec(l.trim())?.[1])
    .filter((f): f is string => f !== undefined);
  const text = lines
    .filter((l) => !/^Example:/.test(l.trim()))
    .join(" ")
    .trim();
  return { text, examples };
}

/** A number of no known kind as the playground shows it: grouped, two decimals unless whole or a small ratio. */
export const showNumber = generalNumber;

function show(v: CellResult): string {
  if (v !== null && typeof v === "object") return v.error;
  return typeof v === "number" ? showNumber(v) : formatValue(v);
}

export type Outcome =
  | { kind: "empty" }
  | { kind: "value"; text: string; raw: CellResult }
  | { kind: "spill"; rows: CellResult[][]; of?: ResultKind }
  | { kind: "error"; text: string };

/** What the playground shows for a formula: its value, a spill, or the error and its message. Never throws. */
export function evaluate(book: PreviewBook, formula: string): Outcome {
  const f = formula.trim();
  if (!f) return { kind: "empty" };
  const source = f.startsWith("=") ? f : `=${f}`;
  let result: CellResult | CellResult[][];
  try {
    result = book.engine.calculate(source, book.active);
  } catch (e) {
    return {
      kind: "error",
      text: M.unreadableFormula(
        parseDetail(parserMessage(book, source) ?? (e instanceof Error ? e.message : String(e))),
      ),
    };
  }
  if (Array.isArray(result)) {
    const of = resultKind(source);
    return of ? { kind: "spill", rows: result, of } : { kind: "spill", rows: result };
  }
  if (result !== null && typeof result === "object")
    return { kind: "error", text: M.errorResult(result.error, plainWords(result.error, result.message)) };
  // A LOAN function's number shown by what it is: money, a percentage, basis points, a ratio.
  return {
    kind: "value",
    text: typeof result === "number" ? formatResult(result, resultKind(source)) : show(result),
    raw: result,
  };
}

/**
 * The parser's message for a formula the engine will not calculate ("This is not a formula"): read from the formula
 * entered into a cell of a scratch sheet, added and removed again.
 */
function parserMessage(book: PreviewBook, formula: string): string | undefined {
  const scratch = "Playground scratch";
  try {
    book.engine.addSheet(scratch);
    book.engine.setCells(scratch, 0, 0, [[formula]]);
    const v = book.engine.value(scratch, 0, 0);
    return v !== null && typeof v === "object" ? v.message : undefined;
  } catch {
    return undefined;
  } finally {
    if (book.engine.sheetNames.includes(scratch)) book.engine.removeSheet(scratch);
  }
}

const SPILL_ROWS = 12;

/** A spilled result as a small grid: its first rows, and how many there are. */
function spillTable(rows: CellResult[][], of?: ResultKind): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "spill";
  const caption = document.createElement("p");
  caption.className = "spill-size";
  caption.textContent = M.spills(rows.length, rows[0]?.length ?? 0, SPILL_ROWS);
  const table = document.createElement("table");
  for (const row of rows.slice(0, SPILL_ROWS)) {
    const tr = table.insertRow();
    for (const v of row) {
      const td = tr.insertCell();
      td.textContent = typeof v === "number" && of ? formatResult(v, of) : show(v);
      if (typeof v === "number") td.className = "num";
      else if (v !== null && typeof v === "object") td.className = "error";
    }
  }
  wrap.append(caption, table);
  return wrap;
}

/** Puts an outcome into an element: text, a grid, or an error. */
function render(target: HTMLElement, outcome: Outcome): void {
  target.classList.toggle("error", outcome.kind === "error");
  target.dataset.kind = outcome.kind;
  if (outcome.kind === "spill") target.replaceChildren(spillTable(outcome.rows, outcome.of));
  else if (outcome.kind === "empty") target.replaceChildren();
  else {
    target.textContent = outcome.text;
    if (outcome.kind === "value" && typeof outcome.raw === "number") target.title = String(outcome.raw);
    else target.removeAttribute("title");
  }
}

export function mountPlayground(book: PreviewBook, functions: readonly FunctionEntry[], el: PlaygroundElements): void {
  const run = () => render(el.result, evaluate(book, el.input.value));

  const showHelp = () => {
    const entry = helpFor(el.input.value, functions);
    if (!entry) {
      el.help.textContent = M.playgroundHint();
      return;
    }
    const params = entry.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const head = document.createElement("p");
    head.className = "signature";
    head.textContent = M.signature(entry.name, params);
    const { text, examples } = splitDescription(entry.description);
    const desc = document.createElement("p");
    desc.textContent = text;
    const list = document.createElement("ul");
    for (const p of entry.parameters) {
      const li = document.createElement("li");
      li.textContent = M.parameter(p.name, Boolean(p.optional), p.description ?? "");
      list.appendChild(li);
    }
    const parts: HTMLElement[] = [head, desc, list];
    if (examples.length > 0) {
      const title = document.createElement("p");
      title.className = "examples-title";
      title.textContent = M.examples(examples.length);
      const ol = document.createElement("ul");
      ol.className = "examples";
      for (const formula of examples) {
        const li = document.createElement("li");
        li.className = "example";
        const code = document.createElement("code");
        code.textContent = formula;
        const use = document.createElement("button");
        use.type = "button";
        use.textContent = M.tryLabel();
        use.setAttribute("aria-label", M.tryFormula(formula));
        use.addEventListener("click", () => {
          el.input.value = formula;
          showHelp();
          run();
          el.input.focus();
        });
        const result = document.createElement("div");
        result.className = "example-result";
        render(result, evaluate(book, formula));
        li.append(code, use, result);
        ol.appendChild(li);
      }
      parts.push(title, ol);
    }
    el.help.replaceChildren(...parts);
  };

  el.input.addEventListener("input", () => {
    showHelp();
    // The result belongs to the formula as it was: clear it until the new one is computed.
    render(el.result, { kind: "empty" });
    el.result.dataset.kind = "stale";
  });
  el.input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      run();
    }
  });
  el.input.form?.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  book.onChange(() => {
    if (el.result.dataset.kind !== "stale") run();
  });
  showHelp();
  run();
}
