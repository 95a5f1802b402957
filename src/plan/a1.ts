/** A1 addressing and sheet names, as Excel reads and accepts them. */

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function column(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name (plus control characters). */
const FORBIDDEN = /[\\/?*[\]:\u0000-\u001f\u007f]/g;

/** The sheet name Excel keeps for itself (compared case-insensitively). */
const RESERVED_SHEET_NAME = "history";

/**
 * Whether Excel accepts `name` for a sheet: 1 to 31 characters, none of \ / ? * [ ] : or a
 * control character, no leading or trailing apostrophe, not "History". `uniqueSheetName`
 * only ever returns such names; the preview's emulated Excel refuses the others.
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !new RegExp(FORBIDDEN.source).test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== RESERVED_SHEET_NAME
  );
}

/**
 * A sheet name Excel accepts and that no existing sheet has (compared case-insensitively,
 * as Excel does): forbidden characters removed, no leading or trailing apostrophe, at most
 * 31 characters, not the reserved "History"; on a clash, " (2)", " (3)", … is appended,
 * shortening the base so that the whole still fits.
 */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const clean = trimName(base.replace(FORBIDDEN, "")) || "Sheet";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  taken.add(RESERVED_SHEET_NAME);
  const first = fit(clean, "");
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const candidate = fit(clean, ` (${n})`);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Removes surrounding spaces and apostrophes (Excel rejects a name that starts or ends with one). */
function trimName(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, "");
}

/** base + suffix within MAX_SHEET_NAME characters, cutting the base (never a surrogate pair in half). */
function fit(base: string, suffix: string): string {
  let head = base;
  const room = MAX_SHEET_NAME - suffix.length;
  if (head.length > room) {
    head = head.slice(0, room);
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    head = trimName(head) || "Sheet".slice(0, room);
  }
  return head + suffix;
}

/** A1 address → 0-based row and column ("$" allowed): "B4" → { row: 3, col: 1 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  const col =
    m[1]
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** A1 range → corners, 0-based: "A3:E15" → { top: 2, left: 0, bottom: 14, right: 4 }; a single cell is a 1×1 range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(":");
  const s = parseAddress(a);
  const e = parseAddress(b);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/** 0-based row and column → A1 address. */
export function address(row: number, col: number): string {
  return `${column(col)}${row + 1}`;
}

/** An A1 cell or range made absolute: "B4:B9" → "$B$4:$B$9" (a name's reference). */
export function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((a) => {
      const { row, col } = parseAddress(a);
      return `$${column(col)}$${row + 1}`;
    })
    .join(":");
}

/** A sheet name as a formula refers to it: bare when it can be, quoted otherwise ('Deal 1'). */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
