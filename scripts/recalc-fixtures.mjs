/* Writes the small workbooks of test/data/recalc/ (`node scripts/recalc-fixtures.mjs`):
 * one per reproduction of issue 23 ("Recalc writes only what it computed"), each a real
 * .xlsx (or .xlsm) zip built from the XML below, with the cached values Excel would have
 * stored (worked out by hand in the comments). The files are committed; this script is how
 * they were made, and remaking them gives the same bytes (fixed dates in the zip). */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "test", "data", "recalc");
const DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The parts of a workbook of `sheets` (name → sheetData XML and what follows it). */
function workbook({
  sheets,
  names = "",
  extraParts = {},
  extraTypes = "",
  extraRels = "",
  macro = false,
  workbookPr = "",
  calcPr = '<calcPr calcId="191029"/>',
}) {
  const main = macro
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const parts = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        "",
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${extraTypes}</Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook ${NS} ${R_NS}>${workbookPr}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}${calcPr}</workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${extraRels}</Relationships>`,
    "xl/styles.xml": `${XML}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0\\x"/></numFmts><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `${XML}<worksheet ${NS} ${R_NS}>${s.before ?? ""}<sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`;
  });
  return { ...parts, ...extraParts };
}

async function save(name, parts, patch) {
  const zip = new JSZip();
  for (const [p, content] of Object.entries(parts)) zip.file(p, content, { date: DATE, createFolders: false });
  let buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  if (patch) buf = patch(buf);
  fs.writeFileSync(path.join(out, name), buf);
  return buf;
}

const row = (r, cells) => `<row r="${r}">${cells}</row>`;

fs.mkdirSync(out, { recursive: true });

