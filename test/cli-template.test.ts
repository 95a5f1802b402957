/**
 * `npx loan template`: lists the deal templates and writes one as an .xlsx with the engine's
 * results cached (methodology §6: the value-add premium 180,000 and break-even ≈ 17.1 %).
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../src/engine/cli";
import { ENGINE_MSG as M } from "../src/engine/messages";
import { buildDealPlan } from "../src/plan/deal";
import { TEMPLATES } from "../src/plan/templates";
import { PORTFOLIO_TEMPLATE } from "../src/plan/portfolio";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { capture } from "./helpers";

const dist = path.resolve(__dirname, "..", "dist");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loan-template-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The cached result in column `col` of the row whose column A reads `label` (a value or a formula's cached text). */
function cachedBeside(ws: ExcelJS.Worksheet, label: string, col: number): unknown {
  let found: unknown;
  ws.eachRow((row) => {
    const a = row.getCell(1).value;
    const text = a !== null && typeof a === "object" && "formula" in a ? a.result : a;
    if (found === undefined && text === label) found = (row.getCell(col).value as ExcelJS.CellFormulaValue).result;
  });
  return found;
}

describe("loan template", () => {
  test("--list shows every template id and title", async () => {
    const io = capture();
    expect(await main(["template", "--list"], io, dist)).toBe(0);
    expect(io.stdout).toHaveLength(TEMPLATES.length + 1);
    for (const t of [...TEMPLATES, PORTFOLIO_TEMPLATE])
      expect(io.stdout.some((l) => l.startsWith(t.id) && l.includes(t.title))).toBe(true);
  });

  test("writes the portfolio: its sheet with cached results, Pf names, no cell in error", async () => {
    const io = capture();
    const out = path.join(dir, "book.xlsx");
    expect(await main(["template", "Portfolio", "-o", out], io, dist)).toBe(0);
    expect(io.stdout).toContain(M.cellsInError(0));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet("Portfolio") as ExcelJS.Worksheet;
    // Harbor Equity Partners' covenants, as the roll-up states them (figures formatted).
    expect(cachedBeside(ws, "Harbor Equity Partners", 13)).toMatch(
      /^Fails: net worth short by 100,000 \(min 8,100,000\)/,
    );
    expect(cachedBeside(ws, "Maple Street Holdings", 13)).toBe("OK");
    expect(book.definedNames.getRanges("PfLoanExposure").ranges[0]).toMatch(/^Portfolio!\$X\$\d+:\$X\$\d+$/);
    // --state makes no sense for a book of loans in several states.
    const bad = capture();
    expect(await main(["template", "portfolio", "--state", "CA", "-o", out], bad, dist)).toBe(2);
    expect(bad.stderr.join("")).toBe(M.usageLine(M.stateNotForPortfolio()));
  });

  test("writes the value-add template with cached results, names and no cell in error", async () => {
    const io = capture();
    const out = path.join(dir, "deal.xlsx");
    expect(await main(["template", "value-add", "-o", out], io, dist)).toBe(0);
    expect(io.stdout).toContain(M.cellsInError(0));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet("Value-add deal") as ExcelJS.Worksheet;
    expect(cachedBeside(ws, "Interest and points over the hold, the two quotes (interest-only view)", 4)).toBe(180000);
    expect(cachedBeside(ws, "Break-even default probability (TX law)", 4)).toBeCloseTo(0.1714, 4);
    // Where the plan puts the loan input (below the title, the header and the summary).
    const at = buildDealPlan(VALUE_ADD).names?.find((n) => n.name === "LoanInput")?.address as string;
    expect(at).toMatch(/^B[0-9]+$/);
    expect(book.definedNames.getRanges("LoanInput").ranges).toEqual([`'Value-add deal'!$B$${at.slice(1)}`]);
    // Frozen: the title and the legend (rows 1–2), and the labels in A (issue 25 item 2).
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 1 });
  });

  test("--state applies another state's law; the default output is NAME.xlsx", async () => {
    const io = capture();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(["template", "VALUE-ADD", "--state", "ca"], io, dist)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "value-add.xlsx"));
    const ws = book.getWorksheet("Value-add deal") as ExcelJS.Worksheet;
    // California bars a deficiency after a trustee sale (CCP 580d), so the lender's best remedy is a
    // judicial foreclosure (580a's fair-value limit: at a sale at the value, the whole deficiency).
    expect(cachedBeside(ws, "The lender's remedy under CA law", 2)).toBe("JUDICIAL");
    expect(cachedBeside(ws, "Break-even default probability (CA law)", 4)).toBeCloseTo(0.1714, 4);
  });

  test("an unknown template or option is a usage error (status 2)", async () => {
    const io = capture();
    expect(await main(["template", "nope"], io, dist)).toBe(2);
    expect(io.stderr.join("")).toBe(
      M.usageLine(
        M.noTemplate(
          "nope",
          [...TEMPLATES, PORTFOLIO_TEMPLATE].map((t) => t.id),
        ),
      ),
    );
    expect(await main(["template"], capture(), dist)).toBe(2);
    expect(await main(["template", "blank", "--bogus"], capture(), dist)).toBe(2);
  });

  test("the usage text documents the command", async () => {
    const io = capture();
    expect(await main(["--help"], io, dist)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/loan template NAME \[-o OUT\.xlsx\]/);
    expect(io.stdout.join("\n")).toMatch(/loan template --list/);
  });
});
