/**
 * Helpers for the engine's versions of HyperFormula's built-ins (excel-compat.ts,
 * excel-complex.ts).
 */
import { CellError, HyperFormula, type FunctionPluginDefinition, type ImplementedFunctions } from "hyperformula";

/** A number HyperFormula hands a plugin (plain, or a typed date/percent/currency number). */
export function rawNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof CellError) &&
    typeof (v as { val?: unknown }).val === "number"
  )
    return (v as { val: number }).val;
  return undefined;
}

export type Ast = { args: Ast[]; type?: string; value?: unknown };
export interface PluginSelf {
  evaluateAst(ast: Ast, state: unknown): unknown;
}
export type Override = (
  this: PluginSelf,
  base: (ast: Ast, state: unknown) => unknown,
  ast: Ast,
  state: unknown,
) => unknown;

/**
 * HyperFormula's own plugin for these functions, with each one's method replaced by an
 * override that may call the original (`base`). Only the functions named are registered
 * from it; the plugin's others stay as they were.
 */
export function overridePlugin(overrides: Record<string, Override>): FunctionPluginDefinition {
  const names = Object.keys(overrides);
  const Base = HyperFormula.getFunctionPlugin(names[0]) as unknown as new (...args: never[]) => object;
  const own = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;
  class Overridden extends Base {}
  const proto = Overridden.prototype as unknown as Record<string, unknown>;
  const base = Base.prototype as unknown as Record<string, (ast: Ast, state: unknown) => unknown>;
  for (const name of names) {
    if (HyperFormula.getFunctionPlugin(name) !== (Base as unknown))
      throw new Error(`${name} is not in ${names[0]}'s plugin`);
    const method = own[name].method;
    const override = overrides[name];
    proto[method] = function (this: PluginSelf, ast: Ast, state: unknown) {
      return override.call(this, (a, st) => base[method].call(this, a, st), ast, state);
    };
  }
  (Overridden as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = Object.fromEntries(
    names.map((n) => [n, own[n]]),
  );
  // HyperFormula makes one instance per plugin class and reuses it for any function whose
  // class it is an instance of: an instance of this subclass may serve the original's other
  // functions, so it answers their metadata too.
  proto.metadata = function (this: unknown, name: string) {
    return own[name] ?? (base as unknown as { metadata(n: string): unknown }).metadata.call(this, name);
  };
  // The original's aliases (VAR for VAR.S…) stay with the original's functions.
  (Overridden as unknown as { aliases: Record<string, string> }).aliases = {};
  return Overridden as unknown as FunctionPluginDefinition;
}
