/** Formula text the plans write: LOAN.* calls and quoted text. */

/** `LOAN.FN(a,b,,d)`: a call with its arguments in order; undefined leaves an argument out (its default). */
export function call(fn: string, ...args: (string | undefined)[]): string {
  return `LOAN.${fn}(${args.map((a) => a ?? "").join(",")})`;
}

/** Text as a formula literal: "say ""hi""". */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
