/**
 * The functions' metadata as the build generates it from the JSDoc in src/functions (the same
 * generator that writes functions.json; see scripts/functions-metadata.cjs), for code that runs
 * in the add-in: the task pane's guide. The build inlines it (webpack's DefinePlugin), so the
 * pane needs no request to read it; jest.config.js provides it to the tests. Plain data, no
 * Office.
 */

/** One function as in functions.json. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  /** The JSDoc description, wrapped lines joined; each `Example:` line on a line of its own. */
  readonly description?: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly description?: string;
    readonly optional?: boolean;
    readonly dimensionality?: string;
    readonly type?: string;
  }[];
  readonly result?: { readonly dimensionality?: string; readonly type?: string };
}

/** One family file of src/functions and the functions its JSDoc declares, in source order. */
export interface FunctionFamily {
  /** The file's name without .ts (financing). */
  readonly family: string;
  /** The file, relative to the repository (src/functions/financing.ts). */
  readonly file: string;
  readonly functions: readonly FunctionMetadata[];
  /** Function id → the adapter's exported name (PAYMENT → payment). */
  readonly adapters: Readonly<Record<string, string>>;
}

declare const __LOAN_FUNCTION_FAMILIES__: readonly FunctionFamily[];

/** Every family, in file-name order. */
export const FUNCTION_FAMILIES: readonly FunctionFamily[] = __LOAN_FUNCTION_FAMILIES__;
