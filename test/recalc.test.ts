/**
 * `npx loan recalc`: a fixture workbook made here with ExcelJS (LOAN.* mixed with SUM, IF,
 * PMT, cross-sheet references, a named range and a spilled LOAN.AMORTIZATION, stored the
 * way Excel stores add-in functions: `_xldudf_LOAN_…`) is recalculated through the CLI's
 * main(); the output's cached values are checked against the core and against Excel's PMT
 * (formulajs), and formats, names, widths and other sheets must survive.
 */
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import * as formulajs from "@formulajs/formulajs";
import { MSG, NONRECOURSE_PREMIUM, PAYMENT } from "../src/core";
import { main, progressBar, USAGE, type Io } from "../src/engine/cli";
import { ENGINE_MSG as M } from "../src/engine/messages";
import { loadAddin } from "../src/engine/load-node";
import { ZipFile, ZipProblem } from "../src/engine/zip";
import { defaultLimits, normalizeFormula, recalcXlsx } from "../src/engine/xlsx";
import { capture } from "./helpers";

const dist = path.resolve(__dirname, "..", "dist");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-recalc-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const inputs = wb.addWorksheet("Deal inputs");
  inputs.getColumn(1).width = 28;
  inputs.getColumn(2).width = 16;
  const rows: [string, number, string][] = [
    ["Loan amount", 4500000, "#,##0"],
    ["Recourse rate", 0.0685, "0.00%"],
    ["Non-recourse rate", 0.0735, "0.00%"],
    ["Recourse points", 0.0075, "0.00%"],
    ["Non-recourse points", 0.0125, "0.00%"],
    ["Amortization (years)", 30, "0"],
    ["Hold (years)", 7, "0"],
  ];
  rows.forEach(([label, value, fmt], i) => {
    inputs.getCell(i + 1, 1).value = label;
    const cell = inputs.getCell(i + 1, 2);
    cell.value = value;
    cell.numFmt = fmt;
    cell.font = { color: { argb: "FF0000FF" } };
  });
  wb.definedNames.add("'Deal inputs'!$B$1", "LoanAmount");

  const model = wb.addWorksheet("Model");
  const f = (formula: string) => ({ formula, result: 0 });
  model.getCell("A1").value = "Recourse payment";
  model.getCell("B1").value = f("_xldudf_LOAN_PAYMENT(LoanAmount,'Deal inputs'!B2,'Deal inputs'!B6)");
  model.getCell("A2").value = "Excel PMT";
  model.getCell("B2").value = f("-PMT('Deal inputs'!B2/12,'Deal inputs'!B6*12,LoanAmount)");
  model.getCell("A3").value = "Premium (interest-only)";
  model.getCell("B3").value = f(
    "LOAN.NONRECOURSE_PREMIUM(LoanAmount,'Deal inputs'!B2,'Deal inputs'!B3,'Deal inputs'!B4,'Deal inputs'!B5,'Deal inputs'!B7)",
  );
  model.getCell("B3").numFmt = "#,##0.00";
  model.getCell("A4").value = "Deficiency";
  model.getCell("B4").value = f("_xldudf_LOAN_DEFICIENCY(4400000,3600000,,,250000)");
  model.getCell("A5").value = "Break-even";
  model.getCell("B5").value = f("LOAN.BREAKEVEN_PROBABILITY(B3,B4)");
  model.getCell("A6").value = "Worth it at 20 %?";
  model.getCell("B6").value = f('IF(0.2>B5,"non-recourse","recourse")');
  model.getCell("A7").value = "Sum";
  model.getCell("B7").value = f("SUM(B3:B4)");
  model.getCell("A8").value = "Bad input";
  // Excel caches the error a bad input gives (a cached value would be kept: see "kept as cached").
  model.getCell("B8").value = { formula: 'LOAN.DSCR("n/a",300000)', result: { error: "#VALUE!" } };
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Untouched sheet";
  notes.getCell("A1").font = { bold: true };
  await wb.xlsx.writeFile(file);
}

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function result(wb: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const v = wb.getWorksheet(sheet)!.getCell(address).value;
  return v !== null && typeof v === "object" && "result" in v ? v.result : v;
}

