/**
 * `loan recalc` writes only what it computed (issue 23): one test per reproduction, each
 * on a small workbook of test/data/recalc/ (made by scripts/recalc-fixtures.mjs from XML
 * written out there, with the values Excel would cache worked out by hand). The output is
 * compared with the input part by part: every part but the changed sheets byte for byte,
 * and each changed sheet's XML equal to the input's with only the named cells' <v> and type
 * changed.
 */
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { main } from "../src/engine/cli";
import { ENGINE_MSG as M } from "../src/engine/messages";
import { capture } from "./helpers";

const dist = path.resolve(__dirname, "..", "dist");
const data = path.resolve(__dirname, "data", "recalc");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-surgical-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name].async("nodebuffer"));
  return out;
}

/** Runs recalc on a copy of a fixture; returns the exit code, the output and both packages' parts. */
async function recalc(fixture: string, extra: string[] = [], outName?: string) {
  const input = path.join(dir, fixture);
  fs.copyFileSync(path.join(data, fixture), input);
  const before = sha(input);
  const output = path.join(dir, outName ?? fixture.replace(/\.(xls[xm])$/, ".out.$1"));
  fs.rmSync(output, { force: true });
  const io = capture();
  const code = await main(["recalc", input, "-o", output, ...extra], io, dist);
  expect(sha(input)).toBe(before);
  return { code, io, input, output, text: io.stdout.join("\n"), err: io.stderr.join("") };
}

