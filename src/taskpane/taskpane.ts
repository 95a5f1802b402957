/**
 * The task pane: deal templates (deal-pane.ts), a guide to the LOAN.* functions and a
 * button that inserts the worked example as a new sheet. The guide and the deal form work
 * in any browser; inserting and copying need Excel.
 *
 * The DOM is built with createElement and textContent only (no innerHTML), which also
 * keeps the page within its Content-Security-Policy.
 */
import { mountDealPane } from "./deal-pane";
import { mountPortfolioPane } from "./portfolio-pane";
import { buildExamplePlan } from "../plan/example";
import { REQUIRED_EXCEL_API, WRITER_MESSAGES, writePlan } from "./excel-writer";
import { PANE_TEXT as UI_TEXT } from "./messages";
import { GUIDE, type GuideEntry, type GuideGroup, signature, splitExample } from "./guide";
import { shownExampleResult } from "./results";

/** How long Office.onReady may take before the pane assumes it is not in Office. */
const OFFICE_TIMEOUT_MS = 5000;
/** How long a Copy button shows its outcome. */
const COPY_FEEDBACK_MS = 2000;

type StatusKind = "info" | "progress" | "success" | "error";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  node.append(...children);
  return node;
}

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`The task pane is missing #${id}.`);
  return node;
}

function showStatus(region: HTMLElement, kind: StatusKind, message: string): void {
  region.dataset.kind = kind;
  region.textContent = message;
}

// ---------------------------------------------------------------------------------------
// The guide

function renderGuide(container: HTMLElement, groups: readonly GuideGroup[], announce: HTMLElement): void {
  container.replaceChildren(
    ...groups.map((group, i) => {
      const details = el("details", "group");
      details.open = i === 0;
      const count = el(
        "span",
        "group-count",
        String(group.entries.length),
        el("span", "visually-hidden", " functions"),
      );
      details.append(el("summary", undefined, undefined, el("span", "group-title", group.title), count));
      details.append(el("ul", "fn-list", undefined, ...group.entries.map((entry) => renderEntry(entry, announce))));
      return details;
    }),
  );
}

function renderEntry(entry: GuideEntry, announce: HTMLElement): HTMLLIElement {
  const examples = el(
    "ul",
    "examples",
    undefined,
    ...entry.examples.map((example) => {
      const { formula, result } = splitExample(example);
      const code = el("code", "formula", formula);
      const copy = el("button", "copy", UI_TEXT.copyLabel);
      copy.type = "button";
      copy.setAttribute("aria-label", `${UI_TEXT.copyLabel} ${formula}`);
      copy.addEventListener("click", () => void onCopy(formula, code, copy, announce));
      const line = el("li", "example", undefined, code);
      if (result) {
        // Shown by what it is ("→ 29,486.66", "→ 35.39%"); the documented figure on hover.
        const shown = el("span", "result", `→ ${shownExampleResult(formula, result)}`);
        shown.title = result;
        line.append(shown);
      }
      line.append(copy);
      return line;
    }),
  );
  return el(
    "li",
    "fn",
    undefined,
    el("h3", "fn-name", `LOAN.${entry.name}`),
    el("p", "fn-purpose", entry.purpose),
    el("code", "signature", signature(entry)),
    examples,
  );
}

const copyTimers = new WeakMap<HTMLButtonElement, number>();

async function onCopy(
  formula: string,
  source: HTMLElement,
  button: HTMLButtonElement,
  announce: HTMLElement,
): Promise<void> {
  const copied = await copyText(formula, source);
  button.textContent = copied ? UI_TEXT.copiedLabel : UI_TEXT.selectedLabel;
  button.dataset.state = copied ? "copied" : "selected";
  announce.textContent = copied ? UI_TEXT.copied(formula) : UI_TEXT.selected;
  const previous = copyTimers.get(button);
  if (previous !== undefined) window.clearTimeout(previous);
  copyTimers.set(
    button,
    window.setTimeout(() => {
      button.textContent = UI_TEXT.copyLabel;
      delete button.dataset.state;
    }, COPY_FEEDBACK_MS),
  );
}

