/** Small assertions shared by the core tests. */
import { Fault } from "../src/core";
import type { Io } from "../src/engine/cli";

export function num(x: unknown): number {
  if (x instanceof Fault) throw new Error(`unexpected fault: ${x.message}`);
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x).slice(0, 100)}`);
  return x;
}

export function fault(x: unknown): Fault {
  if (!(x instanceof Fault)) throw new Error(`expected a fault, got ${JSON.stringify(x).slice(0, 200)}`);
  return x;
}

/** |actual − expected| ≤ half a cent: "to the cent". */
export function toTheCent(actual: unknown, expected: number): boolean {
  return Math.abs(num(actual) - expected) <= 0.005;
}

import fc from "fast-check";

/**
 * Annual rates for property tests. Rates below 1e-12 in size become 0: the 60-digit
 * reference cannot tell (1 + i) from 1 beyond that, so it, not the core, would be wrong.
 */
export function rateArb(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true }).map((r) => (Math.abs(r) < 1e-12 ? 0 : r));
}

/** The command-line tool's output streams, captured (not a terminal: no progress bar). */
export function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (t) => stderr.push(t), errIsTty: false };
}

/** A rows × cols range of zeros: the value a message echoes as "a range of rows×cols cells". */
export function cells(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}
