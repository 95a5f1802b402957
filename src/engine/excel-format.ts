/**
 * Excel's number-format codes and rounding, as TEXT, ROUND, ROUNDUP and ROUNDDOWN apply
 * them (the engine's own versions differ from Excel's; see excel-compat.ts).
 *
 * Rounding works on the number's 15 significant decimal digits, as Excel does: 2.675 is
 * stored as 2.67499999999999982236431605997495353221893310546875, and Excel (and
 * LibreOffice) round it to 2.68, not 2.67. Dates use Excel's 1900 date system (serial 1 is
 * 1 January 1900; serial 60 is the 29 February 1900 Excel keeps for Lotus compatibility).
 *
 * `formatNumber` returns undefined for a format it does not implement (conditions such as
 * `[>100]`, scientific `E+`, fractions `# ?/?`, elapsed time `[h]`, commas or `?` that are
 * not between digit placeholders), so a caller can say so instead of guessing. Fractional
 * seconds (`ss.000`) round the time to the digits shown, as Excel does (00:04:37.6375 as
 * `ss.000` is 37.638, as `ss` is 38). A workbook in the 1904 date system gives its serials
 * with `date1904`.
 */

export type RoundMode = "half" | "up" | "down";

/** Rounds x to `digits` decimals (negative: to tens, hundreds…), Excel's way, from its 15 significant digits. */
export function roundExcel(x: number, digits: number, mode: RoundMode): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const [mantissa, exp] = Math.abs(x).toExponential(14).split("e");
  const sig = mantissa.replace(".", ""); // 15 digits: 0.D1…D15 × 10^(e+1)
  const e = Number(exp);
  const keep = e + 1 + d; // digits of `sig` kept
  if (keep >= 15) return x;
  const rest = keep <= 0 ? sig : sig.slice(keep);
  const kept = keep <= 0 ? "0" : sig.slice(0, keep);
  let up: boolean;
  if (mode === "down") up = false;
  else if (mode === "up") up = /[1-9]/.test(rest);
  else up = keep < 0 ? false : rest[0] >= "5";
  const n = Number(kept) + (up ? 1 : 0);
  return sign * Number(`${n}e${-d}`);
}

/** An Excel serial date as year, month, day, hours, minutes, seconds (rounded to the second). */
export function serialToParts(serial: number): {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  weekday: number;
} {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400);
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  const hours = Math.floor(secs / 3600);
  const minutes = Math.floor((secs % 3600) / 60);
  const seconds = secs % 60;
  // Excel's weekday of serial 1 (a Sunday, counting the fictitious 29 February 1900) is 1.
  const weekday = (((days - 1) % 7) + 7) % 7; // 0 = Sunday
  if (days === 60) return { year: 1900, month: 2, day: 29, hours, minutes, seconds, weekday };
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const dt = new Date(epoch + days * 86400000);
  return {
    year: dt.getUTCFullYear(),
    month: dt.getUTCMonth() + 1,
    day: dt.getUTCDate(),
    hours,
    minutes,
    seconds,
    weekday,
  };
}

/** Year, month, day (month and day may overflow, as DATE allows) as an Excel serial date. */
export function partsToSerial(year: number, month: number, day: number): number {
  const t = Date.UTC(year, month - 1, day);
  const serial = Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
  return serial <= 60 ? serial - 1 : serial;
}

