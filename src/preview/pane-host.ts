/**
 * Runs in the preview's task-pane frame before the pane's own script: puts the preview
 * page's emulation of Excel (see excel-api.ts) in place of Office and Excel, so the
 * pane's unchanged code writes into the preview's workbook. The frame's page is the pane's
 * own (taskpane.html) built without the Office.js script tag.
 */
interface PreviewGlobals {
  loanPreview?: { office: object; excel: unknown };
}

const host = (window.parent as unknown as PreviewGlobals).loanPreview;
const w = window as unknown as Record<string, unknown>;
if (host) {
  w.Office = host.office;
  w.Excel = host.excel;
} else {
  document.documentElement.dataset.previewHost = "missing";
}

export {};
