/**
 * Renders a sheet of the preview book as Excel shows it: column letters and row numbers,
 * the plan's column widths, frozen rows and columns kept in view while the rest scrolls,
 * text overflowing into empty neighbours, number formats and fonts as written, color scales
 * (heat maps) shading cells by their computed values, errors as
 * Excel shows them (with the message on hover and in the status line), and a formula bar.
 *
 * The keyboard works as in Excel: arrow keys move the selection, Tab and Enter move right
 * and down (with Shift, back), typing starts an entry in the formula bar (F2 edits the
 * cell's), Enter or Tab there enters it and moves on, Escape cancels, Delete clears. An
 * entry is read as Excel reads it (see entry.ts). The grid is no keyboard trap: Tab at the
 * last column (Shift+Tab at column A), Escape and Ctrl+Tab move on to the page's next
 * control (the sheet tabs, the zoom, the playground). An empty sheet says what to do first.
 */
import { address, column } from "../plan/a1";
import type { PreviewBook } from "./book";
import { parseEntry } from "./entry";
import { formatValue } from "./format";
import { PREVIEW_MSG as M } from "./messages";

const MAX_ROWS = 400;
const MAX_COLS = 40;
/** Excel's default column width: 8.43 characters, 48 points. */
const DEFAULT_WIDTH_PT = 48;
/** Points → CSS pixels at 100 % zoom. */
const PX_PER_PT = 4 / 3;
/** Row height and the row-number column's width, in CSS pixels (kept in step with preview.css). */
const ROW_PX = 20;
const ROWNUM_PX = 40;

export interface GridElements {
  tabs: HTMLElement;
  grid: HTMLElement;
  nameBox: HTMLElement;
  /** Shows the selected cell's formula or value; Enter writes what it holds into the cell. */
  formulaBar: HTMLInputElement;
  message: HTMLElement;
  /** The zoom choice (a select of percentages). */
  zoom?: HTMLSelectElement;
}

export class GridView {
  private selected = { row: 0, col: 0 };
  private size = { rows: 20, cols: 8 };

