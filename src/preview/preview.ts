/**
 * The preview page: the real task pane (in a frame, its code unchanged) beside a grid
 * showing the workbook the pane writes, computed in the browser by the headless engine
 * with the add-in's own functions; a formula bar, charts, and a function playground.
 */
import { PreviewBook } from "./book";
import { renderCharts } from "./chart";
import { excelFor, officeFor } from "./excel-api";
import { GridView } from "./grid";
import { loadAddinInBrowser } from "./load-browser";
import { mountPlayground } from "./playground";
import { PREVIEW_MSG as M } from "./messages";

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`preview.html lacks #${id}`);
  return e as T;
}

async function start(): Promise<void> {
  const status = byId("preview-status");
  try {
    const addin = await loadAddinInBrowser(".");
    const book = new PreviewBook(addin);
    const grid = new GridView(book, {
      tabs: byId("sheet-tabs"),
      grid: byId("grid"),
      nameBox: byId("name-box"),
      formulaBar: byId<HTMLInputElement>("formula-bar"),
      message: byId("cell-message"),
      zoom: byId<HTMLSelectElement>("zoom"),
    });
    const charts = byId("charts");
    book.onChange(() => renderCharts(book, charts));
    // The charts take the width there is: drawn again when it changes.
    let width = charts.clientWidth;
    new ResizeObserver(() => {
      if (charts.clientWidth === width || charts.hidden) return;
      width = charts.clientWidth;
      renderCharts(book, charts);
    }).observe(charts);
    (window as unknown as Record<string, unknown>).loanPreview = { office: officeFor(), excel: excelFor(book), book };
    grid.render();
    renderCharts(book, charts);
    mountPlayground(book, addin.metadata.functions, {
      input: byId<HTMLInputElement>("playground-input"),
      result: byId("playground-result"),
      help: byId("playground-help"),
    });
    byId<HTMLIFrameElement>("pane").src = "preview-pane.html";
    status.textContent = "";
    document.body.dataset.ready = "true";
  } catch (e) {
    status.textContent = M.cannotStart(e instanceof Error ? e.message : String(e));
  }
}

void start();
