/**
 * The headless workbook engine: HyperFormula with the add-in's LOAN.* functions, and the
 * .xlsx recalculation behind `npx loan recalc`. Node only; never part of the add-in's
 * bundles (HyperFormula is used under its GPLv3 license key).
 */
export { loadAddin, defaultDist } from "./load-node";
export { EngineWorkbook, type SheetInput, type NameInput, type CellResult } from "./workbook";
export { recalcXlsx, normalizeFormula, RecalcError, type RecalcSummary } from "./xlsx";
export { main as cli } from "./cli";
export type { Addin, FunctionsJson, FunctionEntry } from "./addin";