/**
 * The async Clipboard API where the host grants it; otherwise the older copy command on a
 * selection; otherwise the text is left selected for Ctrl+C. Returns whether it copied.
 */
async function copyText(text: string, source: HTMLElement): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused, e.g. when the add-in frame lacks the clipboard-write permission.
    }
  }
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(source);
  selection.removeAllRanges();
  selection.addRange(range);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  if (copied) selection.removeAllRanges();
  return copied;
}

// ---------------------------------------------------------------------------------------
// Inserting the worked example

function enableInsert(button: HTMLButtonElement, status: HTMLElement): void {
  let busy = false;
  button.disabled = false;
  showStatus(status, "info", "");
  button.addEventListener("click", async () => {
    if (busy) return;
    busy = true;
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    button.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-busy", "true");
    button.textContent = UI_TEXT.insertBusyLabel;
    showStatus(status, "progress", UI_TEXT.inserting);
    try {
      const result = await writePlan(buildExamplePlan());
      if (result.ok) showStatus(status, "success", WRITER_MESSAGES.inserted(result.sheetName));
      else showStatus(status, "error", result.message);
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
      button.removeAttribute("aria-busy");
      button.textContent = UI_TEXT.insertLabel;
    }
  });
}

/** Calls `inExcel` once Office reports Excel, `elsewhere` with the reason otherwise. */
function whenExcel(inExcel: () => void, elsewhere: (reason: string) => void): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    elsewhere(UI_TEXT.outside);
    return;
  }
  // A plain browser resolves onReady with no host; the timer covers an Office.js that never answers.
  let settled = false;
  const timer = window.setTimeout(() => elsewhere(UI_TEXT.outside), OFFICE_TIMEOUT_MS);
  Office.onReady().then(
    (info) => {
      skipOfficeTelemetryFrame();
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      if (info.host !== Office.HostType.Excel) elsewhere(info.host ? UI_TEXT.otherHost : UI_TEXT.outside);
      else if (!Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API))
        elsewhere(UI_TEXT.unsupported(REQUIRED_EXCEL_API));
      else inExcel();
    },
    () => {
      window.clearTimeout(timer);
      elsewhere(UI_TEXT.outside);
    },
  );
}

/**
 * Office.js loads a hidden telemetry frame from a Microsoft host three seconds after it
 * starts, inside Excel and out. This page's content security policy blocks it anyway (no
 * network beyond this origin; its inline style and the framing would each log a violation),
 * so it is not asked for: the logger's frame loader becomes a no-op. Called at start and
 * again once Office.js is ready (its main part loads after office.js itself, and the
 * logger with it). Office.js keeps working; only that logger is affected, and nothing
 * changes if its shape differs.
 */
function skipOfficeTelemetryFrame(): void {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: unknown } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && typeof endpoint.loadProxyFrame === "function") endpoint.loadProxyFrame = () => undefined;
}

function start(): void {
  skipOfficeTelemetryFrame();
  const button = byId("insert-example", HTMLButtonElement);
  const status = byId("insert-status", HTMLElement);
  renderGuide(byId("guide", HTMLElement), GUIDE, byId("copy-status", HTMLElement));
  const deal = mountDealPane(byId("deal", HTMLElement));
  const portfolio = mountPortfolioPane(byId("portfolio", HTMLElement));
  button.disabled = true;
  showStatus(status, "progress", UI_TEXT.connecting);
  whenExcel(
    () => {
      enableInsert(button, status);
      deal.enable();
      portfolio.enable();
    },
    (reason) => {
      button.disabled = true;
      showStatus(status, "info", reason);
      deal.disable(reason);
      portfolio.disable(reason);
    },
  );
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
