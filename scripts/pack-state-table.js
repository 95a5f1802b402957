/**
 * Build-time packing of the state table (src/core/data/state-law.ts), a webpack loader.
 *
 * The table is written for people: one entry per state, every field an object
 * { value, citation, confidence, caveat }. Written out like that in the bundle it would
 * cost tens of kilobytes of repeated property names and repeated citations. This loader
 * compiles the table module, evaluates it, and emits an equivalent module in which every
 * distinct value, citation and caveat appears once and each state is a list of indexes (one or
 * two characters each, the most used first); a few lines of code rebuild the objects when the
 * bundle loads, identical to the readable ones (test/state-table-pack.test.ts compares them).
 * The caveats ride along so that LOAN.STATE_RULE(state, "FIELD.CAVEAT") can show them.
 */
"use strict";
const ts = require("typescript");

/** The table module's exports, by compiling and running its source (it imports nothing). */
function evaluate(source) {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const exports = {};
  new Function("exports", "module", js)(exports, { exports });
  return exports;
}

/**
 * Text compression for the packed lists: a repeat of 5 to 99 characters seen up to 9,024
 * characters earlier is written as a marker and three printable characters (distance in
 * two base-95 digits, length in one). Legal citations and caveats repeat a lot.
 */
const MARK = "`";
const MIN = 5;
function compress(text) {
  if (text.includes(MARK)) throw new Error(`the state table's text may not contain ${MARK}`);
  const window = 95 * 95 - 1;
  const longest = 94 + MIN;
  const heads = new Map();
  let out = "";
  for (let i = 0; i < text.length;) {
    let best = 0;
    let distance = 0;
    const seen = heads.get(text.substr(i, MIN)) ?? [];
    for (let k = seen.length - 1; k >= 0 && i - seen[k] <= window; k--) {
      let n = 0;
      while (n < longest && i + n < text.length && text[seen[k] + n] === text[i + n]) n++;
      if (n > best) [best, distance] = [n, i - seen[k]];
    }
    const step = best >= MIN ? best : 1;
    out +=
      best >= MIN
        ? MARK + String.fromCharCode(32 + Math.floor(distance / 95), 32 + (distance % 95), 32 + best - MIN)
        : text[i];
    for (let t = i; t < i + step; t++) {
      const key = text.substr(t, MIN);
      if (!heads.has(key)) heads.set(key, []);
      heads.get(key).push(t);
    }
    i += step;
  }
  return out;
}

/**
 * Indexes into the lists are written as printable characters rather than JSON numbers (which
 * compress poorly): the digits are the characters 35 to 126 except the backslash and the
 * compression marker, 90 in all; an index below 80 is one digit, a larger one two (the first
 * from 80 up), so up to 979 atoms or facts. The most used atoms and facts come first, so most
 * indexes take one character.
 */
const DIGITS = Array.from({ length: 92 }, (_, k) => String.fromCharCode(35 + k))
  .filter((c) => c !== "\\" && c !== MARK)
  .join("");
const MAX_INDEX = 80 + 10 * 90 - 1;
function encodeIndex(n) {
  if (!Number.isInteger(n) || n < 0 || n > MAX_INDEX)
    throw new Error(`the state table has too many entries to pack (${n})`);
  return n < 80 ? DIGITS[n] : DIGITS[80 + Math.floor((n - 80) / 90)] + DIGITS[(n - 80) % 90];
}

/**
 * The text the bundle carries for the lists: compressed JSON of [atoms, facts, rows], indexes as digits;
 * a fact is four indexes (value, citation, confidence, caveat).
 */
function packText(atoms, facts, rows) {
  const factText = facts.map((f) => f.map(encodeIndex).join("")).join("");
  const rowText = rows
    .map(([code, ix]) => {
      if (code.length !== 2) throw new Error(`a state code must have 2 characters: ${code}`);
      return code + ix.map(encodeIndex).join("");
    })
    .join("");
  return compress(JSON.stringify([atoms, factText, rowText]));
}