/** The months' names, as Excel's mmmm shows them (mmm is their first three letters). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Token =
  | { kind: "lit"; text: string }
  | { kind: "digit"; ch: "0" | "#" | "?" }
  | { kind: "point" }
  | { kind: "comma" }
  | { kind: "percent" }
  | { kind: "date"; code: string }
  | { kind: "ampm"; code: string }
  | { kind: "general" }
  | { kind: "at" };

/** Splits a format code into sections at semicolons outside quotes and escapes. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      cur += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The tokens of one section, or undefined when it uses something not implemented. */
function tokenize(section: string): Token[] | undefined {
  const tokens: Token[] = [];
  const s = section;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      if (end < 0) return undefined;
      tokens.push({ kind: "lit", text: s.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      tokens.push({ kind: "lit", text: s[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      tokens.push({ kind: "lit", text: " " });
      i++;
    } else if (ch === "*") {
      i++; // a fill character: nothing in TEXT's result
    } else if (ch === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) return undefined;
      const inner = s.slice(i + 1, end);
      if (/^(black|blue|cyan|green|magenta|red|white|yellow|color\d+)$/i.test(inner)) {
        // a colour: no effect on text
      } else if (inner.startsWith("$")) {
        const symbol = inner.slice(1).split("-")[0];
        tokens.push({ kind: "lit", text: symbol });
      } else return undefined; // conditions, elapsed time
      i = end;
    } else if (ch === "0" || ch === "#" || ch === "?") tokens.push({ kind: "digit", ch });
    else if (ch === ".") tokens.push({ kind: "point" });
    else if (ch === ",") tokens.push({ kind: "comma" });
    else if (ch === "%") tokens.push({ kind: "percent" });
    else if (ch === "@") tokens.push({ kind: "at" });
    else if (/^general/i.test(s.slice(i))) {
      tokens.push({ kind: "general" });
      i += 6;
    } else if (/^am\/pm/i.test(s.slice(i))) {
      tokens.push({ kind: "ampm", code: "AM/PM" });
      i += 4;
    } else if (/^a\/p/i.test(s.slice(i))) {
      // A/P shows A or P, a/p shows a or p.
      tokens.push({ kind: "ampm", code: s[i] === "a" ? "a/p" : "A/P" });
      i += 2;
    } else if ("ymdhs".includes(lower)) {
      let j = i;
      while (j < s.length && s[j].toLowerCase() === lower) j++;
      tokens.push({ kind: "date", code: lower.repeat(j - i) });
      i = j - 1;
    } else if (lower === "e" || lower === "/") {
      if (lower === "e" && (s[i + 1] === "+" || s[i + 1] === "-")) return undefined; // scientific
      if (lower === "/" && tokens.some((t) => t.kind === "digit")) return undefined; // fractions
      tokens.push({ kind: "lit", text: ch });
    } else tokens.push({ kind: "lit", text: ch });
  }
  return tokens;
}

/** Excel's "General" format as TEXT gives it: up to 11 characters, else scientific. */
export function generalText(x: number): string | undefined {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return undefined;
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e11) {
    // Up to 11 characters besides the sign: 10000000000, -1.234567891, 0.000123457.
    const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
    const decimals = Math.max(0, 10 - intDigits);
    const r = roundExcel(abs, decimals, "half");
    let text = r.toFixed(decimals);
    if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
    if (text.length <= 11 && text !== "0") return (x < 0 ? "-" : "") + text;
  }
  return undefined;
}

/** Digits of fractional seconds a date section shows (`ss.000`: 3), at the point's token index. */
function fractionOfSeconds(tokens: Token[]): { at: number; digits: number } | undefined {
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    if (tokens[i].kind !== "point" || prev.kind !== "date" || prev.code[0] !== "s") continue;
    let digits = 0;
    while (tokens[i + 1 + digits]?.kind === "digit" && (tokens[i + 1 + digits] as { ch: string }).ch === "0") digits++;
    return digits > 0 && digits <= 3 ? { at: i, digits } : undefined;
  }
  return undefined;
}

