/**
 * Errors as values. A core function returns either its result or a Fault: the Excel error
 * type it maps to, the argument at fault (when there is one) and a message from the
 * catalogue in `messages.ts`. Nothing in the core throws for bad input.
 */
export type FaultKind = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

export class Fault {
  constructor(
    readonly kind: FaultKind,
    readonly message: string,
    readonly arg?: string,
  ) {}

  toString(): string {
    return `${this.kind} ${this.message}`;
  }
}

export function isFault(x: unknown): x is Fault {
  return x instanceof Fault;
}

/**
 * A result float64 cannot hold (an overflow, an undefined 0/0): Excel's #NUM!, raised at the
 * Excel boundary (src/functions/excel.ts) for any function. Kept here rather than in MSG so
 * the boundary imports nothing else from the core (the bundle then inlines MSG's entries).
 */
export const NOT_REPRESENTABLE = new Fault(
  "#NUM!",
  "The result is beyond the numbers Excel can hold (about ±1.8e308) or undefined for these inputs.",
);