/** Rebuilds STATES from the compressed lists; its source is copied into the bundle. */
function unpack(packed, fields) {
  let text = "";
  for (let i = 0; i < packed.length;) {
    const c = packed[i++];
    if (c !== "`") {
      text += c;
      continue;
    }
    const d = (packed.charCodeAt(i++) - 32) * 95 + packed.charCodeAt(i++) - 32;
    for (let n = packed.charCodeAt(i++) - 27; n > 0; n--) text += text[text.length - d];
  }
  const [atoms, facts, rows] = JSON.parse(text);
  let s = facts;
  let i = 0;
  const digit = () => {
    const c = s.charCodeAt(i++);
    return c - 35 - (c > 92 ? 1 : 0) - (c > 96 ? 1 : 0);
  };
  const index = () => {
    const d = digit();
    return d < 80 ? d : 80 + (d - 80) * 90 + digit();
  };
  const built = [];
  while (i < s.length)
    built.push({ value: atoms[index()], citation: atoms[index()], confidence: atoms[index()], caveat: atoms[index()] });
  const states = {};
  for (s = rows, i = 0; i < s.length;) {
    const code = s.slice(i, (i += 2));
    const entry = {};
    for (const field of fields) entry[field] = built[index()];
    states[code] = entry;
  }
  return states;
}

/** Items in order of use, most used first (ties in order of first use), and each item's new index. */
function byUse(keys, uses) {
  const order = [...keys.keys()].sort((a, b) => uses[b] - uses[a] || a - b);
  const at = new Array(keys.length);
  order.forEach((old, k) => (at[old] = k));
  return { order, at };
}

/** The packed module's source for the table module's exports. */
function pack(mod) {
  const fields = mod.FACT_FIELDS;
  const atoms = [];
  const atomIndex = new Map();
  const atom = (x) => {
    const key = JSON.stringify(x);
    if (!atomIndex.has(key)) atomIndex.set(key, atoms.push(x) - 1);
    return atomIndex.get(key);
  };
  const facts = [];
  const factIndex = new Map();
  const fact = (f) => {
    const row = [atom(f.value), atom(f.citation), atom(f.confidence), atom(f.caveat)];
    const key = row.join(",");
    if (!factIndex.has(key)) factIndex.set(key, facts.push(row) - 1);
    return factIndex.get(key);
  };
  const rows = Object.entries(mod.STATES).map(([code, entry]) => [code, fields.map((f) => fact(entry[f]))]);
  // Renumber so that the most used atoms and facts have the shortest indexes.
  const atomUses = atoms.map(() => 0);
  for (const f of facts) for (const a of f) atomUses[a]++;
  const factUses = facts.map(() => 0);
  for (const [, ix] of rows) for (const f of ix) factUses[f]++;
  const a = byUse(atoms, atomUses);
  const f = byUse(facts, factUses);
  const lines = [`const unpack = ${unpack.toString()};`];
  for (const [name, value] of Object.entries(mod)) {
    if (name === "STATES") continue;
    lines.push(`export const ${name} = ${JSON.stringify(value)};`);
  }
  const packed = packText(
    a.order.map((k) => atoms[k]),
    f.order.map((k) => facts[k].map((x) => a.at[x])),
    rows.map(([code, ix]) => [code, ix.map((x) => f.at[x])]),
  );
  lines.push(`export const STATES = unpack(${JSON.stringify(packed)}, FACT_FIELDS);`);
  return lines.join("\n");
}

/** The webpack loader: the table's TypeScript source in, the packed module out. */
module.exports = function packStateTable(source) {
  return pack(evaluate(source));
};
module.exports.pack = pack;
module.exports.evaluate = evaluate;
module.exports.compress = compress;
module.exports.unpack = unpack;
module.exports.packText = packText;
module.exports.encodeIndex = encodeIndex;