describe("loan recalc", () => {
  const input = path.join(dir, "deal.xlsx");
  const output = path.join(dir, "deal-out.xlsx");
  let io: ReturnType<typeof capture>;
  let code: number;
  let before: string;

  beforeAll(async () => {
    await fixture(input);
    before = sha(input);
    io = capture();
    code = await main(["recalc", input, "-o", output], io, dist);
  });

  test("exits 0 without --strict, leaves the input untouched, prints the summary", () => {
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);
    const text = io.stdout.join("\n");
    expect(text).toContain(
      M.sheets([
        { name: "Deal inputs", formulas: 0 },
        { name: "Model", formulas: 8 },
        { name: "Notes", formulas: 0 },
      ]),
    );
    expect(text).toContain(M.computed(8, 8));
    expect(text).toContain(M.keptCount(0));
    expect(text).toContain(M.cellsInError(1));
    expect(text).toContain(M.errorCell("Model!B8", "#VALUE!", MSG.notNumber("noi", "n/a").message));
    expect(text).toContain(M.unsupported([]));
  });

  test("cached values: the core's numbers, Excel's PMT, the methodology's figures", async () => {
    const wb = await read(output);
    const pay = result(wb, "Model", "B1") as number;
    expect(pay).toBeCloseTo(PAYMENT(4500000, 0.0685, 30) as number, 9);
    expect(result(wb, "Model", "B2") as number).toBeCloseTo(-formulajs.PMT(0.0685 / 12, 360, 4500000), 8);
    expect(result(wb, "Model", "B3")).toBe(NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7));
    expect(result(wb, "Model", "B3")).toBe(180000);
    expect(result(wb, "Model", "B4")).toBe(1050000);
    expect(result(wb, "Model", "B5") as number).toBeCloseTo(180000 / 1050000, 12);
    expect(result(wb, "Model", "B6")).toBe("non-recourse");
    expect(result(wb, "Model", "B7")).toBe(1230000);
    expect(result(wb, "Model", "B8")).toEqual({ error: "#VALUE!" });
  });

  test("formats, styles, names, column widths and other sheets survive", async () => {
    const wb = await read(output);
    const inputs = wb.getWorksheet("Deal inputs")!;
    expect(inputs.getColumn(1).width).toBe(28);
    expect(inputs.getCell("B2").numFmt).toBe("0.00%");
    expect(inputs.getCell("B1").font?.color?.argb).toBe("FF0000FF");
    expect(wb.getWorksheet("Model")!.getCell("B3").numFmt).toBe("#,##0.00");
    expect((wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model).toEqual([
      { name: "LoanAmount", ranges: ["'Deal inputs'!$B$1"] },
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Deal inputs", "Model", "Notes"]);
    expect(wb.getWorksheet("Notes")!.getCell("A1").value).toBe("Untouched sheet");
    expect(wb.getWorksheet("Notes")!.getCell("A1").font?.bold).toBe(true);
  });

  test("--strict exits 1 when a cell is in error", async () => {
    expect(await main(["recalc", input, "-o", path.join(dir, "strict.xlsx"), "--strict"], capture(), dist)).toBe(1);
  });

  test("--values writes values only", async () => {
    const out = path.join(dir, "values.xlsx");
    expect(await main(["recalc", input, "-o", out, "--values"], capture(), dist)).toBe(0);
    const wb = await read(out);
    expect(wb.getWorksheet("Model")!.getCell("B3").value).toBe(180000);
    expect(wb.getWorksheet("Model")!.getCell("B8").value).toEqual({ error: "#VALUE!" });
  });

  test("without -o it writes IN.recalc.xlsx beside the input, never the input", async () => {
    const copy = path.join(dir, "copy.xlsx");
    fs.copyFileSync(input, copy);
    expect(await main(["recalc", copy], capture(), dist)).toBe(0);
    expect(sha(copy)).toBe(before);
    expect(fs.existsSync(path.join(dir, "copy.recalc.xlsx"))).toBe(true);
  });

  test("-o naming the input updates it in place, as asked", async () => {
    const copy = path.join(dir, "inplace.xlsx");
    fs.copyFileSync(input, copy);
    expect(await main(["recalc", copy, "-o", copy], capture(), dist)).toBe(0);
    expect(result(await read(copy), "Model", "B3")).toBe(180000);
  });

  test("text stays text: a text cell starting with = (or looking like a number, date or TRUE) is data", async () => {
    const file = path.join(dir, "text.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "=1+1";
    ws.getCell("A2").value = "12/31/2024";
    ws.getCell("A3").value = "TRUE";
    ws.getCell("A4").value = "'quoted";
    ws.getCell("B1").value = { formula: "A1", result: "=1+1" };
    ws.getCell("B2").value = { formula: "ISTEXT(A1)+ISTEXT(A2)+ISTEXT(A3)", result: 3 };
    ws.getCell("B3").value = { formula: 'A4&"!"', result: "'quoted!" };
    ws.getCell("B4").value = { formula: "IF(TRUE,LEN(A1),0)", result: 4 };
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "text-out.xlsx");
    expect(await main(["recalc", file, "-o", out], capture(), dist)).toBe(0);
    const back = await read(out);
    expect(result(back, "S", "B1")).toBe("=1+1");
    expect(result(back, "S", "B2")).toBe(3);
    expect(result(back, "S", "B3")).toBe("'quoted!");
    expect(result(back, "S", "B4")).toBe(4);
    expect(back.getWorksheet("S")!.getCell("A1").value).toBe("=1+1");
  });

  test.each([
    ["a missing file", "missing.xlsx", null, M.noSuchFile("missing.xlsx")],
    ["a text file", "notes.xlsx", "just text", M.notXlsx("notes.xlsx", false)],
    ["an empty file", "empty.xlsx", "", M.notXlsx("empty.xlsx", true)],
    [
      "an encrypted workbook",
      "locked.xlsx",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      M.encrypted("locked.xlsx"),
    ],
    [
      "a corrupt zip",
      "corrupt.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 7)]),
      M.corrupt("corrupt.xlsx"),
    ],
  ])("%s gets a clear message and exit 2", async (_label, name, content, message) => {
    const file = path.join(dir, name as string);
    if (content !== null) fs.writeFileSync(file, content as string | Buffer);
    const io = capture();
    expect(await main(["recalc", file], io, dist)).toBe(2);
    expect(io.stderr.join("")).toContain(message as string);
  });

  test("bad usage exits 2 with one line pointing to --help", async () => {
    const cases: [string[], string][] = [
      [[], M.commandNeeded()],
      [["frob"], M.unknownCommand("frob")],
      [["recalc"], M.recalcNeedsInput()],
      [["recalc", "a.xlsx", "b.xlsx"], M.oneInput("a.xlsx", "b.xlsx")],
      [["recalc", "a.xlsx", "--bogus"], M.unknownOption("--bogus")],
      [["recalc", "a.xlsx", "-o"], M.needsFileName("-o")],
      [["recalc", "a.xlsx", "-o", "out.csv"], M.notXlsxName("-o", "out.csv")],
      [["recalc", "a.xlsx", "--max-cells", "many"], M.needsPositive("--max-cells", "many")],
    ];
    for (const [argv, message] of cases) {
      const io = capture();
      expect(await main(argv, io, dist)).toBe(2);
      const text = io.stderr.join("");
      expect(text.trim().split("\n")).toHaveLength(1);
      expect(text).toMatch(/^loan: .*\(see loan --help\)\n$/);
      expect(text).toBe(M.usageLine(message));
    }
    const help = capture();
    expect(await main(["--help"], help, dist)).toBe(0);
    expect(help.stdout).toEqual([USAGE]);
  });

  test("--version prints the package's version", async () => {
    const io = capture();
    expect(await main(["--version"], io, dist)).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "package.json"), "utf8")) as {
      version: string;
    };
    expect(io.stdout).toEqual([M.version(pkg.version)]);
  });

  test("a folder as input, or as output, says so", async () => {
    const io = capture();
    expect(await main(["recalc", dir], io, dist)).toBe(2);
    expect(io.stderr.join("")).toBe(M.errorLine(M.inputIsFolder(dir)));
    const sub = path.join(dir, "folder.xlsx");
    fs.mkdirSync(sub, { recursive: true });
    const io2 = capture();
    expect(await main(["recalc", input, "-o", sub], io2, dist)).toBe(2);
    expect(io2.stderr.join("")).toBe(M.errorLine(M.outputIsFolder(sub)));
    expect(io2.stderr.join("")).not.toMatch(/\n\s+at /);
  });

  test("an existing output is replaced only when -o names it or with --force", async () => {
    const copy = path.join(dir, "exists.xlsx");
    fs.copyFileSync(input, copy);
    const target = path.join(dir, "exists.recalc.xlsx");
    fs.writeFileSync(target, "keep me");
    const io = capture();
    expect(await main(["recalc", copy], io, dist)).toBe(2);
    expect(io.stderr.join("")).toBe(M.errorLine(M.outputExists(target)));
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    expect(await main(["recalc", copy, "--force"], capture(), dist)).toBe(0);
    expect(result(await read(target), "Model", "B3")).toBe(180000);
    fs.writeFileSync(target, "keep me");
    expect(await main(["recalc", copy, "-o", target], capture(), dist)).toBe(0);
    expect(result(await read(target), "Model", "B3")).toBe(180000);
  });
});

