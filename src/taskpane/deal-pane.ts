/**
 * The deal card of the task pane: pick a template, edit its key inputs (read as Excel reads
 * them and checked as you leave a field, with the message beside it, the value read shown
 * formatted in the field), choose the carveouts to stress and the state,
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
  formChecks,
  type FieldKey,
  type FormState,
  initialState,
  readForm,
  showValue,
  stateChoices,
} from "./deal-form";
import type { DealCheckResult } from "../plan/deal/checks";
import { todayIso } from "../plan/market";
import { copyAsValues, writePlan } from "./excel-writer";
import { DEAL_PANE_TEXT as TEXT, WRITER_MESSAGES } from "./messages";

type Kind = "info" | "progress" | "success" | "warning" | "error";

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

/** A labelled choice (radio or checkbox) appended to `box`; returns the input. */
function choiceInput(
  box: HTMLElement,
  type: "radio" | "checkbox",
  id: string,
  value: string,
  text: string,
  onChange: (input: HTMLInputElement) => void,
): HTMLInputElement {
  const input = el("input");
  input.type = type;
  input.id = id;
  input.value = value;
  input.addEventListener("change", () => onChange(input));
  const label = el("label", "check");
  label.htmlFor = id;
  label.append(input, document.createTextNode(` ${text}`));
  box.append(label);
  return input;
}

/** One labelled text input per form field, its hint and its message tied to it with aria-describedby. */
function fieldInputs(
  box: HTMLElement,
  onInput: (key: FieldKey, value: string) => void,
  onLeave: (key: FieldKey) => void,
): Map<FieldKey, FieldInput> {
  const inputs = new Map<FieldKey, FieldInput>();
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
    input.addEventListener("input", () => onInput(field.key, input.value));
    input.addEventListener("change", () => onLeave(field.key));
    wrap.append(label, input, hint, message);
    box.append(wrap);
    inputs.set(field.key, { input, message });
  }
  return inputs;
}

interface FieldInput {
  readonly input: HTMLInputElement;
  readonly message: HTMLElement;
}

/** Shows a field's message beside it (none: valid) and marks it for assistive technology. */
function showMessage(entry: FieldInput, error: string): void {
  entry.message.textContent = error;
  entry.input.setAttribute("aria-invalid", error ? "true" : "false");
}

/** Focuses the first field marked invalid, opening its folded section. */
function focusFirstInvalid(inputs: ReadonlyMap<FieldKey, FieldInput>): void {
  const first = FIELDS.find((f) => inputs.get(f.key)?.input.getAttribute("aria-invalid") === "true");
  const input = first ? inputs.get(first.key)?.input : undefined;
  if (!input) return;
  const details = input.closest("details");
  if (details) details.open = true;
  input.focus();
}

/** The card's elements, found in taskpane.html. */
function cardElements(root: HTMLElement) {
  const q = <T extends HTMLElement>(selector: string, type: { new (): T }): T => {
    const node = root.querySelector(selector);
    if (!(node instanceof type)) throw new Error(`The task pane is missing ${selector}.`);
    return node;
  };
  return {
    form: q("#deal-form", HTMLFormElement),
    templateBox: q("#deal-template", HTMLFieldSetElement),
    summary: q("#deal-summary", HTMLElement),
    fieldsBox: q("#deal-fields", HTMLElement),
    carveBox: q("#deal-carveouts", HTMLFieldSetElement),
    carveCount: q("#deal-carveouts-count", HTMLElement),
    stateSelect: q("#deal-state", HTMLSelectElement),
    insert: q("#insert-deal", HTMLButtonElement),
    progress: q("#deal-progress", HTMLProgressElement),
    dealStatus: q("#deal-status", HTMLElement),
    checks: q("#deal-checks", HTMLElement),
    copy: q("#copy-values", HTMLButtonElement),
    copyStatus: q("#copy-values-status", HTMLElement),
  };
}