function dateText(x: number, tokens: Token[]): string | undefined {
  if (x < 0 || x >= 2958466) return undefined;
  // The time is rounded to what is shown: to the second, or to the fraction ss.0 to ss.000 shows.
  const fraction = fractionOfSeconds(tokens);
  const unit = 10 ** (fraction?.digits ?? 0);
  let days = Math.floor(x);
  let ticks = Math.round((x - days) * 86400 * unit);
  if (ticks >= 86400 * unit) {
    days += 1;
    ticks -= 86400 * unit;
  }
  const p = serialToParts(days + Math.floor(ticks / unit) / 86400);
  const fractionText = fraction ? String(ticks % unit).padStart(fraction.digits, "0") : "";
  const twelve = tokens.some((t) => t.kind === "ampm");
  const dateTokens = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.kind === "date");
  let out = "";
  tokens.forEach((t, i) => {
    if (fraction && i >= fraction.at && i <= fraction.at + fraction.digits) {
      if (i === fraction.at) out += `.${fractionText}`;
    } else if (t.kind === "lit") out += t.text;
    else if (t.kind === "digit" || t.kind === "point" || t.kind === "comma" || t.kind === "percent") {
      out += t.kind === "digit" ? t.ch : t.kind === "point" ? "." : t.kind === "comma" ? "," : "%";
    } else if (t.kind === "ampm") {
      const pm = p.hours >= 12;
      if (t.code === "AM/PM") out += pm ? "PM" : "AM";
      else out += t.code === "a/p" ? (pm ? "p" : "a") : pm ? "P" : "A";
    } else if (t.kind === "date") {
      const c = t.code;
      const k = dateTokens.findIndex((x) => x.i === i);
      const prev = dateTokens[k - 1]?.t as { code: string } | undefined;
      const next = dateTokens[k + 1]?.t as { code: string } | undefined;
      if (c[0] === "y") out += c.length <= 2 ? String(p.year % 100).padStart(2, "0") : String(p.year);
      else if (c[0] === "d") {
        if (c.length === 1) out += String(p.day);
        else if (c.length === 2) out += String(p.day).padStart(2, "0");
        else if (c.length === 3) out += DAYS[p.weekday].slice(0, 3);
        else out += DAYS[p.weekday];
      } else if (c[0] === "h") {
        const h = twelve ? p.hours % 12 || 12 : p.hours;
        out += c.length === 1 ? String(h) : String(h).padStart(2, "0");
      } else if (c[0] === "s") out += c.length === 1 ? String(p.seconds) : String(p.seconds).padStart(2, "0");
      else if (c[0] === "m") {
        const minutes = (prev && prev.code[0] === "h") || (next && next.code[0] === "s");
        if (minutes && c.length <= 2) out += c.length === 1 ? String(p.minutes) : String(p.minutes).padStart(2, "0");
        else if (c.length === 1) out += String(p.month);
        else if (c.length === 2) out += String(p.month).padStart(2, "0");
        else if (c.length === 3) out += MONTH_NAMES[p.month - 1].slice(0, 3);
        else if (c.length === 4) out += MONTH_NAMES[p.month - 1];
        else out += MONTH_NAMES[p.month - 1][0];
      }
    } else return;
  });
  return out;
}