describe("a failed write changes nothing", () => {
  const input = path.join(dir, "atomic.xlsx");
  let before: string;
  beforeAll(async () => {
    await fixture(input);
    before = sha(input);
  });
  const tempFiles = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

  test("a write that fails midway (EFBIG) leaves the input byte-for-byte intact, no partial file, a plain message", async () => {
    const addin = loadAddin(dist);
    const failing = (_zip: unknown, file: string) => {
      fs.writeFileSync(file, "PK partial");
      throw Object.assign(new Error("EFBIG: file too large, write"), { code: "EFBIG" });
    };
    await expect(recalcXlsx(addin, input, input, { writePackage: failing })).rejects.toThrow(
      M.cannotWrite(input, "the file is too large for the file system (EFBIG)"),
    );
    expect(sha(input)).toBe(before);
    expect(tempFiles()).toEqual([]);
  });

  test("a rename that fails leaves the input intact (-o naming the input, through the CLI)", async () => {
    const rename = jest.spyOn(fs, "renameSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "ENOSPC" });
    });
    try {
      const io = capture();
      expect(await main(["recalc", input, "-o", input], io, dist)).toBe(2);
      expect(io.stderr.join("")).toBe(M.errorLine(M.cannotWrite(input, "the disk is full (ENOSPC)")));
      expect(io.stderr.join("")).not.toMatch(/\n\s+at /);
    } finally {
      rename.mockRestore();
    }
    expect(sha(input)).toBe(before);
    expect(tempFiles()).toEqual([]);
  });
});

