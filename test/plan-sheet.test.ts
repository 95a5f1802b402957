/**
 * The sheet builder every plan is written with: rows move down as they are placed, inputs
 * are blue constants and formulas black, formats are looked up by name, names are kept in
 * the order given, and a plan without names has none.
 */
import { call, quote } from "../src/plan/formula";
import fc from "fast-check";
import { column, parseAddress } from "../src/plan/a1";
import { columnPoints, textPoints, textRoom, wrapLongText } from "../src/plan/page";
import { FORMULA_COLOR, INPUT_COLOR, type PlanCell } from "../src/plan/plan";
import { SheetBuilder } from "../src/plan/sheet";

const FORMATS = { money: "#,##0", rate: "0.00%" } as const;

describe("SheetBuilder", () => {
  test("labelled rows of inputs and formulas, with formats and names", () => {
    const s = new SheetBuilder(FORMATS);
    expect(s.heading("Inputs", 0, ["Recourse", "Non-recourse"])).toBe(1);
    const [a, b] = s.inputRow("Rate", [0.05, 0.06], "rate");
    expect([a, b]).toEqual(["B2", "C2"]);
    const named = s.input("B", s.label("Loan", 1), 1000, "money", "Loan");
    expect(named).toBe("Loan");
    expect(s.row).toBe(4);
    const [f] = s.formulaRow("Payment", [`=${call("PAYMENT", named, a, "30")}`]);
    expect(f).toBe("B5");
    const plan = s.build({ sheetName: "T", columnWidths: [{ column: "C", points: 90 }] });
    const at = (address: string) => plan.cells.find((c) => c.address === address);
    expect(at("A1")).toEqual({ address: "A1", value: "Inputs", bold: true });
    expect(at("C1")).toEqual({ address: "C1", value: "Non-recourse", bold: true });
    expect(at("C2")).toEqual({ address: "C2", value: 0.06, fontColor: INPUT_COLOR, numberFormat: "0.00%" });
    expect(at("A4")).toEqual({ address: "A4", value: "Loan" });
    expect(at("B5")).toEqual({ address: "B5", formula: "=LOAN.PAYMENT(Loan,B2,30)", fontColor: FORMULA_COLOR });
    expect(plan.names).toEqual([{ name: "Loan", address: "B4" }]);
  });

  test("text too long for its room wraps in its column; text with room to run on does not", () => {
    // Room: the column and the empty columns to its right, up to the last used one. Widths in
    // points; the estimate is 5.6 points a character (6.2 bold) plus 6 of padding.
    const s = new SheetBuilder(FORMATS);
    const r = s.next();
    s.text("A", r, "x".repeat(30)); // 174 pt, in A (48) + B (48) + C (60) = 156: wraps
    s.text("D", r, "end");
    const r2 = s.next();
    s.text("A", r2, "x".repeat(25)); // 146 pt ≤ 156: runs on over B and C
    const r3 = s.next();
    s.text("A", r3, "x".repeat(10)); // 62 pt, but B is filled: room 48, wraps
    s.input("B", r3, 1);
    const plan = s.build({ sheetName: "T", columnWidths: [{ column: "C", points: 60 }] });
    const wrap = (address: string) => plan.cells.find((c) => c.address === address)?.wrap;
    expect([wrap(`A${r}`), wrap(`A${r2}`), wrap(`A${r3}`), wrap(`D${r}`)]).toEqual([true, undefined, true, undefined]);
  });

  test("a paragraph goes down column A a line a row, each line within the limit", () => {
    const s = new SheetBuilder(FORMATS);
    const text = "one two three four five six seven eight nine ten";
    const rows = s.paragraph(text, 14, 1);
    expect(rows).toEqual([2, 3, 4, 5]);
    const plan = s.build({ sheetName: "T", columnWidths: [] });
    const texts = plan.cells.map((c) => c.value as string);
    expect(texts.join(" ")).toBe(text);
    expect(texts.every((t) => t.length <= 14)).toBe(true);
    expect(plan.cells.every((c) => /^A\d+$/.test(c.address))).toBe(true);
  });

  test("property: after wrapLongText every unwrapped text fits its room and every wrapped one needed it", () => {
    // Random sheets: texts (some bold) and numbers scattered over A:F, random column widths.
    const cell = fc.record({
      row: fc.integer({ min: 1, max: 6 }),
      col: fc.integer({ min: 0, max: 5 }),
      text: fc.option(fc.string({ minLength: 0, maxLength: 80 }), { nil: undefined }),
      bold: fc.boolean(),
    });
    const widths = fc.array(fc.integer({ min: 10, max: 300 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 25 }), widths, (cells, ws) => {
        const seen = new Set<string>();
        const planCells: PlanCell[] = [];
        for (const c of cells) {
          const address = `${column(c.col)}${c.row}`;
          if (seen.has(address)) continue;
          seen.add(address);
          planCells.push(c.text === undefined ? { address, value: 1 } : { address, value: c.text, bold: c.bold });
        }
        const plan = wrapLongText({
          sheetName: "T",
          cells: planCells,
          columnWidths: ws.map((points, i) => ({ column: column(i), points })),
        });
        const right = Math.max(0, ...plan.cells.map((c) => parseAddress(c.address).col));
        const room = columnPoints(plan, right);
        const filled = new Set(plan.cells.map((c) => parseAddress(c.address)).map((a) => `${a.row}:${a.col}`));
        for (const c of plan.cells) {
          if (typeof c.value !== "string") {
            expect(c.wrap).toBeUndefined();
            continue;
          }
          const fits = textPoints(c.value, c.bold) <= textRoom(filled, room, c.address);
          expect(c.wrap === true).toBe(!fits);
        }
        // Nothing else about a cell changes.
        const unwrapped = plan.cells.map((c) => {
          const copy = { ...c };
          delete copy.wrap;
          return copy;
        });
        expect(unwrapped).toEqual(planCells);
      }),
    );
  });

  test("a plan without names has no names list", () => {
    const s = new SheetBuilder(FORMATS);
    s.text("A", s.next(), "x");
    expect(s.build({ sheetName: "T", columnWidths: [] })).not.toHaveProperty("names");
  });
});

describe("formula text", () => {
  test("call leaves omitted arguments empty, so the function takes its default", () => {
    expect(call("DEFICIENCY", "B1", "B2", undefined, undefined, "B3")).toBe("LOAN.DEFICIENCY(B1,B2,,,B3)");
    expect(call("CARVEOUTS")).toBe("LOAN.CARVEOUTS()");
  });
  test("quote doubles quotation marks", () => {
    expect(quote('say "hi"')).toBe('"say ""hi"""');
  });
});