function numberText(x: number, tokens: Token[], withSign: boolean): string | undefined {
  const digitsAt = tokens.map((t, i) => (t.kind === "digit" ? i : -1)).filter((i) => i >= 0);
  const pointAt = tokens.findIndex((t) => t.kind === "point");
  const lastDigit = digitsAt.length ? digitsAt[digitsAt.length - 1] : -1;
  const intSlots = digitsAt.filter((i) => pointAt < 0 || i < pointAt);
  const fracSlots = pointAt < 0 ? [] : digitsAt.filter((i) => i > pointAt);
  let value = x;
  for (const t of tokens) if (t.kind === "percent") value *= 100;
  // Commas: between integer placeholders, grouping; after the last digit placeholder,
  // each divides by 1,000.
  let grouping = false;
  const scaleCommas = new Set<number>();
  const literalCommas = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind !== "comma") return;
    const before = intSlots.some((s) => s < i);
    const after = intSlots.some((s) => s > i);
    let next = i + 1;
    while (tokens[next]?.kind === "comma") next++;
    if (before && after) grouping = true;
    else if (before && (tokens[next]?.kind === "point" || !digitsAt.some((s) => s > i))) scaleCommas.add(i);
    else if (!digitsAt.some((s) => s < i)) literalCommas.add(i);
  });
  if (tokens.some((t, i) => t.kind === "comma" && i > pointAt && pointAt >= 0 && !scaleCommas.has(i))) return undefined; // a comma among the decimals
  for (let k = 0; k < scaleCommas.size; k++) value /= 1000;
  const rounded = Math.abs(roundExcel(value, fracSlots.length, "half"));
  const fixed = rounded.toFixed(fracSlots.length);
  const [whole, fracPart = ""] = fixed.split(".");
  let intPart = whole === "0" ? "" : whole;
  // Integer places beyond the number's digits: "0" shows a zero, "?" a space, "#" nothing.
  const spare = intSlots.slice(0, Math.max(0, intSlots.length - intPart.length));
  const padding = spare.map((i) => (tokens[i] as { ch: string }).ch).filter((ch) => ch !== "#");
  if (grouping && padding.includes("?")) return undefined; // spaces among the groups
  if (grouping) intPart = (padding.join("") + intPart).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  else intPart = padding.join("").replace(/\?/g, " ") + intPart;
  // Trailing fraction digits under # are dropped, under ? become spaces.
  const frac = fracPart.split("");
  for (let k = frac.length - 1; k >= 0 && frac[k] === "0"; k--) {
    const ch = (tokens[fracSlots[k]] as { ch: string }).ch;
    if (ch === "0") break;
    frac[k] = ch === "?" ? " " : "";
  }
  const negative = withSign && rounded !== 0 && x < 0;
  let out = "";
  let intDone = false;
  let fracIndex = 0;
  tokens.forEach((t, i) => {
    if (t.kind === "lit") out += t.text;
    else if (t.kind === "percent") out += "%";
    else if (t.kind === "point") out += ".";
    else if (t.kind === "comma") {
      if ((i > lastDigit && !scaleCommas.has(i)) || literalCommas.has(i)) out += ",";
    } else if (t.kind === "digit") {
      if (pointAt >= 0 && i > pointAt) out += frac[fracIndex++] ?? "";
      else if (!intDone) {
        out += intPart;
        intDone = true;
      }
    }
  });
  if (!intDone && intPart !== "") out = intPart + out;
  return negative ? `-${out}` : out;
}

/** TEXT(x, code) for a number, or undefined where the code is not implemented here. */
export function formatNumber(x: number, code: string, date1904 = false): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  const parts = sections(code);
  if (parts.length > 4) return undefined;
  let section = parts[0];
  let withSign = true;
  if (x < 0 && parts.length >= 2) {
    section = parts[1];
    withSign = false;
  } else if (x === 0 && parts.length >= 3) section = parts[2];
  const tokens = tokenize(section);
  if (!tokens) return undefined;
  if (tokens.some((t) => t.kind === "general")) {
    const g = generalText(withSign ? x : Math.abs(x));
    if (g === undefined) return undefined;
    return tokens.map((t) => (t.kind === "lit" ? t.text : t.kind === "general" ? g : "")).join("");
  }
  if (tokens.some((t) => t.kind === "date" || t.kind === "ampm")) {
    // A 1904 serial is 1,462 days after the same 1900 serial.
    const text = dateText(date1904 ? x + 1462 : x, tokens);
    return text === undefined ? undefined : (withSign && x < 0 ? "-" : "") + text;
  }
  if (tokens.some((t) => t.kind === "at")) return undefined;
  if (!tokens.some((t) => t.kind === "digit")) {
    // Literal text only: shown as is (with a minus sign for a negative number, as Excel does).
    return (withSign && x < 0 ? "-" : "") + tokens.map((t) => (t.kind === "lit" ? t.text : "")).join("");
  }
  return numberText(x, tokens, withSign);
}

/** TEXT(text, code): the text itself, or put in the place of "@" (the fourth section, or the only one). */
export function formatText(text: string, code: string): string {
  const parts = sections(code);
  const section = parts.length >= 4 ? parts[3] : parts.length === 1 && parts[0].includes("@") ? parts[0] : undefined;
  if (section === undefined) return text;
  const tokens = tokenize(section) ?? [];
  return tokens.map((t) => (t.kind === "lit" ? t.text : t.kind === "at" ? text : "")).join("");
}
