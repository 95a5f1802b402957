/**
 * The functions' metadata for the tests: the same data the build generates from the JSDoc of
 * src/functions (jest.config.js provides it; see src/functions/metadata.ts), and the adapters
 * behind each id.
 */
import * as path from "path";
import { FUNCTION_FAMILIES, type FunctionMetadata } from "../src/functions/metadata";

/** Every declared function id, in family-file order. */
export const FUNCTION_IDS: readonly string[] = FUNCTION_FAMILIES.flatMap((f) => f.functions.map((fn) => fn.id));

/** Every declared function's metadata, as in functions.json. */
export const FUNCTIONS: readonly FunctionMetadata[] = FUNCTION_FAMILIES.flatMap((f) => f.functions);

/** The ids a family file declares (lender → STATE_RULE, …). */
export function familyIds(family: string): string[] {
  const found = FUNCTION_FAMILIES.find((f) => f.family === family);
  if (!found) throw new Error(`no family file src/functions/${family}.ts`);
  return found.functions.map((f) => f.id);
}

/** The adapter Excel calls for an id: the function its JSDoc sits on, loaded from its family file. */
export function adapterFor(id: string): (...args: unknown[]) => unknown {
  const family = FUNCTION_FAMILIES.find((f) => f.adapters[id] !== undefined);
  if (!family) throw new Error(`no adapter for ${id}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the family file is known only at run time
  const module = require(path.resolve(__dirname, "..", family.file)) as Record<string, unknown>;
  const adapter = module[family.adapters[id]];
  if (typeof adapter !== "function") throw new Error(`${family.file} does not export ${family.adapters[id]}`);
  return adapter as (...args: unknown[]) => unknown;
}