  constructor(
    private readonly book: PreviewBook,
    private readonly el: GridElements,
  ) {
    book.onChange(() => this.render());
    el.grid.addEventListener("mousedown", (e) => {
      const td = (e.target as HTMLElement).closest("td[data-cell]") as HTMLElement | null;
      if (!td) return;
      const [row, col] = (td.dataset.cell ?? "0:0").split(":").map(Number);
      this.select(row, col);
      // Keep the keyboard with the grid, as a click on a cell in Excel does.
      e.preventDefault();
      el.grid.focus({ preventScroll: true });
    });
    el.grid.addEventListener("keydown", (e) => this.onGridKey(e));
    el.formulaBar.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        this.commit(el.formulaBar.value);
        if (e.key === "Enter") this.move(e.shiftKey ? -1 : 1, 0);
        else this.move(0, e.shiftKey ? -1 : 1);
        el.grid.focus({ preventScroll: true });
      } else if (e.key === "Escape") {
        e.preventDefault();
        this.showSelection();
        el.grid.focus({ preventScroll: true });
      }
    });
    el.zoom?.addEventListener("change", () => this.applyZoom());
    el.grid.addEventListener("scroll", () => el.grid.classList.toggle("scrolled-x", el.grid.scrollLeft > 0), {
      passive: true,
    });
  }

  /** Writes an entry into the selected cell as typing it into Excel would: a formula, number, date or text. */
  commit(typed: string): void {
    const { row, col } = this.selected;
    const sheet = this.book.active;
    const entry = parseEntry(typed, this.book.style(sheet, row, col)?.numberFormat);
    this.book.engine.setCells(sheet, row, col, [[entry.content]]);
    if (entry.format) this.book.writeStyle(sheet, address(row, col), { numberFormat: entry.format });
    this.book.notify();
  }

  select(row: number, col: number): void {
    this.selected = {
      row: Math.max(0, Math.min(row, this.size.rows - 1)),
      col: Math.max(0, Math.min(col, this.size.cols - 1)),
    };
    this.el.grid.querySelectorAll("td.selected").forEach((x) => x.classList.remove("selected"));
    const td = this.cellElement(this.selected.row, this.selected.col);
    td?.classList.add("selected");
    this.el.grid.setAttribute("aria-activedescendant", td?.id ?? "");
    this.showSelection();
  }

  /** Moves the selection by rows and columns, scrolling it into view. */
  move(dRow: number, dCol: number): void {
    this.select(this.selected.row + dRow, this.selected.col + dCol);
    this.scrollIntoView();
  }

  private cellElement(row: number, col: number): HTMLElement | null {
    return this.el.grid.querySelector(`td[data-cell="${row}:${col}"]`);
  }

  private onGridKey(e: KeyboardEvent): void {
    // Leaving the grid (no keyboard trap): Escape or Ctrl+Tab go on to the sheet tabs, zoom and playground;
    // Ctrl+Shift+Tab goes back; Tab at the last column and Shift+Tab at column A leave it as Tab does anywhere.
    if (e.key === "Escape" || (e.key === "Tab" && e.ctrlKey)) {
      e.preventDefault();
      this.leave(e.shiftKey ? -1 : 1);
      return;
    }
    if (e.key === "Tab" && (e.shiftKey ? this.selected.col === 0 : this.selected.col === this.size.cols - 1)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const step = moves[e.key];
    if (step) {
      e.preventDefault();
      this.move(step[0], step[1]);
    } else if (e.key === "F2") {
      e.preventDefault();
      this.edit();
    } else if (e.key === "Delete") {
      e.preventDefault();
      this.commit("");
    } else if (e.key.length === 1) {
      // Typing replaces the cell's content, as in Excel: the entry starts in the formula bar.
      e.preventDefault();
      this.edit(e.key);
    }
  }

  /** Moves the keyboard focus out of the grid: to the next focusable element after it (1), or before it (−1). */
  private leave(direction: 1 | -1): void {
    const focusable = Array.from(
      document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])',
      ),
    ).filter((x) => x === this.el.grid || !this.el.grid.contains(x));
    const at = focusable.indexOf(this.el.grid);
    const next = focusable[at + direction];
    if (next) next.focus();
    else this.el.grid.blur();
  }

  /** Starts editing the selected cell in the formula bar: its content, or `start` typed afresh. */
  private edit(start?: string): void {
    const bar = this.el.formulaBar;
    if (start !== undefined) bar.value = start;
    bar.focus();
    bar.setSelectionRange(bar.value.length, bar.value.length);
  }

  /** Scrolls the grid so the selected cell is in view and not under the frozen panes. */
  private scrollIntoView(): void {
    const td = this.cellElement(this.selected.row, this.selected.col);
    const table = this.el.grid.querySelector("table");
    if (!td || !table) return;
    const grid = this.el.grid;
    const frozen = this.book.frozen.get(this.book.active) ?? { rows: 0, cols: 0 };
    const g = grid.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    const head = table.tHead?.getBoundingClientRect().height ?? 0;
    const frozenBottom =
      frozen.rows > 0 ? this.cellElement(frozen.rows - 1, 0)?.getBoundingClientRect().bottom : undefined;
    const frozenRight =
      frozen.cols > 0 ? this.cellElement(0, frozen.cols - 1)?.getBoundingClientRect().right : undefined;
    if (this.selected.row >= frozen.rows) {
      const top = frozenBottom ?? g.top + head;
      if (r.top < top) grid.scrollTop -= top - r.top;
      else if (r.bottom > g.top + grid.clientHeight) grid.scrollTop += r.bottom - (g.top + grid.clientHeight);
    }
    if (this.selected.col >= frozen.cols) {
      const left = frozenRight ?? g.left + (table.tBodies[0]?.rows[0]?.cells[0]?.getBoundingClientRect().width ?? 0);
      if (r.left < left) grid.scrollLeft -= left - r.left;
      else if (r.right > g.left + grid.clientWidth) grid.scrollLeft += r.right - (g.left + grid.clientWidth);
    }
  }

  private showSelection(): void {
    const { row, col } = this.selected;
    const sheet = this.book.active;
    const formula = this.book.engine.formula(sheet, row, col);
    const value = this.book.engine.value(sheet, row, col);
    this.el.nameBox.textContent = address(row, col);
    this.el.formulaBar.value = formula ?? (value === null || typeof value === "object" ? "" : String(value));
    const message = value !== null && typeof value === "object" ? this.book.explain(sheet, row, col) : undefined;
    this.el.message.textContent =
      value !== null && typeof value === "object" ? `${value.error}${message ? `: ${message}` : ""}` : "";
  }

  /** The zoom, from the zoom control; without one (or on "fit"), a zoom that fits the frozen columns and two more. */
  private zoomFactor(widths: number[], frozenCols: number): number {
    const chosen = this.el.zoom?.value;
    if (chosen && chosen !== "fit") return Number(chosen) / 100;
    const wanted = ROWNUM_PX + widths.slice(0, frozenCols + 2).reduce((a, b) => a + b, 0) + 20;
    const room = this.el.grid.clientWidth;
    if (room <= 0 || wanted <= room) return 1;
    return Math.max(0.6, Math.floor((room / wanted) * 20) / 20);
  }

  private applyZoom(): void {
    this.render();
  }

  render(): void {
    this.renderTabs();
    const sheet = this.book.active;
    const { rows, cols } = this.book.usedSize(sheet);
    const nRows = Math.min(MAX_ROWS, Math.max(rows + 2, 20));
    const nCols = Math.min(MAX_COLS, Math.max(cols + 1, 8));
    this.size = { rows: nRows, cols: nCols };
    const pointWidths = this.book.widths.get(sheet);
    const widths = Array.from({ length: nCols }, (_, c) =>
      Math.round((pointWidths?.get(c) ?? DEFAULT_WIDTH_PT) * PX_PER_PT),
    );
    const frozen = this.book.frozen.get(sheet) ?? { rows: 0, cols: 0 };
    const frozenRows = Math.min(frozen.rows, nRows);
    const frozenCols = Math.min(frozen.cols, nCols);
    // Where each frozen column sticks: after the row numbers and the frozen columns to its left.
    const lefts = [ROWNUM_PX];
    for (let c = 0; c < frozenCols; c++) lefts.push(lefts[c] + widths[c]);

    const table = document.createElement("table");
    table.className = "sheet";
    table.setAttribute("role", "grid");
    table.setAttribute("aria-label", `Sheet ${sheet}`);
    table.setAttribute("aria-rowcount", String(nRows));
    table.setAttribute("aria-colcount", String(nCols));
    const colgroup = document.createElement("colgroup");
    colgroup.appendChild(document.createElement("col")).className = "rownum";
    for (const px of widths) colgroup.appendChild(document.createElement("col")).style.width = `${px}px`;
    // A fixed layout needs the table's width; text then stays within its column unless it overflows.
    table.style.width = `${ROWNUM_PX + widths.reduce((a, b) => a + b, 0)}px`;
    table.appendChild(colgroup);
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement("th")).className = "corner";
    for (let c = 0; c < nCols; c++) {
      const th = head.appendChild(document.createElement("th"));
      th.textContent = column(c);
      th.setAttribute("scope", "col");
      if (c < frozenCols) this.freezeColumn(th, lefts[c], c === frozenCols - 1);
    }
    const shades = this.book.shades(sheet);
    // Rows fitted to their wrapped text are as high as it needs (points × 4/3 pixels), the others 20 px.
    const fitted = this.book.rowHeights(sheet);
    const rowPx = (r: number) => Math.max(ROW_PX, Math.round((fitted.get(r) ?? 0) * PX_PER_PT));
    // Where each frozen row sticks: below the column letters and the frozen rows above it.
    const tops = [ROW_PX];
    for (let r = 0; r < frozenRows; r++) tops.push(tops[r] + rowPx(r));
    const body = table.createTBody();
    for (let r = 0; r < nRows; r++) {
      const tr = body.insertRow();
      if (fitted.has(r)) tr.style.height = `${rowPx(r)}px`;
      const rowHead = tr.appendChild(document.createElement("th"));
      rowHead.textContent = String(r + 1);
      rowHead.setAttribute("scope", "row");
      const isFrozenRow = r < frozenRows;
      if (isFrozenRow) {
        tr.className = r === frozenRows - 1 ? "frozen last" : "frozen";
        rowHead.style.top = `${tops[r]}px`;
      }
      const values = Array.from({ length: nCols }, (_, c) =>
        r < rows && c < cols ? this.book.engine.value(sheet, r, c) : null,
      );
      for (let c = 0; c < nCols; c++) {
        const td = tr.insertCell();
        td.dataset.cell = `${r}:${c}`;
        td.id = `cell-${r}-${c}`;
        td.setAttribute("role", "gridcell");
        if (isFrozenRow) td.style.top = `${tops[r]}px`;
        if (c < frozenCols) this.freezeColumn(td, lefts[c], c === frozenCols - 1);
        if (r >= rows || c >= cols) continue;
        const v = values[c];
        const style = this.book.style(sheet, r, c);
        if (v !== null && typeof v === "object") {
          td.textContent = v.error;
          td.classList.add("error");
          const message = this.book.explain(sheet, r, c);
          if (message) td.title = `${v.error}: ${message}`;
        } else if (typeof v === "string" && v !== "") {
          // Text runs on over empty neighbours to its right, as in Excel. From a frozen column
          // into the scrolling ones only while the sheet is not scrolled sideways (see preview.css).
          let span = widths[c];
          let crosses = false;
          // Wrapped text stays in its column; the row grows to fit it (as Excel's autofit).
          if (style?.wrap) td.classList.add("wrap");
          for (let k = c + 1; !style?.wrap && k < nCols && values[k] === null; k++) {
            span += widths[k];
            if (c < frozenCols && k >= frozenCols) crosses = true;
          }
          const text = td.appendChild(document.createElement("span"));
          text.className = "text";
          text.textContent = v;
          if (span > widths[c]) {
            td.classList.add("overflow");
            if (crosses) td.classList.add("crosses");
            text.style.setProperty("--span", `${span - 8}px`);
          }
        } else {
          td.textContent = formatValue(v, style?.numberFormat);
          if (typeof v === "number") td.classList.add("num");
          if (typeof v === "boolean") td.classList.add("bool");
        }
        if (style?.bold) td.classList.add("bold");
        if (style?.color) td.style.color = style.color;
        const shade = shades.get(`${r}:${c}`);
        if (shade) td.style.backgroundColor = shade;
        if (this.book.engine.formula(sheet, r, c)) td.classList.add("formula");
      }
    }
    table.style.zoom = String(this.zoomFactor(widths, frozenCols));
    this.el.grid.replaceChildren(table);
    // An empty sheet (the preview's first) says what to do first.
    if (rows === 0 && cols === 0) {
      const note = document.createElement("p");
      note.className = "empty-sheet";
      note.id = "empty-sheet";
      note.setAttribute("role", "note");
      note.textContent = M.emptySheet();
      this.el.grid.appendChild(note);
    }
    this.el.grid.dataset.frozen = `${frozenRows}:${frozenCols}`;
    this.select(this.selected.row, this.selected.col);
  }

  private freezeColumn(cell: HTMLElement, left: number, last: boolean): void {
    cell.classList.add("frozen-col");
    if (last) cell.classList.add("frozen-col-last");
    cell.style.left = `${left}px`;
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
