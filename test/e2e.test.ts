/**
 * End to end, in a real browser: Debian's Chromium driven by playwright-core opens the
 * preview (the real task pane beside the engine-computed workbook) served by
 * scripts/start.mjs, and works it as an analyst would. Screenshots go to docs/ for the
 * README. Without Chromium the tests are skipped with the command that installs it.
 * Expected figures: methodology §6 (premium 180,000; deficiency 1,050,000).
 */
import fs from "fs";
import path from "path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { buildDealPlan } from "../src/plan/deal";
import { findTemplate } from "../src/plan/templates";
import { parseAddress, type SheetPlan } from "../src/plan/plan";
import { initialState, readForm } from "../src/taskpane/deal-form";
import { freePort, startServer, stopServer, waitFor, type Started } from "./dev-server";

/** The plan the pane inserts for a template with its default inputs: where each figure belongs. */
function defaultPlan(id: string): SheetPlan {
  const form = readForm(initialState(findTemplate(id)));
  if (!form.ok) throw new Error(form.summary);
  return buildDealPlan(form.template, form.inputs, { carveouts: form.carveouts, state: form.state });
}

/** The address of the plan's first cell whose formula matches. */
function addressOf(plan: SheetPlan, formula: RegExp): string {
  const cell = plan.cells.find((c) => c.formula !== undefined && formula.test(c.formula));
  if (!cell) throw new Error(`no formula like ${formula} in the plan`);
  return cell.address;
}

/** The address of a named input. */
function nameOf(plan: SheetPlan, name: string): string {
  const n = plan.names?.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name} in the plan`);
  return n.address;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
const docs = path.resolve(__dirname, "..", "docs");
const describeBrowser = available ? describe : describe.skip;
if (!available) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`,
  );
}

