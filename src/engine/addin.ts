/**
 * The add-in as the engine sees it: the metadata Excel reads (`functions.json`) and the
 * functions the production bundle registers with `CustomFunctions.associate`. Both come
 * from the same build Excel loads, so the engine computes exactly what Excel computes, and
 * a function declared in src/core reaches the engine with no extra code.
 */

/** The part of functions.json the engine uses. */
export interface FunctionsJson {
  functions: FunctionEntry[];
}

export interface FunctionEntry {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }[];
  result: { dimensionality?: string; type?: string };
}

export type AddinFunction = (...args: unknown[]) => unknown;

export interface Addin {
  /** The namespace Excel puts before each name (LOAN). */
  namespace: string;
  metadata: FunctionsJson;
  /** id → the function the bundle associated with it. */
  functions: Map<string, AddinFunction>;
}

/** An error raised by an add-in function, as the stand-in CustomFunctions.Error records it. */
export class AddinError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

/** The error codes Excel's runtime defines on CustomFunctions.ErrorCode. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

/**
 * A stand-in for Excel's `CustomFunctions` global: collects the associations a bundle
 * makes while it loads, and gives its functions the Error class they throw.
 */
export function customFunctionsStandIn(into: Map<string, AddinFunction>): Record<string, unknown> {
  return {
    Error: AddinError,
    ErrorCode: ERROR_CODES,
    associate(id: string, fn: AddinFunction) {
      if (into.has(id)) throw new Error(`the add-in associates ${id} twice`);
      into.set(id, fn);
    },
  };
}

/** Checks that the bundle registered exactly the functions of its metadata. */
export function checkAddin(addin: Addin): void {
  const ids = new Set(addin.metadata.functions.map((f) => f.id));
  const missing = [...ids].filter((id) => !addin.functions.has(id));
  const extra = [...addin.functions.keys()].filter((id) => !ids.has(id));
  if (missing.length || extra.length) {
    throw new Error(
      `functions.json and functions.js disagree: missing ${missing.join(", ") || "none"}, extra ${extra.join(", ") || "none"}`,
    );
  }
}
