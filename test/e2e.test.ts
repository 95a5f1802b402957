/**
 * End to end, in a real browser: Debian's Chromium driven by playwright-core opens the
 * preview (the real task pane beside the engine-computed workbook) served by
 * scripts/start.mjs, and works it as an analyst would. Screenshots go to docs/ for the
 * README. Without Chromium the tests are skipped with the command that installs it.
 * Expected figures: REFERENCE.md §5 (premium 180,000; deficiency 1,050,000).
 */
import fs from "fs";
import path from "path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { freePort, startServer, stopServer, waitFor, type Started } from "./dev-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
const docs = path.resolve(__dirname, "..", "docs");
const describeBrowser = available ? describe : describe.skip;
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
}

describeBrowser("the preview in Chromium", () => {
  let server: Started | undefined;
  let browser: Browser;
  let page: Page;
  let base = "";

  beforeAll(async () => {
    const port = await freePort();
    server = startServer(port);
    await waitFor(server, /listening on https:\/\/localhost:\d+/, 90_000);
    base = `https://localhost:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
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
  });

  afterEach(async () => {
    expect((page as unknown as { outside: string[] }).outside).toEqual([]);
    await page.context().close();
  });

  function pane(): Frame {
    const frame = page.frames().find((f) => f.url().endsWith("/preview-pane.html"));
    if (!frame) throw new Error("the task pane frame is missing");
    return frame;
  }

  async function insert(): Promise<void> {
    const frame = pane();
    await frame.waitForSelector("#insert-example:not([disabled])");
    const before = await page.locator("#sheet-tabs button").count();
    await frame.click("#insert-example");
    await page.waitForFunction((n) => document.querySelectorAll("#sheet-tabs button").length === n + 1, before);
  }

  /** The grid's text, cell by cell, of the active sheet. */
  async function gridText(): Promise<string[]> {
    return page.locator("#grid td").allTextContents();
  }

  async function selectCell(a1: string): Promise<void> {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    await page.click(`#grid td[data-cell="${Number(m[2]) - 1}:${m[1].charCodeAt(0) - 65}"]`);
  }

  test("insert the worked example: the grid shows the premium (180,000) and the deficiency (1,050,000)", async () => {
    await page.screenshot({ path: path.join(docs, "preview-pane.png"), clip: { x: 0, y: 0, width: 370, height: 900 } });
    await insert();
    const text = await gridText();
    expect(text).toContain("180,000.00");
    expect(text).toContain("1,050,000.00");
    expect(text).toContain("181,428.35");
    await page.screenshot({ path: path.join(docs, "preview-model.png") });
    // formulas are visible on selection
    const cell = page.locator("#grid td", { hasText: /^180,000\.00$/ });
    await cell.click();
    expect(await page.inputValue("#formula-bar")).toMatch(/^=LOAN\.NONRECOURSE_PREMIUM\(/);
  });

  test("change an input: dependent cells follow", async () => {
    await insert();
    const loanCell = page.locator("#grid td", { hasText: /^4,500,000\.00$/ });
    await loanCell.click();
    await page.fill("#formula-bar", "5000000");
    await page.press("#formula-bar", "Enter");
    const text = await gridText();
    expect(text).toContain("5,000,000.00");
    // interest-only premium = L × (0.5 % × 7 + 0.5 %) = 200,000 at 5,000,000
    expect(text).toContain("200,000.00");
    expect(text).not.toContain("180,000.00");
  });

  test("insert twice: two sheets, the first untouched", async () => {
    await insert();
    const loanCell = page.locator("#grid td", { hasText: /^4,500,000\.00$/ });
    await loanCell.click();
    await page.fill("#formula-bar", "5000000");
    await page.press("#formula-bar", "Enter");
    await insert();
    const tabs = await page.locator("#sheet-tabs button").allTextContents();
    expect(tabs).toEqual(["Sheet1", "Loan example", "Loan example (2)"]);
    expect(await gridText()).toContain("180,000.00");
    await page.click("#sheet-tabs button:text('Loan example')");
    const first = await gridText();
    expect(first).toContain("5,000,000.00");
    expect(first).toContain("200,000.00");
  });

  test("the playground: a wrong argument shows its message, with the function's help", async () => {
    await page.fill("#playground-input", '=LOAN.PAYMENT("abc", 0.05, 30)');
    await page.press("#playground-input", "Enter");
    await expect(page.locator("#playground-result").textContent()).resolves.toContain('#VALUE!  loanAmount must be a number; got text "abc".');
    await expect(page.locator("#playground-help").textContent()).resolves.toContain("LOAN.PAYMENT(loanAmount, annualRate, amortYears, [paymentsPerYear])");
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
    await expect(page.locator("#cell-message").textContent()).resolves.toContain('#N/A: triggered: unknown code "ARSON"');
  });

  test("the page's content security policy allows no remote origin", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toContain("default-src 'self'");
  });
});