describeBrowser("the preview in Chromium", () => {
  let server: Started | undefined;
  let browser: Browser;
  let page: Page;
  let base = "";
  let paneFrame: Frame;

  beforeAll(async () => {
    const port = await freePort();
    server = startServer(port);
    await waitFor(server, /listening on https:\/\/localhost:\d+/, 90_000);
    base = `https://localhost:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });

  beforeEach(async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1320, height: 900 } });
    page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) outside.push(r.url());
    });
    (page as unknown as { outside: string[] }).outside = outside;
    await page.goto(`${base}/preview.html`);
    await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
    // The page sets the pane's frame going once the engine is ready: wait until it has loaded.
    const frame = await (await page.waitForSelector("#pane")).contentFrame();
    if (!frame) throw new Error("the task pane frame is missing");
    await frame.waitForURL(/\/preview-pane\.html$/);
    await frame.waitForLoadState();
    paneFrame = frame;
  });

  afterEach(async () => {
    expect((page as unknown as { outside: string[] }).outside).toEqual([]);
    await page.context().close();
  });

  function pane(): Frame {
    return paneFrame;
  }

  /** Picks a deal template in the pane and inserts it; waits for the new sheet's tab. */
  async function insert(template = "value-add"): Promise<void> {
    const frame = pane();
    await frame.waitForSelector("#insert-deal:not([disabled])");
    await frame.selectOption("#deal-template", template);
    const before = await page.locator("#sheet-tabs button").count();
    await frame.click("#insert-deal");
    await page.waitForFunction((n) => document.querySelectorAll("#sheet-tabs button").length === n + 1, before);
  }

  /** The grid cell at an A1 address of the active sheet. */
  function cell(a1: string) {
    const { row, col } = parseAddress(a1);
    return page.locator(`#grid td[data-cell="${row}:${col}"]`);
  }

  /** The grid's text, cell by cell, of the active sheet. */
  async function gridText(): Promise<string[]> {
    return page.locator("#grid td").allTextContents();
  }

  async function selectCell(a1: string): Promise<void> {
    await cell(a1).click();
  }

  const valueAdd = defaultPlan("value-add");
  const premiumIO = addressOf(valueAdd, /^=LOAN\.NONRECOURSE_PREMIUM\((?:[^,()]*,){5}[^,()]*\)$/);
  const premiumAmortizing = addressOf(valueAdd, /^=LOAN\.NONRECOURSE_PREMIUM\((?:[^,()]*,){6}[^,()]*\)$/);
  const deficiencies = valueAdd.cells.filter((c) => c.formula?.startsWith("=LOAN.DEFICIENCY(")).map((c) => c.address);
  const loanInput = nameOf(valueAdd, "LoanInput");

  test("insert the value-add template: the premium (180,000) and the surrender deficiency (1,050,000) where they belong", async () => {
    await pane().waitForSelector("#insert-deal:not([disabled])");
    await page.locator("#pane").screenshot({ path: path.join(docs, "preview-pane.png") });
    await insert("value-add");
    await expect(cell(premiumIO).textContent()).resolves.toBe("180,000");
    await expect(cell(premiumAmortizing).textContent()).resolves.toBe("181,428");
    // the last scenario (rents −35 % and surrender) is the worked example's 1,050,000
    await expect(cell(deficiencies[deficiencies.length - 1]).textContent()).resolves.toBe("1,050,000");
    await page.screenshot({ path: path.join(docs, "preview-model.png") });
    await page.locator("#charts").screenshot({ path: path.join(docs, "preview-chart.png") });
    // formulas are visible on selection
    await cell(premiumIO).click();
    expect(await page.inputValue("#formula-bar")).toMatch(/^=LOAN\.NONRECOURSE_PREMIUM\(/);
  });

  test("change an input: dependent cells follow", async () => {
    await insert("value-add");
    await cell(loanInput).click();
    await page.fill("#formula-bar", "5000000");
    await page.press("#formula-bar", "Enter");
    await expect(cell(loanInput).textContent()).resolves.toBe("5,000,000");
    // interest-only premium = L × (0.5 % × 7 + 0.5 %) = 200,000 at 5,000,000
    await expect(cell(premiumIO).textContent()).resolves.toBe("200,000");
  });

  test("a bad input: the field's message, and nothing inserted", async () => {
    const frame = pane();
    await frame.waitForSelector("#insert-deal:not([disabled])");
    await frame.click("details.inputs > summary");
    await frame.fill("#deal-loanAmount", "abc");
    await frame.press("#deal-loanAmount", "Tab");
    await expect(frame.textContent("#deal-loanAmount-error")).resolves.toContain("must be a number");
    const before = await page.locator("#sheet-tabs button").allTextContents();
    await frame.click("#insert-deal");
    await page.waitForTimeout(300);
    expect(await page.locator("#sheet-tabs button").allTextContents()).toEqual(before);
    await expect(frame.getAttribute("#deal-loanAmount", "aria-invalid")).resolves.toBe("true");
    await page.locator("#pane").screenshot({ path: path.join(docs, "preview-bad-input.png") });
  });

  test("insert twice: two sheets, the first untouched", async () => {
    await insert("value-add");
    await cell(loanInput).click();
    await page.fill("#formula-bar", "5000000");
    await page.press("#formula-bar", "Enter");
    await insert("value-add");
    const tabs = await page.locator("#sheet-tabs button").allTextContents();
    expect(tabs).toEqual(["Sheet1", "Value-add deal", "Value-add deal (2)"]);
    await expect(cell(premiumIO).textContent()).resolves.toBe("180,000");
    await page.click("#sheet-tabs button:text-is('Value-add deal')");
    await expect(cell(loanInput).textContent()).resolves.toBe("5,000,000");
    await expect(cell(premiumIO).textContent()).resolves.toBe("200,000");
  });

  test("every template inserts without a cell in error", async () => {
    for (const id of ["value-add", "cmbs", "agency", "life-company", "bridge", "residential-ca-tx", "blank"]) {
      await insert(id);
      const text = await gridText();
      expect({
        id,
        errors: text.filter((t) => /^#(VALUE!|N\/A|DIV\/0!|NUM!|NAME\?|REF!|ERROR!|SPILL!)/.test(t)),
      }).toEqual({ id, errors: [] });
    }
  });

  test("the playground: a wrong argument shows its message, with the function's help", async () => {
    await page.fill("#playground-input", '=LOAN.PAYMENT("abc", 0.05, 30)');
    await page.press("#playground-input", "Enter");
    await expect(page.locator("#playground-result").textContent()).resolves.toContain(
      '#VALUE!  loanAmount must be a number; got text "abc".',
    );
    await expect(page.locator("#playground-help").textContent()).resolves.toContain(
      "LOAN.PAYMENT(loanAmount, annualRate, amortYears, [paymentsPerYear])",
    );
    await page.fill("#playground-input", "=LOAN.NONRECOURSE_PREMIUM(4500000, 0.0685, 0.0735, 0.0075, 0.0125, 7)");
    await page.press("#playground-input", "Enter");
    await expect(page.locator("#playground-result").textContent()).resolves.toBe("180000");
    await page.locator(".playground").screenshot({ path: path.join(docs, "preview-playground.png") });
  });

  test("errors show as Excel shows them, with the message on selection", async () => {
    await selectCell("A1");
    await page.fill("#formula-bar", "=LOAN.DSCR(1,0)");
    await page.press("#formula-bar", "Enter");
    await expect(page.locator('#grid td[data-cell="0:0"]').textContent()).resolves.toBe("#DIV/0!");
    await selectCell("B1");
    await page.fill("#formula-bar", '=LOAN.CARVEOUT_EXPOSURE(1, "ARSON")');
    await page.press("#formula-bar", "Enter");
    await selectCell("B1");
    await expect(page.locator("#cell-message").textContent()).resolves.toContain(
      '#N/A: triggered: unknown code "ARSON"',
    );
  });

  test("the page's content security policy allows no remote origin", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toContain("default-src 'self'");
  });
});