// 1. Legacy implicit intersection: =A1:C1*2 outside an array formula. Excel reads it as
// the cell of A1:C1 in the formula's column: B5 → B1*2 = 4; D5 has no such cell: #VALUE!.
// E5 (=1+1 → 2) sits where a spill of B5 would land; B6 =B5+1 → 5.
await save(
  "implicit-intersection.xlsx",
  workbook({
    sheets: [
      {
        name: "Sheet1",
        data:
          row(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c>') +
          row(
            5,
            '<c r="B5"><f>A1:C1*2</f><v>4</v></c><c r="C5"><f>1+1</f><v>2</v></c><c r="D5" t="e"><f>A1:C1*2</f><v>#VALUE!</v></c>',
          ) +
          row(6, '<c r="B6"><f>B5+1</f><v>5</v></c>'),
      },
    ],
  }),
);

// 2. Array formulas. D1:E2 {=MINVERSE(A1:B2)} of [[1,2],[3,4]] is [[-2,1],[1.5,-0.5]];
// G1:H2 {=TRANSPOSE(A1:B2)} is [[1,3],[2,4]] (cached wrong on purpose: 0s, recalc fixes them);
// J1:J3 {=TRANSPOSE(A1:B1)} has a range larger than its 2 values (Excel shows #N/A in J3):
// kept as cached. A4 (=SUM(D1:E2)+0) reads the inverse: 0.
await save(
  "array-formulas.xlsx",
  workbook({
    sheets: [
      {
        name: "Arrays",
        data:
          row(
            1,
            '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><f t="array" ref="D1:E2">MINVERSE(A1:B2)</f><v>-2</v></c><c r="E1"><v>1</v></c><c r="G1"><f t="array" ref="G1:H2">TRANSPOSE(A1:B2)</f><v>0</v></c><c r="H1"><v>0</v></c><c r="J1"><f t="array" ref="J1:J3">TRANSPOSE(A1:B1)</f><v>1</v></c>',
          ) +
          row(
            2,
            '<c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="D2"><v>1.5</v></c><c r="E2"><v>-0.5</v></c><c r="G2"><v>0</v></c><c r="H2"><v>0</v></c><c r="J2"><v>2</v></c>',
          ) +
          row(3, '<c r="J3" t="e"><v>#N/A</v></c>') +
          row(4, '<c r="A4"><f>SUM(D1:E2)+0</f><v>0</v></c>'),
      },
    ],
  }),
);

// 3. A data table (What-If Analysis): B3:B4 computed by Excel from A1 through B2 (=A1*10);
// the engine does not compute data tables, so they keep their values and their <f>.
await save(
  "data-table.xlsx",
  workbook({
    sheets: [
      {
        name: "Table",
        data:
          row(1, '<c r="A1"><v>1</v></c>') +
          row(2, '<c r="B2"><f>A1*10</f><v>10</v></c>') +
          row(
            3,
            '<c r="A3"><v>2</v></c><c r="B3"><f t="dataTable" ref="B3:B4" dt2D="0" dtr="0" r1="A1"/><v>20</v></c>',
          ) +
          row(4, '<c r="A4"><v>3</v></c><c r="B4"><v>30</v></c>'),
      },
    ],
  }),
);

// 4. A formula in a hyperlinked cell; cached 0 and FALSE that --values must keep as 0 and
// FALSE; a shared formula (B2:B4 = A2*2 moved down: 2, 4, 6); text escapes (_x000D_).
await save(
  "kept-parts.xlsx",
  workbook({
    sheets: [
      {
        name: "Data",
        data:
          row(
            1,
            '<c r="A1"><f>HYPERLINK("https://example.com","go")</f><v>0</v></c><c r="B1"><f>1-1</f><v>0</v></c><c r="C1" t="b"><f>1&gt;2</f><v>0</v></c><c r="D1" t="str"><f>"a"&amp;CHAR(13)&amp;"b"</f><v>x</v></c><c r="E1"><f>B1+1</f><v>1</v></c>',
          ) +
          row(2, '<c r="A2"><v>1</v></c><c r="B2" s="1"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>0</v></c>') +
          row(3, '<c r="A3"><v>2</v></c><c r="B3" s="1"><f t="shared" si="0"/><v>0</v></c>') +
          row(4, '<c r="A4"><v>3</v></c><c r="B4" s="1"><f t="shared" si="0"/><v>0</v></c>'),
        after: '<hyperlinks><hyperlink ref="A1" r:id="rIdH"/></hyperlinks>',
      },
    ],
    names:
      '<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$E$4</definedName><definedName name="Doubled">Data!$B$2:$B$4</definedName>',
    extraParts: {
      "xl/worksheets/_rels/sheet1.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="${REL}/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
      "xl/calcChain.xml": `${XML}<calcChain ${NS}><c r="A1" i="1"/><c r="B1"/><c r="C1"/><c r="D1"/><c r="E1"/><c r="B2"/><c r="B3"/><c r="B4"/></calcChain>`,
      "xl/threadedComments/threadedComment1.xml": `${XML}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>`,
    },
    extraTypes:
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
    extraRels: `<Relationship Id="rIdC" Type="${REL}/calcChain" Target="calcChain.xml"/>`,
  }),
);

// 5. A long formula (3,600 characters: =A1+A2+…+A692 over A1:A692 = 1 → 692) and one at
// Excel's limit of 8,192 characters (=-A1-A2-…: -1,200 over ones) that nests too deeply for
// the engine: it keeps its cached value; the file is not aborted. C1 =ChartRange2 summed:
// a valid name (Excel accepts it) the engine refuses as it is written → 3.
{
  const ones = Array.from({ length: 1200 }, (_, i) => row(i + 1, `<c r="A${i + 1}"><v>1</v></c>`));
  let long = "";
  let k = 0;
  while (long.length < 3600) long += `${k ? "+" : ""}A${++k}`;
  let longest = "";
  for (let j = 1; longest.length + `-A${j}`.length <= 8191; j++) longest += `-A${j}`;
  const terms = longest.split("-A").length - 1;
  ones[0] = row(
    1,
    `<c r="A1"><v>1</v></c><c r="B1"><f>${long}</f><v>${k}</v></c><c r="C1"><f>SUM(ChartRange2)</f><v>3</v></c><c r="D1"><f>${longest}</f><v>${-terms}</v></c>`,
  );
  await save(
    "long-formulas.xlsx",
    workbook({
      sheets: [{ name: "Long", data: ones.join("") }],
      names: '<definedName name="ChartRange2">Long!$A$1:$A$3</definedName>',
    }),
  );
}

// 6. Exhaustion: 40 sheets, each with cells at its far corners (A1, XFD1048576).
await save(
  "far-corners.xlsx",
  workbook({
    sheets: Array.from({ length: 40 }, (_, i) => ({
      name: `S${i + 1}`,
      data: row(1, '<c r="A1"><v>1</v></c>') + row(1048576, '<c r="XFD1048576"><f>A1+1</f><v>2</v></c>'),
    })),
  }),
);

// 7. Exhaustion: 3,000,000 shared strings in a small file.
await save(
  "many-strings.xlsx",
  workbook({
    sheets: [{ name: "S", data: row(1, '<c r="A1" t="s"><v>0</v></c>') }],
    extraParts: {
      "xl/sharedStrings.xml": `${XML}<sst ${NS} count="3000000" uniqueCount="3000000">${"<si><t>x</t></si>".repeat(3000000)}</sst>`,
    },
    extraTypes:
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    extraRels: `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
  }),
);

// 8. A zip whose directory understates a part: the sheet inflates to 4 MB of XML (spaces
// inside <sheetData>) while its local header and directory entry say 100 bytes.
await save(
  "lying-zip.xlsx",
  workbook({
    sheets: [{ name: "S", data: row(1, '<c r="A1"><f>1+1</f><v>2</v></c>') + " ".repeat(4 * 1024 * 1024) }],
  }),
  (buf) => {
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let i = 0; i < buf.length - 4; i++) {
      const sig = buf.readUInt32LE(i);
      if (sig === 0x04034b50 && buf.subarray(i + 30, i + 30 + name.length).equals(name)) buf.writeUInt32LE(100, i + 22);
      if (sig === 0x02014b50 && buf.subarray(i + 46, i + 46 + name.length).equals(name)) buf.writeUInt32LE(100, i + 24);
    }
    return buf;
  },
);

// 9. A macro-enabled workbook: its vbaProject.bin must come back byte for byte.
await save(
  "macros.xlsm",
  workbook({
    macro: true,
    sheets: [{ name: "Sheet1", data: row(1, '<c r="A1"><v>20</v></c><c r="B1"><f>A1*2</f><v>0</v></c>') }],
    extraParts: { "xl/vbaProject.bin": Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)) },
    extraTypes: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    extraRels: `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
  }),
);

// 10. Not Excel workbooks named .xlsx: a Word document and an OpenDocument spreadsheet.
await save("word.xlsx", {
  "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  "word/document.xml": `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
});
await save("calc.xlsx", {
  mimetype: "application/vnd.oasis.opendocument.spreadsheet",
  "content.xml": `${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
});

// 11. A cell whose XML is broken (<v> never closed in Sheet 2!C3): the abort names it.
await save(
  "broken-cell.xlsx",
  workbook({
    sheets: [
      { name: "Sheet1", data: row(1, '<c r="A1"><v>1</v></c>') },
      { name: "Sheet 2", data: row(3, '<c r="B3"><v>1</v></c><c r="C3"><f>B3+1</f><v>2</c>') },
    ],
  }),
);

// Issue 24: what recalc computes as Excel does, and what it keeps.

// 12. Circular references with Excel's iterative calculation on (File › Options › Formulas:
// iterate, at most 100 times, to a change of 0.001). Interest on the average balance:
// B2 = 10 % × (B1 + B3) / 2, B3 = B1 + B2, B1 = 1,000. The fixed point, by hand:
// B2 = 0.05 × (2,000 + B2) → B2 = 100 / 0.95 = 105.263157894737, B3 = 1,105.26315789474,
// cached as Excel leaves them once the change is below 0.001. D1 = D1 + 1 never settles.
await save(
  "circular-iterate.xlsx",
  workbook({
    sheets: [
      {
        name: "Loan",
        data:
          row(1, '<c r="A1" t="inlineStr"><is><t>Opening</t></is></c><c r="B1"><v>1000</v></c>') +
          row(2, '<c r="B2"><f>0.1*(B1+B3)/2</f><v>105.26315789473684</v></c>') +
          row(
            3,
            '<c r="B3"><f>B1+B2</f><v>1105.2631578947369</v></c><c r="C3"><f>B3*2</f><v>2210.5263157894738</v></c>',
          ),
      },
    ],
    calcPr: '<calcPr calcId="191029" iterate="1" iterateCount="100" iterateDelta="0.001"/>',
  }),
);
await save(
  "circular-diverges.xlsx",
  workbook({
    sheets: [{ name: "S", data: row(1, '<c r="D1"><f>D1+1</f><v>100</v></c><c r="E1"><f>D1*2</f><v>200</v></c>') }],
    calcPr: '<calcPr calcId="191029" iterate="1"/>',
  }),
);

// 13. The same circular reference with iterative calculation off: Excel warns and leaves
// the cells at 0; recalc keeps them (it never writes #CYCLE!, which is not an Excel error).
await save(
  "circular-off.xlsx",
  workbook({
    sheets: [
      {
        name: "Loan",
        data:
          row(1, '<c r="B1"><v>1000</v></c>') +
          row(2, '<c r="B2"><f>0.1*(B1+B3)/2</f><v>0</v></c>') +
          row(3, '<c r="B3"><f>B1+B2</f><v>0</v></c>'),
      },
    ],
  }),
);

// 14. A name that refers to another workbook ([1] is its external link): Excel cached 42
// for =Ext and 84 for =Ext*2; recalc keeps both (the other workbook is not there).
await save(
  "external-name.xlsx",
  workbook({
    sheets: [
      {
        name: "S",
        data: row(
          1,
          '<c r="A1"><f>Ext</f><v>42</v></c><c r="B1"><f>Ext*2</f><v>84</v></c><c r="C1"><f>1+1</f><v>2</v></c>',
        ),
      },
    ],
    names: '<definedName name="Ext">[1]Sheet1!$A$1</definedName>',
  }),
);

// 15. XNPV over dates made by DATE(), the example of Microsoft's XNPV page: values -10,000,
// 2,750, 4,250, 3,250, 2,750 on 1/1/2008, 3/1/2008, 10/30/2008, 2/15/2009, 4/1/2009 at 9 %:
// $2,086.65 (cached to Excel's precision: 2086.64760203153).
await save(
  "xnpv-dates.xlsx",
  workbook({
    sheets: [
      {
        name: "DCF",
        data:
          row(1, '<c r="A1"><v>-10000</v></c><c r="B1"><f>DATE(2008,1,1)</f><v>39448</v></c>') +
          row(2, '<c r="A2"><v>2750</v></c><c r="B2"><f>DATE(2008,3,1)</f><v>39508</v></c>') +
          row(3, '<c r="A3"><v>4250</v></c><c r="B3"><f>DATE(2008,10,30)</f><v>39751</v></c>') +
          row(4, '<c r="A4"><v>3250</v></c><c r="B4"><f>DATE(2009,2,15)</f><v>39859</v></c>') +
          row(5, '<c r="A5"><v>2750</v></c><c r="B5"><f>DATE(2009,4,1)</f><v>39904</v></c>') +
          row(7, '<c r="A7"><f>XNPV(0.09,A1:A5,B1:B5)</f><v>2086.64760203153</v></c>'),
      },
    ],
  }),
);

console.log(`wrote ${fs.readdirSync(out).length} workbooks to ${path.relative(root, out)}`);