describe("bounded input: limits checked before the engine is built", () => {
  const input = path.join(dir, "bounded.xlsx");
  beforeAll(() => fixture(input));

  test("over --max-cells: refused, the message names the limit and the flag, nothing written", async () => {
    const out = path.join(dir, "bounded-out.xlsx");
    const io = capture();
    // 16 shared strings (under the limit), 31 cells (over it).
    expect(await main(["recalc", input, "-o", out, "--max-cells", "20"], io, dist)).toBe(2);
    expect(io.stderr.join("")).toMatch(
      /has more than 20 cells \(\d+ formulas\), over the limit of 20 \(--max-cells N\)/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("over --max-size (uncompressed): refused before the workbook is unpacked", async () => {
    const io = capture();
    expect(await main(["recalc", input, "-o", path.join(dir, "b2.xlsx"), "--max-size", "0.01"], io, dist)).toBe(2);
    expect(io.stderr.join("")).toMatch(/expands to .* uncompressed, over the limit of .* \(--max-size MB\)/);
  });

  test("the declared size is read from the zip directory; a file that is not a zip has none", () => {
    const zip = ZipFile.open(input, 1e9);
    try {
      expect(zip.declaredTotal).toBeGreaterThan(fs.statSync(input).size);
    } finally {
      zip.close();
    }
    expect(() => ZipFile.open(__filename, 1e9)).toThrow(ZipProblem);
  });

  test("the default limits fit 60 % of Node's heap (2 KB a cell, 4 bytes per byte of XML)", () => {
    expect(defaultLimits(4 * 1024 ** 3)).toEqual({ maxCells: 1200000, maxUncompressedBytes: 614 * 1024 * 1024 });
    expect(defaultLimits(1024 ** 3)).toEqual({ maxCells: 300000, maxUncompressedBytes: 153 * 1024 * 1024 });
  });
});

describe("kept as cached, not recomputed", () => {
  const input = path.join(dir, "kept.xlsx");
  const output = path.join(dir, "kept-out.xlsx");
  let io: ReturnType<typeof capture>;
  let code: number;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "FOOBAR(1)", result: 42 };
    ws.getCell("A2").value = { formula: "A1*2+1", result: 0 };
    ws.getCell("A3").value = { formula: 'TEXT(1234,"0.00E+00")', result: "1.23E+03" };
    ws.getCell("A4").value = { formula: '"x"&(0.1+0.2)', result: "x0.3" };
    ws.getCell("A5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A6").value = { formula: "_xldudf_LOAN_DSCR(405000,0)", result: { error: "#DIV/0!" } };
    ws.getCell("A7").value = { formula: "A3#", result: "spill ref" };
    ws.getCell("A8").value = { formula: 'IF(TRUE,"say ""hi""","")', result: "" };
    // The engine gives an error where Excel cached a value: Excel's value is kept.
    ws.getCell("A9").value = { formula: "1/0", result: 5 };
    // A function not on the conformance-tested list keeps Excel's value.
    ws.getCell("A10").value = { formula: "AVEDEV(1,2,4)", result: 1.1111111111111112 };
    await wb.xlsx.writeFile(input);
    io = capture();
    code = await main(["recalc", input, "-o", output], io, dist);
  });

  test("exit 3; the summary lists each kept cell with its reason", () => {
    expect(code).toBe(3);
    const text = io.stdout.join("\n");
    expect(text).toContain(M.computed(4, 10));
    expect(text).toContain(M.keptCount(6));
    expect(text).toContain(M.keptCell("S!A1", M.notImplemented("FOOBAR")));
    expect(text).toContain('S!A3  TEXT format "0.00E+00" is not implemented.');
    expect(text).toContain(M.keptCell("S!A4", M.joinedNumber()));
    expect(text).toContain(M.keptCell("S!A7", M.spillReference()));
    expect(text).toContain(M.keptCell("S!A9", M.engineError("#DIV/0!")));
    expect(text).toContain(M.keptCell("S!A10", M.notTested("AVEDEV")));
    expect(text).toContain(M.unsupported([{ name: "FOOBAR", cells: 1 }]));
  });

  test("Excel's cached values are kept; cells reading them are computed from them; real errors are written", async () => {
    const wb = await read(output);
    expect(result(wb, "S", "A1")).toBe(42);
    expect(result(wb, "S", "A2")).toBe(85);
    expect(result(wb, "S", "A3")).toBe("1.23E+03");
    expect(result(wb, "S", "A4")).toBe("x0.3");
    expect(result(wb, "S", "A5")).toEqual({ error: "#DIV/0!" });
    expect(result(wb, "S", "A6")).toEqual({ error: "#DIV/0!" });
    expect(result(wb, "S", "A7")).toBe("spill ref");
    expect(result(wb, "S", "A8")).toBe('say "hi"');
    expect(result(wb, "S", "A9")).toBe(5);
    expect((wb.getWorksheet("S")!.getCell("A1").value as ExcelJS.CellFormulaValue).formula).toBe("FOOBAR(1)");
  });

  test("--strict with cells in error exits 1 (errors come before kept cells)", async () => {
    expect(await main(["recalc", input, "-o", path.join(dir, "kept-strict.xlsx"), "--strict"], capture(), dist)).toBe(
      1,
    );
  });
});

