/**
 * The height a row of wrapped text needs, as a spreadsheet fits it: the text broken between
 * words into lines no wider than its column, each line 15 points high (Excel's autofit of
 * Calibri 11, the workbook's body font). Every writer gives a wrapped row this height: the
 * .xlsx file writes it as the row's `ht` without `customHeight` (LibreOffice prints the rows
 * at that height, where it would otherwise keep one line's; Excel takes the height as its own
 * fit, not the user's, and re-fits the row when its text changes), Office.js fits the row
 * itself (`autofitRows`), and the preview's emulation of it uses this estimate.
 *
 * Widths are Calibri's advance widths (those of Carlito, its metric-compatible twin, read from
 * Debian's fonts-crosextra-carlito): 2048 units an em, at 11 points.
 */

/** The height of one line of Calibri 11 in a row, in points (Excel's default row height). */
export const LINE_POINTS = 15;

/** Calibri 11's size in points. */
const FONT_POINTS = 11;
const UNITS_PER_EM = 2048;

/** Advance widths of the printable ASCII characters (space to "~"), regular and bold. */
const REGULAR = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038, 1038, 1038, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276,
  516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628,
  1020, 1020, 596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714,
  801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
];
const BOLD = [
  463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880, 1038, 1038, 1038, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292,
  546, 678, 1120, 866, 1790, 1349, 1385, 1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665,
  1020, 1020, 615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101, 1099, 1099, 728,
  817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
];
/** Characters beyond ASCII that the templates use; anything else is taken as wide as an em dash's half. */
const OTHER: Readonly<Record<string, number>> = { "–": 1020, "—": 1854, "’": 511, "‘": 511, "“": 857, "”": 857 };
const WIDE = 1400;

/** A cell's inner margins, left and right together, in points (Excel's and LibreOffice's are 2 to 3 pixels a side). */
const CELL_PADDING = 5;
/** A safety margin on every width: a renderer's hinting and kerning may set the text a little wider. */
const SLACK = 1.04;

/** The width of a text in Calibri 11 (bold or regular), in points. */
export function textWidth(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code < 127 ? table[code - 32] : (OTHER[ch] ?? WIDE);
  }
  return ((units * FONT_POINTS) / UNITS_PER_EM) * SLACK;
}

/**
 * A text broken into the lines a cell `columnPoints` wide shows it in: between words, a word
 * wider than the column on lines of its own characters; each line break in the text kept.
 */
export function wrapLines(text: string, columnPoints: number, bold = false): string[] {
  const room = Math.max(1, columnPoints - CELL_PADDING);
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const joined = line ? `${line} ${word}` : word;
      if (textWidth(joined, bold) <= room) {
        line = joined;
        continue;
      }
      if (line) out.push(line);
      line = "";
      // A word wider than the column breaks between its characters.
      for (const ch of word) {
        if (line && textWidth(line + ch, bold) > room) {
          out.push(line);
          line = "";
        }
        line += ch;
      }
    }
    out.push(line);
  }
  return out;
}

/** A wrapped cell as the row fitting sees it: where it is, the text it shows and whether it is bold. */
export interface WrappedText {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly bold?: boolean;
}

/**
 * The height of each row holding wrapped text (0-based row → points): its tallest cell's
 * lines × LINE_POINTS, one line at least. `widths` are the columns' widths in points.
 */
export function wrappedRowHeights(cells: readonly WrappedText[], widths: (col: number) => number): Map<number, number> {
  const heights = new Map<number, number>();
  for (const c of cells) {
    const lines = wrapLines(c.text, widths(c.col), c.bold).length;
    heights.set(c.row, Math.max(heights.get(c.row) ?? LINE_POINTS, lines * LINE_POINTS));
  }
  return heights;
}
