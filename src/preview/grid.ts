/**
 * Renders a sheet of the preview book as a grid with column letters and row numbers,
 * number formats and fonts as written, errors as Excel shows them (with the message on
 * hover), and a formula bar showing the selected cell's formula.
 */
import { address, column } from "../plan/plan";
import type { PreviewBook } from "./book";
import { formatValue } from "./format";

const MAX_ROWS = 400;
const MAX_COLS = 40;

export interface GridElements {
  tabs: HTMLElement;
  grid: HTMLElement;
  nameBox: HTMLElement;
  /** Shows the selected cell's formula or value; Enter writes what it holds into the cell. */
  formulaBar: HTMLInputElement;
  message: HTMLElement;
}

export class GridView {
  private selected = { row: 0, col: 0 };

  constructor(
    private readonly book: PreviewBook,
    private readonly el: GridElements,
  ) {
    book.onChange(() => this.render());
    el.grid.addEventListener("click", (e) => {
      const td = (e.target as HTMLElement).closest("td[data-cell]") as HTMLElement | null;
      if (!td) return;
      const [row, col] = (td.dataset.cell ?? "0:0").split(":").map(Number);
      this.select(row, col);
    });
    el.formulaBar.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.commit(el.formulaBar.value);
      } else if (e.key === "Escape") this.showSelection();
    });
  }

  /** Writes an entry into the selected cell, as typing it into Excel would: "=…" a formula, a number, or text. */
  commit(entry: string): void {
    const { row, col } = this.selected;
    const t = entry.trim();
    const content = t === "" ? null : t.startsWith("=") ? t : Number.isFinite(Number(t)) ? Number(t) : entry;
    this.book.engine.setCells(this.book.active, row, col, [[content]]);
    this.book.notify();
  }

  select(row: number, col: number): void {
    this.selected = { row, col };
    this.el.grid.querySelectorAll("td.selected").forEach((x) => x.classList.remove("selected"));
    this.el.grid.querySelector(`td[data-cell="${row}:${col}"]`)?.classList.add("selected");
    this.showSelection();
  }

  private showSelection(): void {
    const { row, col } = this.selected;
    const sheet = this.book.active;
    const formula = this.book.engine.formula(sheet, row, col);
    const value = this.book.engine.value(sheet, row, col);
    this.el.nameBox.textContent = address(row, col);
    this.el.formulaBar.value = formula ?? (value === null || typeof value === "object" ? "" : String(value));
    this.el.message.textContent =
      value !== null && typeof value === "object" ? `${value.error}${value.message ? `: ${value.message}` : ""}` : "";
  }

  render(): void {
    this.renderTabs();
    const sheet = this.book.active;
    const { rows, cols } = this.book.usedSize(sheet);
    const nRows = Math.min(MAX_ROWS, Math.max(rows + 2, 20));
    const nCols = Math.min(MAX_COLS, Math.max(cols + 1, 8));
    const widths = this.book.widths.get(sheet);
    const frozen = this.book.frozenRows.get(sheet) ?? 0;
    const table = document.createElement("table");
    table.className = "sheet";
    const colgroup = document.createElement("colgroup");
    colgroup.appendChild(document.createElement("col")).className = "rownum";
    let tableWidth = 38;
    for (let c = 0; c < nCols; c++) {
      const colEl = document.createElement("col");
      const px = Math.round((widths?.get(c) ?? 64) * 1.333); // points → CSS pixels
      colEl.style.width = `${px}px`;
      tableWidth += px;
      colgroup.appendChild(colEl);
    }
    // A fixed layout needs the table's width; text then stays within its column, as in Excel.
    table.style.width = `${tableWidth}px`;
    table.appendChild(colgroup);
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement("th"));
    for (let c = 0; c < nCols; c++) head.appendChild(document.createElement("th")).textContent = column(c);
    const body = table.createTBody();
    for (let r = 0; r < nRows; r++) {
      const tr = body.insertRow();
      if (r < frozen) tr.className = "frozen";
      tr.appendChild(document.createElement("th")).textContent = String(r + 1);
      for (let c = 0; c < nCols; c++) {
        const td = tr.insertCell();
        td.dataset.cell = `${r}:${c}`;
        if (r >= rows || c >= cols) continue;
        const v = this.book.engine.value(sheet, r, c);
        const style = this.book.style(sheet, r, c);
        if (v !== null && typeof v === "object") {
          td.textContent = v.error;
          td.className = "error";
          if (v.message) td.title = v.message;
        } else {
          td.textContent = formatValue(v, style?.numberFormat);
          if (typeof v === "number") td.classList.add("num");
        }
        if (style?.bold) td.classList.add("bold");
        if (style?.color) td.style.color = style.color;
        if (this.book.engine.formula(sheet, r, c)) td.classList.add("formula");
      }
    }
    this.el.grid.replaceChildren(table);
    if (this.selected.row >= nRows || this.selected.col >= nCols) this.selected = { row: 0, col: 0 };
    this.select(this.selected.row, this.selected.col);
  }

  private renderTabs(): void {
    const tabs = this.book.sheetNames.map((name) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = name;
      b.className = name === this.book.active ? "tab active" : "tab";
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(name === this.book.active));
      b.addEventListener("click", () => {
        this.book.active = name;
        this.book.notify();
      });
      return b;
    });
    this.el.tabs.replaceChildren(...tabs);
  }
}
