/**
 * The bundle's packed state table (scripts/pack-state-table.js) against the readable one:
 * the webpack loader's output, run, gives back exactly the module's exports, and the text
 * compression it uses round-trips any text without its marker.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as table from "../src/core/data/state-law";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS webpack loader
const loader = require("../scripts/pack-state-table.js") as {
  (source: string): string;
  compress(text: string): string;
  unpack(packed: string, fields: readonly string[]): Record<string, unknown>;
  packText(atoms: readonly unknown[], facts: readonly number[][], rows: readonly [string, number[]][]): string;
  encodeIndex(n: number): string;
};

const SOURCE = readFileSync(join(__dirname, "..", "src", "core", "data", "state-law.ts"), "utf8");

/** The packed module's exports, by running its code. */
function runPacked(code: string): Record<string, unknown> {
  const names = [...code.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  const body = code.replace(/^export const /gm, "const ");
  return new Function(`${body}\nreturn { ${names.join(", ")} };`)() as Record<string, unknown>;
}

test("the packed module exports what the readable table exports, field for field, caveats included", () => {
  const packed = runPacked(loader(SOURCE));
  expect(packed.STATE_TABLE_VERSION).toBe(table.STATE_TABLE_VERSION);
  expect(packed.REVIEWED).toBe(table.REVIEWED);
  expect(packed.FACT_FIELDS).toEqual([...table.FACT_FIELDS]);
  expect(packed.STATES).toEqual(JSON.parse(JSON.stringify(table.STATES)));
});

test("the packed table is smaller than the readable one", () => {
  expect(loader(SOURCE).length).toBeLessThan(SOURCE.length / 2);
});

test("property: compression round-trips text without the marker", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.nat({ max: 30 }), (s, times) => {
      const text = (s + " caveat, citation; ".repeat(times) + s).replace(/`/g, "'");
      const unpacked = loader.unpack(loader.packText([text], [[0, 0, 0, 0]], [["XX", [0]]]), ["F"]);
      return (unpacked.XX as { F: { value: string; caveat: string } }).F.caveat === text;
    }),
  );
});

test("a marker in the table's text is refused at build time", () => {
  expect(() => loader.compress("a ` b")).toThrow(/may not contain `/);
});

test("property: indexes written as digits come back (one digit below 80, two up to 979), in any order", () => {
  const atoms = Array.from({ length: 980 }, (_, k) => `a${k}`);
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 979 }), { minLength: 4, maxLength: 80 }), (picks) => {
      const n = Math.floor(picks.length / 4);
      const facts = Array.from({ length: n }, (_, k) => picks.slice(4 * k, 4 * k + 4));
      const rows: [string, number[]][] = [["AA", facts.map((_, k) => k)]];
      const fields = facts.map((_, k) => `F${k}`);
      const unpacked = loader.unpack(loader.packText(atoms, facts, rows), fields);
      const entry = unpacked.AA as Record<string, { value: string; caveat: string }>;
      return facts.every((f, k) => entry[`F${k}`].value === atoms[f[0]] && entry[`F${k}`].caveat === atoms[f[3]]);
    }),
  );
  expect(loader.encodeIndex(79)).toHaveLength(1);
  expect(loader.encodeIndex(80)).toHaveLength(2);
  expect(loader.encodeIndex(979)).toHaveLength(2);
  for (let n = 0; n < 980; n++) expect(loader.encodeIndex(n)).not.toMatch(/[`\\"]/);
});

test("a table too large for two digits, or a state code not of two characters, is refused at build time", () => {
  expect(() => loader.encodeIndex(980)).toThrow(/too many entries/);
  expect(() => loader.packText(["x"], [[0, 0, 0, 0]], [["XYZ", [0]]])).toThrow(/2 characters: XYZ/);
});
