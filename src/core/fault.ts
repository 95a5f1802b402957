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
