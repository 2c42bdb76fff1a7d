// Checking off the main thread: the page checks in a Web Worker (site/worker.js) running its own
// wasm module, stays responsive while a long check runs, and falls back to checking on the main
// thread when no worker can be used.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  paste,
  readDiagnostics,
  readForms,
  repoRoot,
  setText,
  showTab,
  waitForChecked,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";


/** What the README's example servers send (.wasm deliberately not application/wasm). */
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };

/** Ten round trips through a zero timeout on the page: how long a task waits for the main thread. */
const taskGaps = (page) =>
  page.evaluate(async () => {
    const out = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      out.push(performance.now() - t);
    }
    return out;
  });

const checkedIn = (page) =>
  page.getAttribute('[data-testid="results"]', "data-checked-in");

/** The forms of corpus 000 as checked in the worker, to compare with a check on the page. */
let inWorker = null;

describe("checking worker", () => {
  test("checks run in the worker, which gets the checker module compiled by the page", async () => {
    const { context, page, problems, requests } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      assert.equal(await checkedIn(page), "worker");
      const workers = page.workers().map((w) => w.url());
      assert.equal(workers.length, 1, JSON.stringify(workers));
      assert.match(workers[0], /\/worker\.js$/);
      // Two modules, each fetched once: the page's, and the checker (the worker's and the page's).
      const wasm = requests.filter((u) => u.endsWith(".wasm"));
      assert.equal(wasm.length, 2, requests.join("\n"));
      assert.equal(wasm.filter((u) => /\/checker-[0-9a-f]{16}_bg\.wasm$/.test(u)).length, 1, wasm.join("\n"));
      const forms = await readForms(page);
      await showTab(page, "problems");
      inWorker = { forms, problems: await readDiagnostics(page) };
      assert.equal(inWorker.forms.length, 11);
      assert.ok(inWorker.problems.length > 20);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("the page answers while a long check or export runs in the worker", async () => {
    const { context, page, problems } = await openPage();
    try {
      // About 4 MB of forms, checked as pasted.
      const clicked = Date.now();
      const text = Array(27).fill(wholeCorpus()).join("\n");
      await setText(page, text);
      // While the worker checks, the main thread runs tasks at once: ten round trips through
      // a zero timeout, each far shorter than the check.
      const gaps = await taskGaps(page);
      await waitForFormCount(page, 42 * 27);
      const total = Date.now() - clicked;
      const core = await page.evaluate(() => performance.getEntriesByName("kp-core").at(-1).duration);
      console.log(`4 MB: core check ${core.toFixed(0)} ms in the worker, results after ${total} ms; main-thread gaps ${gaps.map((g) => g.toFixed(1)).join(" ")} ms`);
      assert.equal(await checkedIn(page), "worker");
      assert.ok(Math.max(...gaps) < core / 2, `a task waited ${Math.max(...gaps)} ms during a ${core} ms check`);

      // The export (checking again, then writing the JSON) runs in the worker too.
      await showTab(page, "export");
      await page.click('[data-testid="format"][data-format="json"]');
      const exportGaps = await taskGaps(page);
      await page.waitForSelector('[data-testid="export-file"][data-name="kpiform-report.json"]', { timeout: 60000 });
      const exported = await page.evaluate(() => performance.getEntriesByName("kp-export").at(-1).duration);
      console.log(`4 MB: JSON export after ${exported.toFixed(0)} ms; main-thread gaps ${exportGaps.map((g) => g.toFixed(1)).join(" ")} ms`);
      assert.ok(Math.max(...exportGaps) < exported / 2, `a task waited ${Math.max(...exportGaps)} ms during a ${exported} ms export`);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a 5 MB paste is checked without a button; an edit in its middle updates that form's problems", async () => {
    const { context, page, problems } = await openPage();
    try {
      const copies = 34;
      const text = Array(copies).fill(wholeCorpus()).join("\n");
      assert.ok(Buffer.byteLength(text) > 5_000_000, `${Buffer.byteLength(text)} bytes`);
      const pasted = Date.now();
      await setText(page, text);
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="form-count"]')?.textContent === n,
        String(42 * copies),
        { timeout: 60000 },
      );
      console.log(`5 MB: ${42 * copies} forms shown ${Date.now() - pasted} ms after the paste`);
      assert.equal(await page.locator('[data-testid="large-notice"]').count(), 0);
      assert.equal(await checkedIn(page), "worker");

      // A form in the middle: renamed, so that the desk finds it, then one of its indicator
      // values emptied (V001, where V002 was).
      const edit = (find, replace) =>
        page.evaluate(
          ([find, replace]) => {
            const el = document.querySelector('[data-testid="input"]');
            const title = el.value.indexOf("二级项目支出绩效目标申报表", el.value.length >> 1);
            const at = el.value.indexOf(find, title);
            el.setRangeText(replace, at, at + find.length);
            el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
            return at;
          },
          [find, replace],
        );
      const row = '[data-testid="form-row"]';
      const codesOfRow = () => page.getAttribute(row, "data-codes");
      await edit("项目名称:\t一般管理事务", "项目名称:\t中间的测试项目");
      await page.fill('[data-testid="desk-query"]', "中间的测试项目");
      await page.waitForFunction((r) => document.querySelectorAll(r).length === 1, row, { timeout: 30000 });
      await waitForChecked(page, 30000);
      const before = (await codesOfRow()).split(" ");
      assert.ok(before.includes("V002") && !before.includes("V001"), before.join(" "));
      const errors = Number(await page.textContent('[data-testid="count-error"] .sev-n'));
      await page.evaluate(() => performance.clearMeasures());
      const edited = Date.now();
      await edit("\t100%\t", "\t\t");
      await page.waitForFunction(
        (r) => (document.querySelector(r)?.dataset.codes ?? "").split(" ").includes("V001"),
        row,
        { timeout: 30000 },
      );
      const last = await page.evaluate(() =>
        ["kp-send", "kp-core", "kp-patch", "kp-apply", "kp-update"]
          .map((n) => `${n} ${performance.getEntriesByName(n).map((e) => e.duration.toFixed(0)).join("+")}`)
          .join(", "),
      );
      console.log(`5 MB: the edited form's problems updated ${Date.now() - edited} ms after the edit (${last} ms)`);
      await waitForChecked(page, 30000);
      assert.equal(await page.textContent('[data-testid="form-count"]'), String(42 * copies));
      // One finding more on the whole paste: the other forms' are as they were.
      assert.equal(Number(await page.textContent('[data-testid="count-error"] .sev-n')), errors + 1);
      assert.equal(await checkedIn(page), "worker");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a new text while a long check runs: the long one is abandoned, the new one shown", async () => {
    const { context, page, problems } = await openPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    try {
      // About 10 MB of forms: over a second in the worker.
      const big = Array(66).fill(wholeCorpus()).join("\n");
      await setText(page, big);
      await page.waitForTimeout(700);
      await setText(page, corpus("000"));
      const start = Date.now();
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      const abandoned = warnings.some((w) => /abandoning a long request/.test(w));
      console.log(`results of the new text after ${Date.now() - start} ms; long check abandoned: ${abandoned}`);
      assert.equal(await checkedIn(page), "worker");
      // The results stay those of the new text (the big check's answer, if any, is dropped).
      await page.waitForTimeout(3000);
      assert.equal(await page.textContent('[data-testid="form-count"]'), "11");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("without a worker the page checks on its own, with the same results", async () => {
    const { context, page, problems } = await openPage({
      init: () => {
        // A browser without Web Workers.
        delete window.Worker;
      },
    });
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      assert.equal(await checkedIn(page), "page");
      assert.equal(page.workers().length, 0);
      // The same results as the worker's.
      assert.ok(inWorker, "the first test ran");
      const forms = await readForms(page);
      await showTab(page, "problems");
      assert.deepEqual({ forms, problems: await readDiagnostics(page) }, inWorker);

      // A text over 300,000 characters would hold the page here for a second or more: it waits
      // for the button, with the reason, and is checked when asked.
      const big = Array(6).fill(wholeCorpus()).join("\n");
      await setText(page, big);
      await page.waitForSelector('[data-testid="large-notice"]', { timeout: 30000 });
      assert.match(await page.textContent('[data-testid="large-notice"]'), /后台/);
      await page.click('[data-testid="check-now"]');
      await showTab(page, "overview");
      await waitForFormCount(page, 42 * 6);
      assert.equal(await checkedIn(page), "page");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a worker that fails to start: the page checks on its own, now and later", async () => {
    const { context, page, problems } = await openPage({
      init: () => {
        // The worker is told to load a module that does not exist.
        const Original = window.Worker;
        window.Worker = class extends Original {
          postMessage(message, transfer) {
            if (message && message.js) message = { ...message, js: message.js + ".missing" };
            return super.postMessage(message, transfer);
          }
        };
      },
    });
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      assert.equal(await checkedIn(page), "page");
      await page.locator('[data-testid="input"]').press("End");
      await page.keyboard.type("x");
      await waitForChecked(page);
      assert.equal(await checkedIn(page), "page");
      // The failure is reported in the console, nothing else went wrong.
      const all = await allProblems(page, problems);
      assert.ok(all.length > 0 && all.every((p) => /kpiform: the checking worker failed|\.missing/.test(p)), all.join("\n"));
    } finally {
      await context.close();
    }
  });

  test("servers' differences: .wasm without its MIME type (IIS by default), a CSP header on worker.js (README)", async () => {
    // A server of our own: Chromium does not reliably let tests intercept a worker's script.
    const dist = join(repoRoot, "dist");
    const server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(dist, path);
      try {
        if (statSync(file).isDirectory()) file = join(file, "index.html");
        const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream" };
        if (file.endsWith("worker.js")) {
          headers["content-security-policy"] = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";
        }
        res.writeHead(200, headers);
        res.end(readFileSync(file));
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const url = `http://127.0.0.1:${server.address().port}/`;
    const { context, page, problems, responses } = await openPage({ url });
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      assert.equal(await checkedIn(page), "worker");
      const wasm = responses.find((r) => r.url().endsWith(".wasm"));
      assert.equal(wasm.headers()["content-type"], "application/octet-stream");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
      server.close();
    }
  });
});
