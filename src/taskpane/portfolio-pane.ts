/**
 * The portfolio card of the task pane: the stress every loan row follows (read as Excel reads
 * it, checked as you leave a field, the message beside it), then Insert portfolio: a new sheet
 * (a free name, never over an existing one) with the worked example's loans and guarantors under
 * that stress. The logic lives in portfolio-form.ts; this file only wires it to the page.
 *
 * DOM built with createElement and textContent only (no innerHTML).
 */
import { buildPortfolioPlan, EXAMPLE_BOOK } from "../plan/portfolio";
import { writePlan } from "./excel-writer";
import { PORTFOLIO_PANE_TEXT as TEXT, WRITER_MESSAGES } from "./messages";
import {
  checkPortfolioField,
  initialPortfolioValues,
  PORTFOLIO_FIELDS,
  readPortfolioForm,
  type PortfolioValues,
} from "./portfolio-form";
import { showValue } from "./deal-form";

export interface PortfolioPane {
  enable(): void;
  disable(reason: string): void;
}

function status(region: HTMLElement, kind: string, message: string): void {
  region.dataset.kind = kind;
  region.textContent = message;
}

/** Renders the portfolio card into its placeholders in taskpane.html. */
export function mountPortfolioPane(root: HTMLElement): PortfolioPane {
  const find = <T extends HTMLElement>(selector: string, type: { new (): T }): T => {
    const node = root.querySelector(selector);
    if (!(node instanceof type)) throw new Error(`The task pane is missing ${selector}.`);
    return node;
  };
  const form = find("#portfolio-form", HTMLFormElement);
  const box = find("#portfolio-fields", HTMLElement);
  const insert = find("#insert-portfolio", HTMLButtonElement);
  const region = find("#portfolio-status", HTMLElement);
  let values: PortfolioValues = initialPortfolioValues();
  let enabled = false;
  let busy = false;

  const inputs = PORTFOLIO_FIELDS.map((field) => {
    const id = `portfolio-${field.key}`;
    const wrap = document.createElement("div");
    wrap.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = field.label;
    const input = document.createElement("input");
    input.id = id;
    input.type = "text";
    input.inputMode = "decimal";
    input.autocomplete = "off";
    input.value = values[field.key];
    const hint = document.createElement("span");
    hint.className = "hint";
    hint.id = `${id}-hint`;
    hint.textContent = field.hint;
    const message = document.createElement("span");
    message.className = "field-error";
    message.id = `${id}-error`;
    input.setAttribute("aria-describedby", `${hint.id} ${message.id}`);
    const show = (): boolean => {
      const checked = checkPortfolioField(field, input.value);
      const error = "error" in checked ? checked.error : "";
      message.textContent = error;
      input.setAttribute("aria-invalid", error ? "true" : "false");
      if ("value" in checked) input.value = showValue(field, checked.value);
      values = { ...values, [field.key]: input.value };
      return !error;
    };
    input.addEventListener("input", () => (values = { ...values, [field.key]: input.value }));
    input.addEventListener("change", show);
    wrap.append(label, input, hint, message);
    box.append(wrap);
    return { input, show };
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy || !enabled) return;
    const valid = inputs.map((i) => i.show()).every(Boolean);
    const read = readPortfolioForm(values);
    if (!valid || !read.ok) {
      inputs.find((i) => i.input.getAttribute("aria-invalid") === "true")?.input.focus();
      return;
    }
    busy = true;
    insert.setAttribute("aria-busy", "true");
    insert.textContent = TEXT.inserting;
    status(region, "progress", TEXT.insertProgress);
    void writePlan(buildPortfolioPlan({ ...EXAMPLE_BOOK, stress: read.stress }))
      .then((written) =>
        written.ok
          ? status(
              region,
              "success",
              [WRITER_MESSAGES.inserted(written.sheetName), written.message].filter(Boolean).join(" "),
            )
          : status(region, "error", written.message),
      )
      .finally(() => {
        busy = false;
        insert.removeAttribute("aria-busy");
        insert.textContent = TEXT.insert;
      });
  });

  return {
    enable() {
      enabled = true;
      insert.disabled = false;
      status(region, "info", "");
    },
    disable(reason) {
      enabled = false;
      insert.disabled = true;
      status(region, "info", reason);
    },
  };
}
