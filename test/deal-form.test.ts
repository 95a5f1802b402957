/**
 * The task pane's deal form without a DOM: fields checked with the LOAN functions' declared
 * parameters (the messages are the catalogue's, as Excel shows them), and the form turned
 * into buildDealPlan's arguments.
 */
import { PAYMENT } from "../src/core";
import { Fault } from "../src/core/fault";
import { buildDealPlan, INPUT_NAMES } from "../src/plan/deal";
import { DOWNSIDE_DEFAULTS } from "../src/plan/deal/downside";
import { TEMPLATES } from "../src/plan/templates";
import { AGENCY } from "../src/plan/templates/agency";
import { VALUE_ADD } from "../src/plan/templates/value-add";
import { RESIDENTIAL_CA_TX } from "../src/plan/templates/residential";
import {
  carveoutChoices,
  checkField,
  FIELDS,
  FORM_MESSAGES,
  initialState,
  inWords,
  readForm,
  showValue,
  stateChoices,
  formChecks,
} from "../src/taskpane/deal-form";
import { ENTRY_CASES } from "./entry-cases";

const field = (key: string) =>
  FIELDS.find((f) => f.key === key) ??
  (() => {
    throw new Error(key);
  })();

describe("checkField reads a field as Excel reads its cell", () => {
  /** A pane field whose input's cell has the number format (one that takes any sign, for the money cases). */
  const withFormat = (format: string) =>
    field(({ "#,##0": "noi", "0.00%": "recourseRate", "0.0%": "occupancy", "0": "holdYears" } as const)[format] ?? "");

  // The cases the sheet's entry shares (test/preview-entry.test.ts): one reading of typed text.
  test.each(ENTRY_CASES)("$typed in a $format field: $value", ({ typed, format, value }) => {
    const f = withFormat(format);
    const checked = checkField(f, typed);
    if (value !== undefined) expect(checked).toEqual({ value });
    else
      expect(checked).toEqual({
        error: `${f.label.replace(/\s*\([^)]*\)$/, "")} must be a number; got text "${typed.trim()}".`,
      });
  });

  test("the fields' formats are their cells' on the sheet", () => {
    expect(field("propertyValue").format).toBe("#,##0");
    expect(field("recourseRate").format).toBe("0.00%");
    expect(field("occupancy").format).toBe("0.0%");
    expect(field("holdYears").format).toBe("0");
  });

  test("a value read is shown as its cell shows it, every decimal kept, and reads back as itself", () => {
    expect(showValue(field("propertyValue"), 6_450_000)).toBe("6,450,000");
    expect(showValue(field("propertyValue"), 4_500_000.5)).toBe("4,500,000.5");
    expect(showValue(field("noi"), -25_000)).toBe("-25,000");
    expect(showValue(field("recourseRate"), 0.0685)).toBe("6.85%");
    expect(showValue(field("recourseRate"), 0.06855)).toBe("6.855%");
    expect(showValue(field("occupancy"), 0.9)).toBe("90.0%");
    expect(showValue(field("holdYears"), 7.5)).toBe("7.5");
    for (const f of FIELDS)
      for (const v of [0.0685, 0.9, 7, 7.5, 6_450_000, 4_500_000.25]) {
        const read = checkField(f, String(v));
        if ("value" in read)
          expect({ f: f.key, v, again: checkField(f, showValue(f, read.value)) }).toEqual({ f: f.key, v, again: read });
      }
  });

  test("the form opens with each template's inputs shown formatted", () => {
    const form = initialState(VALUE_ADD);
    expect(form.values.propertyValue).toBe("6,450,000");
    expect(form.values.recourseRate).toBe(showValue(field("recourseRate"), VALUE_ADD.inputs.recourseRate));
    expect(form.values.occupancy).toBe("90.0%");
  });

  test("a percentage field's hint says how it reads", () => {
    expect(field("occupancy").hint).toBe(FORM_MESSAGES.percentHint("90", "0.9", true));
    expect(field("recoursePoints").hint).toMatch(/^Percent, as Excel reads it: 0\.75% or 0\.0075; 0 or blank/);
  });

  test("accepts numbers, with grouping commas", () => {
    expect(checkField(field("propertyValue"), "6,450,000")).toEqual({ value: 6450000 });
    expect(checkField(field("recourseRate"), " 0.0685 ")).toEqual({ value: 0.0685 });
    expect(checkField(field("noi"), "-25000")).toEqual({ value: -25000 });
  });

  test("the message is the function's own, from the catalogue, naming the field by its label", () => {
    // 685 % is 6.85: a rate over 100 %, which the parameter's rule refuses
    const typed = checkField(field("recourseRate"), "685%");
    const direct = PAYMENT.param.annualRate.read(6.85) as { message: string; arg: string };
    // the catalogue's message with the parameter's name (annualRate) replaced by the field's label
    expect(direct.message.startsWith(`${direct.arg} `)).toBe(true);
    expect(typed).toEqual({ error: `Recourse rate${direct.message.slice(direct.arg.length)}` });
    expect((typed as { error: string }).error).toMatch(/Rates are decimals/);
    const loan = (checkField(field("loanAmount"), "-1") as { error: string }).error;
    expect(loan).toMatch(/^Loan amount must be at least 0/);
    expect(loan).not.toMatch(/loanAmount/);
    expect((checkField(field("propertyValue"), "lots") as { error: string }).error).toMatch(
      /^Property value must be a number; got text "lots"/,
    );
  });

  test("a message not about the parameter (no name at its start) is kept as it is", () => {
    const fault = new Fault("#VALUE!", "something else", "x");
    expect(inWords(fault, "Label")).toBe("something else");
    expect(inWords(new Fault("#VALUE!", "x is bad", "x"), "Label (note)")).toBe("Label is bad");
  });

  test("blank is an error; years must be whole months", () => {
    expect(checkField(field("holdYears"), "")).toEqual({ error: FORM_MESSAGES.required });
    expect(checkField(field("holdYears"), "7.5")).toEqual({ value: 7.5 });
    expect((checkField(field("holdYears"), "7.01") as { error: string }).error).toBe(FORM_MESSAGES.wholeMonths);
    expect((checkField(field("amortYears"), "0") as { error: string }).error).toMatch(/^Amortization must be/);
  });
});

