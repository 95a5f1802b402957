/**
 * The deal card of the task pane: pick a template, edit its key inputs (checked as you
 * leave a field, with the message beside it), choose the carveouts to stress and the state,
 * insert the side-by-side model; and copy a finished model as values. The logic lives in
 * deal-form.ts (tested without a DOM); this file only wires it to the page.
 *
 * DOM built with createElement and textContent only (no innerHTML).
 */
import { buildDealPlan } from "../plan/deal";
import { findTemplate, TEMPLATES } from "../plan/templates";
import {
  carveoutChoices,
  checkField,
  FIELDS,
  type FieldKey,
  type FormState,
  initialState,
  readForm,
  stateChoices,
} from "./deal-form";
import { copyAsValues, writePlan } from "./excel-writer";
import { DEAL_PANE_TEXT as TEXT, WRITER_MESSAGES } from "./messages";

type Kind = "info" | "progress" | "success" | "error";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function status(region: HTMLElement, kind: Kind, message: string): void {
  region.dataset.kind = kind;
  region.textContent = message;
}

export interface DealPane {
  /** Enables the Excel commands (called once Office reports a supported Excel). */
  enable(): void;
  /** Explains why the commands are off. */
  disable(reason: string): void;
}

/** Renders the deal card into its placeholders in taskpane.html. */
export function mountDealPane(root: HTMLElement): DealPane {
  const q = <T extends HTMLElement>(selector: string, type: { new (): T }): T => {
    const node = root.querySelector(selector);
    if (!(node instanceof type)) throw new Error(`The task pane is missing ${selector}.`);
    return node;
  };
  const form = q("#deal-form", HTMLFormElement);
  const templateBox = q("#deal-template", HTMLFieldSetElement);
  const summary = q("#deal-summary", HTMLElement);
  const fieldsBox = q("#deal-fields", HTMLElement);
  const carveBox = q("#deal-carveouts", HTMLFieldSetElement);
  const carveCount = q("#deal-carveouts-count", HTMLElement);
  const stateSelect = q("#deal-state", HTMLSelectElement);
  const insert = q("#insert-deal", HTMLButtonElement);
  const progress = q("#deal-progress", HTMLProgressElement);
  const dealStatus = q("#deal-status", HTMLElement);
  const copy = q("#copy-values", HTMLButtonElement);
  const copyStatus = q("#copy-values-status", HTMLElement);

  let state: FormState = initialState();
  let enabled = false;
  let busy = false;

  // Radio buttons, not a select: a template's full name wraps at a narrow pane width.
  const templateRadios = TEMPLATES.map((t) => {
    const id = `deal-template-${t.id}`;
    const radio = el("input");
    radio.type = "radio";
    radio.name = "deal-template";
    radio.id = id;
    radio.value = t.id;
    radio.setAttribute("aria-describedby", "deal-summary");
    radio.addEventListener("change", () => {
      if (radio.checked) load(t.id);
    });
    const label = el("label", "check");
    label.htmlFor = id;
    label.append(radio, document.createTextNode(` ${t.title}`));
    templateBox.append(label);
    return radio;
  });
  for (const s of stateChoices()) stateSelect.append(new Option(s.label, s.code));

  // One labelled input per field, its hint and its message tied to it with aria-describedby.
  const inputs = new Map<FieldKey, { input: HTMLInputElement; message: HTMLElement }>();
  for (const field of FIELDS) {
    const id = `deal-${field.key}`;
    const wrap = el("div", "field");
    const label = el("label", undefined, field.label);
    label.htmlFor = id;
    const input = el("input");
    input.id = id;
    input.type = "text";
    input.inputMode = "decimal";
    input.autocomplete = "off";
    const hint = el("span", "hint", field.hint);
    hint.id = `${id}-hint`;
    const message = el("span", "field-error");
    message.id = `${id}-error`;
    input.setAttribute("aria-describedby", `${hint.id} ${message.id}`);
    input.addEventListener("input", () => {
      state = { ...state, values: { ...state.values, [field.key]: input.value } };
    });
    input.addEventListener("change", () => showField(field.key));
    wrap.append(label, input, hint, message);
    fieldsBox.append(wrap);
    inputs.set(field.key, { input, message });
  }

  const boxes = carveoutChoices().map((c) => {
    const id = `deal-carveout-${c.code}`;
    const box = el("input");
    box.type = "checkbox";
    box.id = id;
    box.value = c.code;
    box.addEventListener("change", () => {
      state = { ...state, carveouts: boxes.filter((b) => b.checked).map((b) => b.value) };
      showCarveoutCount();
    });
    const label = el("label", "check", undefined);
    label.htmlFor = id;
    label.append(box, document.createTextNode(` ${c.code}: ${c.label}`));
    carveBox.append(label);
    return box;
  });

  function showCarveoutCount(): void {
    const n = boxes.filter((b) => b.checked).length;
    carveCount.textContent = `(${n} of ${boxes.length} to stress)`;
  }

  function showField(key: FieldKey): boolean {
    const field = FIELDS.find((f) => f.key === key);
    const entry = inputs.get(key);
    if (!field || !entry) return true;
    const checked = checkField(field, entry.input.value);
    const error = "error" in checked ? checked.error : "";
    entry.message.textContent = error;
    entry.input.setAttribute("aria-invalid", error ? "true" : "false");
    return !error;
  }

  function load(templateId: string): void {
    const template = findTemplate(templateId) ?? TEMPLATES[0];
    state = initialState(template);
    for (const r of templateRadios) r.checked = r.value === template.id;
    summary.textContent = template.summary;
    for (const [key, { input, message }] of inputs) {
      input.value = state.values[key];
      message.textContent = "";
      input.setAttribute("aria-invalid", "false");
    }
    for (const b of boxes) b.checked = state.carveouts.includes(b.value);
    showCarveoutCount();
    stateSelect.value = state.state;
  }

  stateSelect.addEventListener("change", () => {
    state = { ...state, state: stateSelect.value };
  });

  /** Runs one Excel command with the button marked busy and the progress bar shown. */
  async function busyWhile(
    button: HTMLButtonElement,
    label: string,
    busyLabel: string,
    region: HTMLElement,
    note: string,
    work: () => Promise<{ ok: boolean; message?: string }>,
  ) {
    if (busy || !enabled) return;
    busy = true;
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    for (const b of [insert, copy]) b.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-busy", "true");
    button.textContent = busyLabel;
    progress.hidden = false;
    status(region, "progress", note);
    try {
      const result = await work();
      status(region, result.ok ? "success" : "error", result.message ?? "");
    } finally {
      busy = false;
      for (const b of [insert, copy]) b.removeAttribute("aria-disabled");
      button.removeAttribute("aria-busy");
      button.textContent = label;
      progress.hidden = true;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy || !enabled) return;
    const allValid = FIELDS.map((f) => showField(f.key)).every(Boolean);
    const result = readForm(state);
    if (!allValid || !result.ok) {
      status(dealStatus, "error", result.ok ? "" : result.summary);
      // Messages that need two fields (the default year within the hold) go beside their field too.
      if (!result.ok)
        for (const [key, message] of Object.entries(result.errors)) {
          const entry = inputs.get(key as FieldKey);
          if (!entry || !message) continue;
          entry.message.textContent = message;
          entry.input.setAttribute("aria-invalid", "true");
        }
      const first = FIELDS.find((f) => inputs.get(f.key)?.input.getAttribute("aria-invalid") === "true");
      const firstInput = first ? inputs.get(first.key)?.input : undefined;
      if (firstInput) {
        const details = firstInput.closest("details");
        if (details) details.open = true;
        firstInput.focus();
      }
      return;
    }
    void busyWhile(insert, TEXT.insert, TEXT.inserting, dealStatus, TEXT.insertProgress, async () => {
      const plan = buildDealPlan(result.template, result.inputs, {
        carveouts: result.carveouts,
        state: result.state,
        defaultYear: result.defaultYear,
      });
      const written = await writePlan(plan);
      return written.ok
        ? {
            ok: true,
            message: [WRITER_MESSAGES.inserted(written.sheetName), written.message].filter(Boolean).join(" "),
          }
        : written;
    });
  });

  copy.addEventListener(
    "click",
    () => void busyWhile(copy, TEXT.copy, TEXT.copying, copyStatus, TEXT.copyProgress, () => copyAsValues()),
  );

  load(TEMPLATES[0].id);

  return {
    enable() {
      enabled = true;
      insert.disabled = false;
      copy.disabled = false;
      status(dealStatus, "info", "");
    },
    disable(reason) {
      enabled = false;
      insert.disabled = true;
      copy.disabled = true;
      status(dealStatus, "info", reason);
    },
  };
}