/** Every part of `b` is byte-identical to `a`'s except those listed; none added or lost. */
async function samePartsExcept(a: string, b: string, except: string[]) {
  const pa = await parts(a);
  const pb = await parts(b);
  expect([...pb.keys()].sort()).toEqual([...pa.keys()].sort());
  for (const [name, bytes] of pa) {
    if (except.includes(name)) continue;
    expect({ name, same: pb.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  }
  return { pa, pb };
}

const sheetXml = async (file: string, part = "xl/worksheets/sheet1.xml") =>
  (await parts(file)).get(part)!.toString("utf8");

describe("a legacy formula over a range is read as Excel reads it, never spilled", () => {
  test("=A1:C1*2 keeps its text and cached value, no spill; the cells beside it are computed", async () => {
    const r = await recalc("implicit-intersection.xlsx");
    expect(r.code).toBe(3);
    expect(r.text).toContain(M.keptCell("Sheet1!B5", M.implicitIntersection()));
    expect(r.text).toContain(M.keptCell("Sheet1!D5", M.implicitIntersection()));
    expect(r.text).toContain(M.computed(2, 4));
    // B6 = B5 + 1 from Excel's 4; C5 = 1 + 1: both already cached right, so nothing changes.
    await samePartsExcept(r.input, r.output, []);
  });
});

describe("array formulas stay whole", () => {
  test("a multi-cell array is written over its range, or kept whole with its reason", async () => {
    const r = await recalc("array-formulas.xlsx");
    expect(r.code).toBe(3);
    expect(r.text).toContain(M.keptCell("Arrays!D1", M.notImplemented("MINVERSE")));
    expect(r.text).toContain(M.keptCell("Arrays!J1", M.arraySize("J1:J3", 2, 1)));
    expect(r.text).toContain(M.computed(2, 4));
    await samePartsExcept(r.input, r.output, ["xl/worksheets/sheet1.xml"]);
    const before = await sheetXml(r.input);
    const after = await sheetXml(r.output);
    // TRANSPOSE([[1,2],[3,4]]) = [[1,3],[2,4]], each cell of G1:H2; all else as it was.
    const expected = before
      .replace(
        '<c r="G1"><f t="array" ref="G1:H2">TRANSPOSE(A1:B2)</f><v>0</v></c>',
        '<c r="G1"><f t="array" ref="G1:H2">TRANSPOSE(A1:B2)</f><v>1</v></c>',
      )
      .replace('<c r="H1"><v>0</v></c>', '<c r="H1"><v>3</v></c>')
      .replace('<c r="G2"><v>0</v></c>', '<c r="G2"><v>2</v></c>')
      .replace('<c r="H2"><v>0</v></c>', '<c r="H2"><v>4</v></c>')
      // SUM of the inverse's cached values (-2 + 1 + 1.5 - 0.5) = 0: the kept array's values are read.
      .replace('<c r="A4"><f>SUM(D1:E2)+0</f><v>0</v></c>', '<c r="A4"><f>SUM(D1:E2)+0</f><v>0</v></c>');
    expect(after).toBe(expected);
  });
});

describe("a data table keeps its formula and values", () => {
  test("<f t=dataTable> and its range untouched; the rest computed", async () => {
    const r = await recalc("data-table.xlsx");
    expect(r.code).toBe(3);
    expect(r.text).toContain(M.keptCell("Table!B3", M.dataTable()));
    await samePartsExcept(r.input, r.output, []);
  });
});

describe("formulas in hyperlinked cells, shared formulas, cached 0 and FALSE", () => {
  test("recalc changes only the stale <v>s; links, names, calc chain, comments, styles byte for byte", async () => {
    const r = await recalc("kept-parts.xlsx");
    expect(r.code).toBe(0);
    expect(r.text).toContain(M.computed(8, 8));
    await samePartsExcept(r.input, r.output, ["xl/worksheets/sheet1.xml"]);
    const before = await sheetXml(r.input);
    const after = await sheetXml(r.output);
    const expected = before
      // HYPERLINK's value is its friendly name.
      .replace(
        '<c r="A1"><f>HYPERLINK("https://example.com","go")</f><v>0</v></c>',
        '<c r="A1" t="str"><f>HYPERLINK("https://example.com","go")</f><v>go</v></c>',
      )
      // "a" & CR & "b": the carriage return written as OOXML's escape.
      .replace(
        '<c r="D1" t="str"><f>"a"&amp;CHAR(13)&amp;"b"</f><v>x</v></c>',
        '<c r="D1" t="str"><f>"a"&amp;CHAR(13)&amp;"b"</f><v>a_x000D_b</v></c>',
      )
      // The shared formula A2*2 moved down: 2, 4, 6.
      .replace(
        '<c r="B2" s="1"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>0</v></c>',
        '<c r="B2" s="1"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c>',
      )
      .replace(
        '<c r="B3" s="1"><f t="shared" si="0"/><v>0</v></c>',
        '<c r="B3" s="1"><f t="shared" si="0"/><v>4</v></c>',
      )
      .replace(
        '<c r="B4" s="1"><f t="shared" si="0"/><v>0</v></c>',
        '<c r="B4" s="1"><f t="shared" si="0"/><v>6</v></c>',
      );
    expect(after).toBe(expected);
    expect(after).toContain('<hyperlinks><hyperlink ref="A1" r:id="rIdH"/></hyperlinks>');
  });

  test("--values: formulas replaced by values in place, 0 stays 0 and FALSE stays FALSE; the calc chain goes", async () => {
    const r = await recalc("kept-parts.xlsx", ["--values"], "kept-parts.values.xlsx");
    expect(r.code).toBe(0);
    const { pb } = { pb: await parts(r.output) };
    expect(pb.has("xl/calcChain.xml")).toBe(false);
    const pa = await parts(r.input);
    for (const [name, bytes] of pa) {
      if (
        ["xl/worksheets/sheet1.xml", "xl/calcChain.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"].includes(
          name,
        )
      )
        continue;
      expect({ name, same: pb.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    expect(pb.get("[Content_Types].xml")!.toString()).toBe(
      pa
        .get("[Content_Types].xml")!
        .toString()
        .replace(
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
          "",
        ),
    );
    expect(pb.get("xl/_rels/workbook.xml.rels")!.toString()).toBe(
      pa
        .get("xl/_rels/workbook.xml.rels")!
        .toString()
        .replace(/<Relationship Id="rIdC"[^>]*\/>/, ""),
    );
    const after = pb.get("xl/worksheets/sheet1.xml")!.toString();
    expect(after).toContain('<c r="B1"><v>0</v></c>');
    expect(after).toContain('<c r="C1" t="b"><v>0</v></c>');
    expect(after).toContain('<c r="E1"><v>1</v></c>');
    expect(after).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">go</t></is></c>');
    expect(after).toContain('<c r="B3" s="1"><v>4</v></c>');
    expect(after).not.toContain("<f");
  });
});

describe("long formulas and any name Excel accepts: computed or kept, never an abort", () => {
  test("3,600 characters computed; 8,192 kept with its reason; ChartRange2 computed", async () => {
    const r = await recalc("long-formulas.xlsx");
    expect(r.err).toBe("");
    expect(r.code).toBe(3);
    const longest = (await sheetXml(r.input)).match(/<c r="D1"><f>([^<]*)<\/f>/)![1];
    expect(longest.length).toBeGreaterThan(8000);
    expect(r.text).toContain(M.keptCell("Long!D1", M.tooComplex(longest.length)));
    expect(r.text).toContain(M.computed(2, 3));
    // B1 and C1 were cached right (692 and 3): nothing to change anywhere.
    await samePartsExcept(r.input, r.output, []);
  });
});

describe("bounded resources: refused with exit 2 and one line, nothing written", () => {
  test("cells at the far corners of 40 sheets", async () => {
    const r = await recalc("far-corners.xlsx");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/sheet S1 spans A1:XFD1048576; .* over the limit of .* \(--max-cells N × 16\)/);
    expect(fs.existsSync(r.output)).toBe(false);
  });

  test("3,000,000 shared strings in a 126 KB file", async () => {
    const r = await recalc("many-strings.xlsx", ["--max-cells", "1000000"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(M.errorLine(M.overSharedStrings(r.input, "1,000,000")));
    expect(fs.existsSync(r.output)).toBe(false);
  });

  test("a zip directory that understates a part: the real inflated size is counted", async () => {
    const r = await recalc("lying-zip.xlsx", ["--max-size", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(M.errorLine(M.inflatesPast(r.input, "1 MB")));
    expect(fs.existsSync(r.output)).toBe(false);
  });
});

describe("honest results", () => {
  test("an .xlsm stays .xlsm: vbaProject.bin byte-identical, only B1's value changed", async () => {
    const r = await recalc("macros.xlsm");
    expect(r.code).toBe(0);
    await samePartsExcept(r.input, r.output, ["xl/worksheets/sheet1.xml"]);
    expect(
      (await parts(r.output)).get("xl/vbaProject.bin")!.equals((await parts(r.input)).get("xl/vbaProject.bin")!),
    ).toBe(true);
    expect(await sheetXml(r.output)).toBe(
      (await sheetXml(r.input)).replace("<f>A1*2</f><v>0</v>", "<f>A1*2</f><v>40</v>"),
    );
  });

  test("an .xlsm written as .xlsx (or the reverse) is refused: Excel would not open it", async () => {
    const r = await recalc("macros.xlsm", [], "macros.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toBe(M.errorLine(M.macroOutput(r.input, r.output)));
    const s = await recalc("kept-parts.xlsx", [], "kept.xlsm");
    expect(s.code).toBe(2);
    expect(s.err).toBe(M.errorLine(M.plainOutput(s.input, s.output)));
  });

  test.each([
    [
      "word.xlsx",
      "its main document is application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ],
    ["calc.xlsx", "no [Content_Types].xml, so not an Office package"],
  ])("%s: not an Excel workbook, exit 2, no temporary file left", async (fixture, what) => {
    const r = await recalc(fixture);
    expect(r.code).toBe(2);
    expect(r.err).toBe(M.errorLine(M.notExcel(r.input, what)));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(fs.existsSync(r.output)).toBe(false);
  });

  test("an abort names the sheet and the cell", async () => {
    const r = await recalc("broken-cell.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toBe(M.errorLine(M.abortAt(r.input, "'Sheet 2'!C3", "</c> closes no open <c>")));
    expect(fs.existsSync(r.output)).toBe(false);
  });

  test("-o over the input keeps its mode (0600 stays 0600)", async () => {
    const input = path.join(dir, "mode.xlsm");
    fs.copyFileSync(path.join(data, "macros.xlsm"), input);
    fs.chmodSync(input, 0o600);
    expect(await main(["recalc", input, "-o", input], capture(), dist)).toBe(0);
    expect(fs.statSync(input).mode & 0o777).toBe(0o600);
    expect(await sheetXml(input)).toContain("<f>A1*2</f><v>40</v>");
  });
});

describe("recalc of every exported template keeps its chart and conditional formats", () => {
  const { TEMPLATES } = jest.requireActual<typeof import("../src/plan/templates")>("../src/plan/templates");
  test.each(TEMPLATES.map((t) => [t.id]))("%s: every part as exported but the sheet's cached values", async (id) => {
    const exported = path.join(dir, `${id}.xlsx`);
    expect(await main(["template", id, "-o", exported], capture(), dist)).toBe(0);
    const output = path.join(dir, `${id}.recalc.xlsx`);
    const io = capture();
    const code = await main(["recalc", exported, "-o", output], io, dist);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const pa = await parts(exported);
    const pb = await parts(output);
    expect([...pb.keys()].sort()).toEqual([...pa.keys()].sort());
    expect([...pa.keys()].some((p) => p.startsWith("xl/charts/chart"))).toBe(true);
    const values = /<v>[^<]*<\/v>/g;
    for (const [name, bytes] of pa) {
      const after = pb.get(name)!;
      if (name.startsWith("xl/worksheets/sheet")) {
        expect(after.toString().replace(values, "<v/>")).toBe(bytes.toString().replace(values, "<v/>"));
        expect(after.toString()).toContain("<conditionalFormatting");
      } else expect({ name, same: after.equals(bytes) }).toEqual({ name, same: true });
    }
  });
});