describe("the rate and points fields (0 or blank: the market table's)", () => {
  test("blank reads as 0; a rate typed is checked like any rate; the plan takes it as the override", () => {
    for (const key of ["recourseRate", "nonRecourseRate", "recoursePoints", "nonRecoursePoints"])
      expect(checkField(field(key), "  ")).toEqual({ value: 0 });
    expect((checkField(field("nonRecourseRate"), "550%") as { error: string }).error).toMatch(
      /^Non-recourse rate .*Rates are decimals/,
    );
    const form = initialState(AGENCY);
    const result = readForm({ ...form, values: { ...form.values, nonRecourseRate: "0.061", recourseRate: "" } });
    expect(result).toMatchObject({ ok: true, inputs: { nonRecourseRate: 0.061, recourseRate: 0 } });
    if (!result.ok) return;
    const plan = buildDealPlan(result.template, result.inputs);
    const name = plan.names?.find((n) => n.name === INPUT_NAMES.nonRecourseRate);
    expect(plan.cells.find((c) => c.address === name?.address)?.value).toBe(0.061);
  });
});

describe("readForm", () => {
  test("a template's initial form reads back to its own inputs and builds its plan", () => {
    for (const t of TEMPLATES) {
      const result = readForm(initialState(t));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.template).toBe(t);
      for (const f of FIELDS) if (f.key !== "defaultYear") expect(result.inputs[f.key]).toBe(t.inputs[f.key]);
      expect(result.defaultYear).toBe(t.downside?.defaultYear ?? DOWNSIDE_DEFAULTS.defaultYear);
      expect("defaultYear" in result.inputs).toBe(false);
      expect(result.state).toBe(t.inputs.state);
      const plan = buildDealPlan(result.template, result.inputs, { carveouts: result.carveouts, state: result.state });
      expect(plan.sheetName).toBe(t.sheetName);
    }
  });

  test("edits, carveouts and the state reach the plan", () => {
    const form = { ...initialState(VALUE_ADD), state: "CA", carveouts: ["fraud", "RENTS"] };
    const result = readForm({ ...form, values: { ...form.values, holdYears: "5" } });
    expect(result).toMatchObject({
      ok: true,
      state: "CA",
      inputs: { holdYears: 5 },
      carveouts: [
        { code: "FRAUD", loss: 0 },
        { code: "RENTS", loss: 0 },
      ],
    });
  });

  test("every bad field gets its message; nothing is built", () => {
    const form = initialState(RESIDENTIAL_CA_TX);
    const result = readForm({
      ...form,
      values: { ...form.values, recourseRate: "700%", occupancy: "", netWorth: "x" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["netWorth", "occupancy", "recourseRate"]);
    expect(result.summary).toBe(FORM_MESSAGES.invalid(3));
  });

  test("the default year: 1 to the hold, in whole months; it reaches the plan's DefaultYear", () => {
    const form = initialState(VALUE_ADD);
    const withYear = (defaultYear: string, holdYears = form.values.holdYears) =>
      readForm({ ...form, values: { ...form.values, defaultYear, holdYears } });
    const ok = withYear("5");
    expect(ok).toMatchObject({ ok: true, defaultYear: 5 });
    if (!ok.ok) return;
    const plan = buildDealPlan(ok.template, ok.inputs, { defaultYear: ok.defaultYear });
    const name = plan.names?.find((n) => n.name === "DefaultYear");
    expect(plan.cells.find((c) => c.address === name?.address)?.value).toBe(5);
    // At the hold is allowed; before year 1 is not a year; after the hold reads, and is a blocking deal check
    // (issue 22: the sheet marks the verdict not reliable; the pane says so before inserting).
    expect(withYear(String(VALUE_ADD.inputs.holdYears))).toMatchObject({ ok: true });
    expect(withYear("8", "7")).toMatchObject({ ok: true, defaultYear: 8 });
    const late = formChecks({ ...form, values: { ...form.values, defaultYear: "8", holdYears: "7" } }, "2025-12-01");
    expect(late.blocking).toEqual([expect.stringMatching(/default year 8.*hold of 7/i)]);
    expect(withYear("0.5")).toMatchObject({ ok: false, errors: { defaultYear: FORM_MESSAGES.defaultYearAtLeastOne } });
    expect(withYear("2.01")).toMatchObject({ ok: false, errors: { defaultYear: FORM_MESSAGES.wholeMonths } });
    expect(withYear("x")).toMatchObject({ ok: false, errors: { defaultYear: expect.stringMatching(/^Default year/) } });
    // A bad hold is its own field's message; the default year is not checked against it.
    const badHold = withYear("3", "");
    expect(badHold.ok).toBe(false);
    if (!badHold.ok) expect(Object.keys(badHold.errors)).toEqual(["holdYears"]);
  });

  test("an unknown template is reported", () => {
    expect(readForm({ ...initialState(), templateId: "nope" })).toMatchObject({
      ok: false,
      errors: { template: FORM_MESSAGES.unknownTemplate("nope") },
    });
  });
});

describe("choices", () => {
  test("carveouts: the catalogue, with their consequence", () => {
    const choices = carveoutChoices();
    expect(choices.map((c) => c.code)).toContain("FRAUD");
    expect(choices.find((c) => c.code === "WASTE")?.label).toMatch(/loss only/);
  });

  test("states: every state and DC; those the table does not know are marked", () => {
    const states = stateChoices();
    expect(states).toHaveLength(51);
    expect(states.find((s) => s.code === "TX")).toMatchObject({ known: true, label: "TX" });
    expect(states.find((s) => s.code === "CA")?.known).toBe(true);
    expect(states.find((s) => s.code === "FL")).toMatchObject({ known: true, label: "FL (judicial foreclosure only)" });
    expect(states.find((s) => s.code === "ND")).toMatchObject({ known: true, label: "ND (judicial foreclosure only)" });
    // DE forecloses in court only and the table does not know whether a deficiency follows;
    // WY is known since the review of issue 11 (Fitch, 1988).
    expect(states.filter((s) => !s.known)).toEqual([
      { code: "DE", known: false, label: "DE (not in the state table yet: #N/A)" },
    ]);
  });
});
