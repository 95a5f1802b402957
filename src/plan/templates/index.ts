/**
 * The registry of deal templates, in the order the task pane and `loan template --list` show
 * them: a new template is its own file (a `template({…})` of base.ts) and one entry here. The
 * tests, the pane and the CLI take the list from here.
 */
import { AGENCY } from "./agency";
import { BLANK } from "./blank";
import { BRIDGE } from "./bridge";
import { CMBS } from "./cmbs";
import { LIFE_COMPANY } from "./life-company";
import { RESIDENTIAL_CA_TX } from "./residential";
import type { DealTemplate } from "./types";
import { VALUE_ADD } from "./value-add";

export * from "./types";

export const TEMPLATES: readonly DealTemplate[] = [
  VALUE_ADD,
  CMBS,
  AGENCY,
  LIFE_COMPANY,
  BRIDGE,
  RESIDENTIAL_CA_TX,
  BLANK,
];

export function findTemplate(id: string): DealTemplate | undefined {
  const key = id.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id === key);
}
