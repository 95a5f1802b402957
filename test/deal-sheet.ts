/**
 * A deal template's sheet computed by the headless engine (the built add-in in dist/), for
 * the deal tests: cells read and written by name, rows found by their label in column A.
 * Each test file closes the engines it opened with `afterAll(closeDeals)`.
 */
import path from "path";
import { loadAddin } from "../src/engine/load-node";
import { evaluatePlan } from "../src/engine/plan-writers";
import type { CellResult, EngineWorkbook } from "../src/engine/workbook";
import { buildDealPlan, type DealOptions } from "../src/plan/deal";
import { parseRange } from "../src/plan/a1";
import { type SheetPlan } from "../src/plan/plan";
import type { DealInputs, DealTemplate } from "../src/plan/templates/types";

const addin = loadAddin(path.resolve(__dirname, "..", "dist"));
const opened: EngineWorkbook[] = [];

/** Destroys every engine this file's deals opened. */
export function closeDeals(): void {
  opened.splice(0).forEach((e) => e.destroy());
}

export class ComputedDeal {
  readonly engine: EngineWorkbook;
  constructor(readonly plan: SheetPlan) {
    this.engine = evaluatePlan(addin, plan);
    opened.push(this.engine);
  }

  /** The template's sheet with the analyst's inputs and options, computed. */
  static of(template: DealTemplate, inputs: Partial<DealInputs> = {}, options: DealOptions = {}): ComputedDeal {
    return new ComputedDeal(buildDealPlan(template, inputs, options));
  }

  /** The range a name refers to (0-based rows and columns). */
  range(name: string): ReturnType<typeof parseRange> {
    const n = (this.plan.names ?? []).find((x) => x.name === name);
    if (!n) throw new Error(`no name ${name}`);
    return parseRange(n.address);
  }

  /** The cells of a name's first row, left to right. */
  named(name: string): CellResult[] {
    const r = this.range(name);
    const out: CellResult[] = [];
    for (let col = r.left; col <= r.right; col++) out.push(this.engine.value(this.plan.sheetName, r.top, col));
    return out;
  }

  /** A name's first cell, which must be a number. */
  num(name: string): number {
    const v = this.named(name)[0];
    if (typeof v !== "number") throw new Error(`${name} is ${JSON.stringify(v)}`);
    return v;
  }

  /** Writes a constant into a name's first cell. */
  set(name: string, value: number | boolean | string): void {
    const r = this.range(name);
    this.engine.setCells(this.plan.sheetName, r.top, r.left, [[value]]);
  }

  /** The sheet's computed values, row by row. */
  values(): CellResult[][] {
    return this.engine.sheetValues(this.plan.sheetName);
  }

  /** The 0-based index of the first row at or after `from` labelled `label` in column A. */
  rowIndex(label: string, from = 0): number {
    const r = this.values().findIndex((line, i) => i >= from && line[0] === label);
    if (r < 0) throw new Error(`no row labelled ${label}`);
    return r;
  }
}