describe("pieces", () => {
  test("formulas from files are normalized for the engine; the file keeps its text", () => {
    expect(normalizeFormula("_xldudf_LOAN_PAYMENT(A1,B1,C1)")).toBe("LOAN.PAYMENT(A1,B1,C1)");
    expect(normalizeFormula("_xldudf_LOAN_DEBT_SERVICE(A1,B1,C1)+_xlfn.XLOOKUP(1,A:A,B:B)")).toBe(
      "LOAN.DEBT_SERVICE(A1,B1,C1)+XLOOKUP(1,A:A,B:B)",
    );
    expect(normalizeFormula("_xlfn._xlws.SORT(A1:A3)")).toBe("SORT(A1:A3)");
    expect(normalizeFormula("LOAN.DSCR(1,2)")).toBe("LOAN.DSCR(1,2)");
  });

  test("the progress bar waits a second, draws only on a terminal, and clears itself", () => {
    let t = 0;
    const drawn: string[] = [];
    const tty: Io = { out: () => undefined, err: (s) => drawn.push(s), errIsTty: true };
    const bar = progressBar(tty, () => t);
    bar.update("read", 0.5);
    expect(drawn).toEqual([]);
    t = 1500;
    bar.update("compute", 0.5);
    expect(drawn[0]).toMatch(/^\r\[#+\.+\]  40% computing/);
    bar.finish();
    expect(drawn.at(-1)).toMatch(/^\r +\r$/);
    const quiet: string[] = [];
    const pipe = progressBar({ out: () => undefined, err: (s) => quiet.push(s), errIsTty: false }, () => 5000);
    pipe.update("write", 1);
    pipe.finish();
    expect(quiet).toEqual([]);
  });
});
