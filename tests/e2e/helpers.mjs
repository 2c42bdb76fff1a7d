// Shared setup of the end-to-end tests: the browser, the page URL, pasting, reading results.
//
// The page must already be built and served; scripts/e2e.sh does both and passes the URL in
// KPIFORM_URL.

import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..");
export const artifactsDir = join(here, "artifacts");
mkdirSync(artifactsDir, { recursive: true });

export const pageUrl = process.env.KPIFORM_URL;
if (!pageUrl) {
  throw new Error("KPIFORM_URL is not set: run the tests through scripts/e2e.sh");
}

/** Debian's Chromium; nothing is downloaded (playwright-core ships no browser). */
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

/**
 * Start Chromium. Playwright gives every launch a fresh temporary profile (its own
 * --user-data-dir), removed when the browser closes.
 */
export function launch() {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The corpus files, by their three-digit prefix ("000" … "003"). */
export function corpus(prefix) {
  const dir = join(repoRoot, "tests", "fixtures", "corpus");
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith(".txt"));
  if (!name) throw new Error(`no corpus file ${prefix}_*.txt in ${dir}`);
  return readFileSync(join(dir, name), "utf8");
}

/**
 * Open the page in a new context and watch it: page errors, console errors and CSP violations
 * are collected in `problems`, every request in `requests`.
 */
export async function openPage(browser, { width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: "zh-CN" });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const responses = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  context.on("request", (req) => requests.push(req.url()));
  context.on("response", (res) => responses.push(res));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(pageUrl, { waitUntil: "load" });
  // The app is up once the text box exists and the boot message is gone.
  await page.waitForSelector('[data-testid="input"]', { timeout: 15000 });
  await page.waitForSelector("#boot-status", { state: "detached", timeout: 15000 });
  return { context, page, problems, requests, responses };
}

/** Paste `text` into the text box the way the browser inserts a paste (one input event). */
export async function paste(page, text) {
  const input = page.locator('[data-testid="input"]');
  await input.click();
  await page.keyboard.insertText(text);
}

/** Wait until the form count shows `n`. */
export async function waitForFormCount(page, n) {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="form-count"]')?.textContent === expected,
    String(n),
    { timeout: 15000 },
  );
}

/** The forms table as shown. */
export function readForms(page) {
  return page.$$eval('[data-testid="form-row"]', (rows) =>
    rows.map((row) => {
      const text = (id) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      return {
        kindAttr: row.dataset.kind,
        codes: row.dataset.codes ? row.dataset.codes.split(" ") : [],
        kind: text("form-kind"),
        name: text("form-name"),
        code: text("form-code"),
        unit: text("form-unit"),
        total: text("form-total"),
        year: text("form-year"),
        indicators: Number(text("indicator-count")),
        applicable: Number(text("applicable-count")),
        problems: text("form-problems"),
      };
    }),
  );
}

/** The problem list as shown. */
export function readDiagnostics(page) {
  return page.$$eval('[data-testid="diagnostic"]', (rows) =>
    rows.map((row) => {
      const text = (id) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      return {
        code: text("diag-code"),
        severityAttr: row.dataset.severity,
        severity: text("diag-severity"),
        location: text("diag-location"),
        message: text("diag-message"),
        form: text("diag-form"),
      };
    }),
  );
}

/** Everything that went wrong in the page so far, including CSP violations. */
export async function allProblems(page, problems) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  return [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
}
