// Shared setup of the end-to-end tests: the browser, the page URL, pasting, reading results.
//
// The page must already be built and served; `cargo xtask e2e` does both and passes the URL in
// KPIFORM_URL.

import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after } from "node:test";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..");
export const artifactsDir = join(here, "artifacts");
mkdirSync(artifactsDir, { recursive: true });

export const pageUrl = process.env.KPIFORM_URL;
if (!pageUrl) {
  throw new Error("KPIFORM_URL is not set: run the tests through `cargo xtask e2e`");
}

/** Debian's Chromium; nothing is downloaded (playwright-core ships no browser). */
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

/**
 * Start Chromium. Playwright gives every launch a fresh temporary profile (its own
 * --user-data-dir), removed when the browser closes.
 */
function launch() {
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

/** One Chromium per test file: started by the first openPage(), closed after the file's tests. */
let shared = null;
after(async () => {
  if (shared) await (await shared).close();
});

/** The corpus files, by their three-digit prefix ("000" … "003"). */
export function corpus(prefix) {
  const dir = join(repoRoot, "tests", "fixtures", "corpus");
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith(".txt"));
  if (!name) throw new Error(`no corpus file ${prefix}_*.txt in ${dir}`);
  return readFileSync(join(dir, name), "utf8");
}

/** A region fixture's text by its file name without `.txt` ("shanghai-project__tabs"). */
export function region(name) {
  return readFileSync(join(repoRoot, "tests", "fixtures", "regions", `${name}.txt`), "utf8");
}

/**
 * Open the page in a new context and watch it: page errors, console errors and CSP violations
 * are collected in `problems`, every request in `requests`.
 */
export async function openPage({
  width = 1366,
  height = 768,
  url = pageUrl,
  locale = "zh-CN",
  contextOptions = {},
  init = null,
} = {}) {
  shared ??= launch();
  const context = await (await shared).newContext({
    viewport: { width, height },
    locale,
    acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"],
    ...contextOptions,
  });
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
  // A script of the test, run before the page's own (to take away or change browser APIs).
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: "load" });
  await waitForApp(page);
  return { context, page, problems, requests, responses };
}

/** The app is up once the text box exists and the boot message is gone. */
export async function waitForApp(page) {
  await page.waitForSelector('[data-testid="input"]', { timeout: 15000 });
  await page.waitForSelector("#boot-status", { state: "detached", timeout: 15000 });
}

/** The corpus files' text, all four joined (42 forms). */
export function wholeCorpus() {
  return ["000", "001", "002", "003"].map(corpus).join("\n");
}

/**
 * Paste `text` into the text box with the clipboard and Ctrl+V, as a user does (one input event).
 * (Not `keyboard.insertText`: Chromium's insertText takes time quadratic in the number of lines,
 * about 2 s for one corpus file, while a real paste takes milliseconds.)
 */
export async function paste(page, text) {
  const input = page.locator('[data-testid="input"]');
  const before = await input.evaluate((el) => el.textLength);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await input.focus();
  await page.keyboard.press("Control+V");
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="input"]').textLength !== n,
    before,
    { timeout: 60000 },
  );
}

/**
 * Put `text` into the text box as one paste (one input event), without the clipboard: for
 * megabytes, which the clipboard and Ctrl+V take seconds to carry.
 */
export function setText(page, text) {
  return page.evaluate((t) => {
    const el = document.querySelector('[data-testid="input"]');
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}

/** Open one of the result views: overview, structure, problems, export, settings. */
export async function showTab(page, name) {
  await page.click(`[data-testid="tab-${name}"]`);
  await page.waitForSelector(`[data-testid="tab-${name}"][aria-selected="true"]`);
}

/** Wait until the form count (overview) shows `n`. */
export async function waitForFormCount(page, n) {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="form-count"]')?.textContent === expected,
    String(n),
    { timeout: 15000 },
  );
}

/** Wait until no check is pending (the results describe the text box). */
export async function waitForChecked(page, timeout = 15000) {
  await page.waitForFunction(() => !document.querySelector(".checking"), null, { timeout });
}

/**
 * Every item of a windowed list (crates/web/src/views/window.rs): `read()` gives the items
 * rendered, each with a `key`. A list rendered whole is read once; a long one renders only what is
 * on screen, so the results panel is scrolled through it, as a user would, and scrolled back.
 */