/** Renders the deal card into its placeholders in taskpane.html. */
export function mountDealPane(root: HTMLElement): DealPane {
  const card = cardElements(root);
  const { form, templateBox, summary, fieldsBox, carveBox, carveCount, stateSelect } = card;
  const { insert, dealStatus, copy, copyStatus, checks } = card;

  let state: FormState = initialState();
  let enabled = false;

  // Radio buttons, not a select: a template's full name wraps at a narrow pane width.
  const templateRadios = TEMPLATES.map((t) => {
    const radio = choiceInput(templateBox, "radio", `deal-template-${t.id}`, t.id, t.title, (r) => {
      if (r.checked) load(t.id);
    });
    radio.name = "deal-template";
    radio.setAttribute("aria-describedby", "deal-summary");
    return radio;
  });
  for (const s of stateChoices()) stateSelect.append(new Option(s.label, s.code));

  const inputs = fieldInputs(
    fieldsBox,
    (key, value) => {
      state = { ...state, values: { ...state.values, [key]: value } };
    },
    (key) => {
      showField(key);
      showChecks();
    },
  );

  /** The deal checks the sheet will state, shown before inserting (the same words). */
  function showChecks(): void {
    const found = formChecks(state, todayIso());
    const text = [
      found.blocking.length ? WRITER_MESSAGES.notReliable(found.blocking) : "",
      found.warnings.length ? WRITER_MESSAGES.warnings(found.warnings) : "",
    ].filter(Boolean);
    status(checks, found.blocking.length ? "error" : "warning", text.join(" "));
  }

  const boxes = carveoutChoices().map((c) =>
    choiceInput(carveBox, "checkbox", `deal-carveout-${c.code}`, c.code, `${c.code}: ${c.label}`, () => {
      state = { ...state, carveouts: boxes.filter((b) => b.checked).map((b) => b.value) };
      showCarveoutCount();
    }),
  );

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
    showMessage(entry, error);
    // What was read, shown as its cell shows it ("6450000" → "6,450,000", "6.85" → "6.85%"); blank stays blank.
    if ("value" in checked && entry.input.value.trim() !== "") {
      entry.input.value = showValue(field, checked.value);
      state = { ...state, values: { ...state.values, [key]: entry.input.value } };
    }
    return !error;
  }

  function load(templateId: string): void {
    const template = findTemplate(templateId) ?? TEMPLATES[0];
    state = initialState(template);
    for (const r of templateRadios) r.checked = r.value === template.id;
    summary.textContent = template.summary;
    for (const [key, entry] of inputs) {
      entry.input.value = state.values[key];
      showMessage(entry, "");
    }
    for (const b of boxes) b.checked = state.carveouts.includes(b.value);
    showCarveoutCount();
    stateSelect.value = state.state;
    showChecks();
  }

  stateSelect.addEventListener("change", () => {
    state = { ...state, state: stateSelect.value };
    showChecks();
  });

  const command = commandRunner([insert, copy], card.progress, () => enabled);
  const busyWhile = command.run;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (command.busy() || !enabled) return;
    const allValid = FIELDS.map((f) => showField(f.key)).every(Boolean);
    const result = readForm(state);
    if (!allValid || !result.ok) {
      status(dealStatus, "error", result.ok ? "" : result.summary);
      // Messages that need two fields (the default year within the hold) go beside their field too.
      if (!result.ok)
        for (const [key, message] of Object.entries(result.errors)) {
          const entry = inputs.get(key as FieldKey);
          if (entry && message) showMessage(entry, message);
        }
      focusFirstInvalid(inputs);
      return;
    }
    void busyWhile(insert, TEXT.insert, TEXT.inserting, dealStatus, TEXT.insertProgress, () =>
      insertModel(result, formChecks(state, todayIso())),
    );
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

/**
 * Runs one Excel command at a time: its button marked busy, the others aria-disabled (so keyboard
 * focus stays on them), the progress bar shown and the outcome written in its status region.
 */
function commandRunner(buttons: readonly HTMLButtonElement[], progress: HTMLProgressElement, enabled: () => boolean) {
  let busy = false;
  async function run(
    button: HTMLButtonElement,
    label: string,
    busyLabel: string,
    region: HTMLElement,
    note: string,
    work: () => Promise<{ ok: boolean; message?: string; kind?: Kind | undefined }>,
  ): Promise<void> {
    if (busy || !enabled()) return;
    busy = true;
    for (const b of buttons) b.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-busy", "true");
    button.textContent = busyLabel;
    progress.hidden = false;
    status(region, "progress", note);
    try {
      const result = await work();
      status(region, result.kind ?? (result.ok ? "success" : "error"), result.message ?? "");
    } finally {
      busy = false;
      for (const b of buttons) b.removeAttribute("aria-disabled");
      button.removeAttribute("aria-busy");
      button.textContent = label;
      progress.hidden = true;
    }
  }
  return { run, busy: () => busy };
}

/**
 * Builds the form's deal model, dated today (a value the sheet keeps), and writes it into a new
 * sheet; the message says where, what was skipped, and whether the verdict can be relied on.
 */
async function insertModel(result: Extract<ReturnType<typeof readForm>, { ok: true }>, checks: DealCheckResult) {
  const plan = buildDealPlan(result.template, result.inputs, {
    carveouts: result.carveouts,
    state: result.state,
    defaultYear: result.defaultYear,
    asOf: todayIso(),
  });
  const written = await writePlan(plan);
  if (!written.ok) return written;
  const said = checks.blocking.length
    ? WRITER_MESSAGES.notReliable(checks.blocking)
    : checks.warnings.length
      ? WRITER_MESSAGES.warnings(checks.warnings)
      : "";
  return {
    ok: true,
    kind: checks.blocking.length ? ("warning" as const) : undefined,
    message: [WRITER_MESSAGES.inserted(written.sheetName), written.message, said].filter(Boolean).join(" "),
  };
}
