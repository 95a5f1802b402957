/**
 * The functions' declarations as src/core states them (define(id, params, impl, HELP && {…})),
 * loaded the way the generator loads them (scripts/declarations.cjs): the independent side of
 * the tests that check what is generated from them (the adapters, functions.json, the guide,
 * docs/functions.md).
 */
import * as path from "path";

export interface DeclaredParam {
  readonly name: string;
  readonly optional: boolean;
  readonly fallback?: unknown;
  readonly rule: string;
  readonly range?: boolean;
}

export interface DeclaredHelp {
  readonly family: string;
  readonly summary: string;
  readonly details: string;
  readonly section: number;
  readonly params: Readonly<Record<string, string>>;
  readonly returns: string;
  readonly result: "number" | "string" | "boolean" | "any" | "matrix";
  readonly examples: readonly string[];
  readonly cost: "simple" | "composite" | "apart";
}

export interface Declaration {
  readonly id: string;
  /** The core module, from the repository root without .ts (src/core/recourse). */
  readonly module: string;
  readonly exportName: string;
  readonly fn: ((...args: unknown[]) => unknown) & { readonly params: readonly DeclaredParam[] };
  readonly help: DeclaredHelp;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator's own CommonJS loader
const loader = require(path.resolve(__dirname, "..", "scripts", "declarations.cjs")) as {
  declarations: () => Declaration[];
};

/** Every declared function, module by module, each module's in source order. */
export const DECLARATIONS: readonly Declaration[] = loader.declarations();