async function wholeList(page, list, read) {
  const first = await read();
  if (!(await page.locator(`${list} .spacer`).count())) {
    return first;
  }
  const panel = '[data-testid="results"]';
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = new Map();
  await page.$eval(panel, (p) => (p.scrollTop = 0));
  for (let step = 0; step < 100000; step++) {
    await frames();
    for (const item of await read()) {
      if (!seen.has(item.key)) seen.set(item.key, item);
    }
    const moved = await page.$eval(panel, (p) => {
      const before = p.scrollTop;
      p.scrollTop = before + Math.max(100, p.clientHeight * 0.8);
      return p.scrollTop !== before;
    });
    if (!moved) break;
  }
  await page.$eval(panel, (p) => (p.scrollTop = 0));
  await frames();
  return [...seen.values()];
}

/**
 * Scroll the results panel down until `selector` is rendered (a long list renders what is on
 * screen), as a user looking for it would.
 */
export async function scrollTo(page, selector) {
  const panel = '[data-testid="results"]';
  for (let step = 0; step < 10000; step++) {
    if (await page.locator(selector).count()) {
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      return;
    }
    const moved = await page.$eval(panel, (p) => {
      const before = p.scrollTop;
      p.scrollTop = before + Math.max(100, p.clientHeight * 0.8);
      return p.scrollTop !== before;
    });
    if (!moved) throw new Error(`${selector}: not in the list`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** The forms table (overview), every row. */
export async function readForms(page) {
  const rows = await wholeList(page, '[data-testid="forms"]', () => renderedForms(page));
  return rows.map(({ key: _, ...row }) => row);
}

function renderedForms(page) {
  return page.$$eval('[data-testid="form-row"]', (rows) =>
    rows.map((row) => {
      const text = (id) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      const count = (sev) => Number(row.querySelector(`td.count.sev-${sev}`)?.textContent ?? NaN);
      return {
        key: row.dataset.key,
        kindAttr: row.dataset.kind,
        codes: row.dataset.codes ? row.dataset.codes.split(" ") : [],
        kind: text("form-kind"),
        name: text("form-name"),
        code: text("form-code"),
        unit: text("form-unit"),
        year: text("form-year"),
        indicators: Number(text("indicator-count")),
        applicable: Number(text("applicable-count")),
        errors: count("error"),
        warnings: count("warning"),
        infos: count("info"),
        total: Number(row.dataset.total),
        grade: row.querySelector('[data-testid="form-grade"]')?.dataset.grade ?? null,
      };
    }),
  );
}

/** The problem list (problems view), every problem. */
export function readDiagnostics(page) {
  return wholeList(page, '[data-testid="problem-list"]', () => renderedDiagnostics(page));
}

function renderedDiagnostics(page) {
  return page.$$eval('[data-testid="diagnostic"]', (rows) =>
    rows.map((row) => {
      const text = (id) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      return {
        key: row.dataset.key,
        code: text("diag-code"),
        severityAttr: row.dataset.severity,
        severity: text("diag-severity"),
        location: text("diag-location"),
        message: text("diag-message"),
        quote: text("diag-quote"),
        form: Number(row.closest('[data-testid="problem-group"]')?.dataset.form ?? NaN),
        group: row.closest('[data-testid="problem-group"]')?.querySelector(".group-name")?.textContent ?? null,
        fix: text("diag-fix"),
        related: [...row.querySelectorAll('[data-testid="diag-related"]')].map((r) => r.textContent),
        current: row.getAttribute("aria-current") === "true",
        dismissed: row.classList.contains("dismissed"),
        kept: row.querySelector('[data-testid="keep"]')?.getAttribute("aria-pressed") === "true",
      };
    }),
  );
}

/** Selection of the text box: offsets, selected text, line of the start, focus. */
export function readSelection(page) {
  return page.locator('[data-testid="input"]').evaluate((el) => ({
    start: el.selectionStart,
    end: el.selectionEnd,
    text: el.value.slice(el.selectionStart, el.selectionEnd),
    line: el.value.slice(0, el.selectionStart).split("\n").length,
    focused: document.activeElement === el,
  }));
}

/** Everything that went wrong in the page so far, including CSP violations. */
export async function allProblems(page, problems) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  return [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
}

/** Screenshot of the page with the text box scrolled to its start (unless `keepScroll`). */
export async function screenshot(page, name, { keepScroll = false } = {}) {
  if (!keepScroll) {
    await page.locator('[data-testid="input"]').evaluate((el) => {
      el.setSelectionRange(0, 0);
      el.scrollTop = 0;
      el.scrollLeft = 0;
      el.blur();
      el.dispatchEvent(new Event("scroll"));
    });
  }
  // Let the line numbers follow the scroll.
  await page.waitForTimeout(50);
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
