/**
 * The function playground: type a =LOAN.* formula (or any formula the engine knows), see
 * its result or its error message, with the function's help from functions.json.
 */
import type { FunctionEntry } from "../engine/addin";
import type { PreviewBook } from "./book";
import { formatValue } from "./format";

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

/** What the playground shows for a formula: its value, or the error and message. */
export function evaluate(book: PreviewBook, formula: string): { text: string; error: boolean } {
  const f = formula.trim();
  if (!f) return { text: "", error: false };
  const source = f.startsWith("=") ? f : `=${f}`;
  const result = book.engine.calculate(source, book.active);
  const show = (v: unknown): string =>
    v !== null && typeof v === "object" ? (v as { error: string }).error : formatValue(v);
  if (Array.isArray(result)) {
    const rows = result.slice(0, 12).map((row) => row.map(show).join("\t"));
    return {
      text: `${result.length}×${result[0]?.length ?? 0} spill\n${rows.join("\n")}${result.length > 12 ? "\n…" : ""}`,
      error: false,
    };
  }
  if (result !== null && typeof result === "object")
    return { text: `${result.error}${result.message ? `  ${result.message}` : ""}`, error: true };
  return { text: show(result), error: false };
}

export function mountPlayground(book: PreviewBook, functions: readonly FunctionEntry[], el: PlaygroundElements): void {
  const showHelp = () => {
    const entry = helpFor(el.input.value, functions);
    if (!entry) {
      el.help.textContent = "Type =LOAN. and a function name; press Enter to compute.";
      return;
    }
    const params = entry.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const list = document.createElement("ul");
    for (const p of entry.parameters) {
      const li = document.createElement("li");
      li.textContent = `${p.name}${p.optional ? " (optional)" : ""}: ${p.description ?? ""}`;
      list.appendChild(li);
    }
    const head = document.createElement("p");
    head.className = "signature";
    head.textContent = `LOAN.${entry.name}(${params})`;
    const desc = document.createElement("p");
    desc.textContent = entry.description ?? "";
    el.help.replaceChildren(head, desc, list);
  };
  const run = () => {
    const { text, error } = evaluate(book, el.input.value);
    el.result.textContent = text;
    el.result.classList.toggle("error", error);
  };
  el.input.addEventListener("input", showHelp);
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
    if (el.result.textContent) run();
  });
  showHelp();
}
