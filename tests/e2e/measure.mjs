// Budgets of the page, measured (not a test: run by hand, numbers vary with the machine).
//
//   cargo xtask e2e page                 # builds dist/ in release mode (or cargo xtask serve)
//   node tests/e2e/measure.mjs           # serves dist/ itself on 127.0.0.1; or KPIFORM_URL=…
//
// Reports, as medians over several runs:
//   - size: wasm + JS, gzipped: the page at load, its module and scripts (budget ≤ 400 KB); the
//     checker module (checker-*), which loads beside it for the worker, and the importer module
//     (importer-*), loaded when a file is first opened, apart
//   - opening a workbook of 100 forms (tests/fixtures/import/hundred.xlsx): "kp-import", reading
//     it into text, the first time (the importer module fetched and compiled) and again
//   - navigation → interactive: the page's "kp-interactive" mark (boot.js), in a fresh context
//     (budget < 1 s)
//   - checking the whole corpus (42 forms) in the page: the "kp-check" measure, from the request
//     to the report built on the page (budget < 50 ms); "kp-core", the core's check alone (in
//     the checking worker); "kp-apply", the main thread's part (decoding the answer, the
//     report). Once a second after load, once pasted right at load.
//   - typing in the whole corpus, per update, in each view (budget < 16 ms of main-thread work):
//     "kp-send" (reading the text, saving it, posting it to the worker) plus "kp-update" (from
//     the worker's answer to the views rendered in the page's own code); "kp-frame" (until the
//     frame showing the results is painted: adds style, layout and paint); the renderer main
//     thread's whole task time per key and update (Chrome's TaskDuration metric: key handling,
//     the page's code, style, layout, paint, GC); and the key events themselves that took
//     16 ms or more until the next paint (Event Timing API)
//   - a district's paste (34 times the corpus: 5 MB, 1,428 forms): from the paste to the forms
//     shown, and typing in its middle: the main thread's work per key, from the key to the
//     problems updated and to the frame painted, the worker's incremental check
//   - a bare text box (a page with nothing else) holding the corpus, then the district's 5 MB:
//     the browser's own task time per key, the floor under the figures above
// Writes tests/e2e/artifacts/measure.json as well.

import { createServer } from "node:http";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..", "..");
const dist = join(root, "dist");
const RUNS = Number(process.env.RUNS || 5);
const KEYS = Number(process.env.KEYS || 12);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : "—");

/** A static server for dist/ (application/wasm for .wasm), unless KPIFORM_URL is given. */
async function serve() {
  if (process.env.KPIFORM_URL) return { url: process.env.KPIFORM_URL, close: () => {} };
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dist, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

function sizes() {
  const files = readdirSync(dist).filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
  const out = {};
  let total = 0;
  let checker = 0;
  let importer = 0;
  for (const f of files) {
    const raw = readFileSync(join(dist, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    out[f] = { bytes: raw.length, gzipped: gz };
    if (f.startsWith("checker-")) checker += gz;
    else if (f.startsWith("importer-")) importer += gz;
    else total += gz;
  }
  return { files: out, gzippedTotal: total, checkerGzipped: checker, importerGzipped: importer };
}

function wholeCorpus() {
  const dir = join(root, "tests", "fixtures", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const { url, close } = await serve();
const result = { url, when: new Date().toISOString(), size: sizes() };

async function fresh() {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  // Keyboard events slower than 16 ms (from the key to the next paint), by the Event Timing API.
  await page.addInitScript(() => {
    window.__keyEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (/^key|^input|^beforeinput/.test(e.name)) {
          window.__keyEvents.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
        }
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  });
  return { context, page };
}

// Navigation → interactive.
const interactive = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await fresh();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("kp-interactive").length > 0, null, { timeout: 30000 });
  interactive.push(await page.evaluate(() => performance.getEntriesByName("kp-interactive")[0].startTime));
  await context.close();
}
result.interactiveMs = median(interactive);

/** The renderer main thread's whole task time so far, in seconds (Chrome's TaskDuration). */
async function taskClock(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
}

/**
 * In view `tab`, KEYS keys typed in the middle of the text (a key changes one form), each
 * waited for until the frame showing its results; the page's measures and key records cleared
 * first. Returns the renderer's task time over them, in ms.
 */
async function typeInMiddle(page, tab, taskSeconds, timeout) {
  await page.click(`[data-testid="tab-${tab}"]`);
  await page.waitForTimeout(300);
  await page.locator('[data-testid="input"]').evaluate((el) => {
    el.focus();
    const middle = el.value.indexOf("\n", el.value.length >> 1);
    el.setSelectionRange(middle, middle);
  });
  await page.evaluate(() => {
    performance.clearMeasures();
    window.__keyEvents = [];
    window.__keyTimes = [];
  });
  const tasksBefore = await taskSeconds();
  for (let i = 0; i < KEYS; i++) {
    if (i % 2) await page.keyboard.press("Backspace");
    else await page.keyboard.type("x");
    // Wait for the check (debounced) and the frame that shows its results.
    await page.waitForFunction((n) => performance.getEntriesByName("kp-frame").length > n, i, { timeout });
  }
  // Let the last frame finish before reading the task time.
  await page.waitForTimeout(100);
  return ((await taskSeconds()) - tasksBefore) * 1000;
}

// Whole corpus: first check, then re-checks; typing per view.
const corpus = wholeCorpus();
const { context, page } = await fresh();
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName("kp-interactive").length > 0);
// A second for the user to paste (the page warms up its checker while idle).
await page.waitForTimeout(1000);
const measures = (name) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

await page.evaluate((t) => navigator.clipboard.writeText(t), corpus);
await page.focus('[data-testid="input"]');
await page.keyboard.press("Control+V");
await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent === "42", null, { timeout: 30000 });
const firstOf = async () => ({
  check: (await measures("kp-check")).at(-1),
  core: (await measures("kp-core")).at(-1),
  apply: (await measures("kp-apply")).at(-1),
});
result.firstCheck = await firstOf();
const taskSeconds = await taskClock(context, page);

result.typing = {};
for (const tab of ["overview", "problems", "structure"]) {
  const tasksMs = await typeInMiddle(page, tab, taskSeconds, 10000);
  const check = await measures("kp-check");
  const core = await measures("kp-core");
  const send = await measures("kp-send");
  const apply = await measures("kp-apply");
  const update = await measures("kp-update");
  const main = update.map((u, i) => u + (send[i] ?? 0));
  const frame = await measures("kp-frame");
  const keys = await page.evaluate(() => window.__keyEvents);
  result.typing[tab] = {
    core: median(core),
    check: median(check),
    send: median(send),
    apply: median(apply),
    update: median(update),
    updateMax: Math.max(...update),
    main: median(main),
    mainMax: Math.max(...main),
    // All main-thread task time of the renderer while typing, per key (one update per key).
    tasksPerKey: tasksMs / KEYS,
    frame: median(frame),
    frameMax: Math.max(...frame),
    // Key events from the key to the next paint (Event Timing API; only those of 16 ms or more
    // are reported, a frame at 60 Hz), and the time their handlers took.
    keyEvents: keys.length,
    keyEvent: median(keys.map((k) => k.duration)),
    keyHandler: median(keys.map((k) => k.processing)),
    keyHandlerMax: keys.length ? Math.max(...keys.map((k) => k.processing)) : 0,
  };
}
await context.close();

// A district's paste: 34 times the corpus (5 MB, 1,428 forms), checked as pasted; then typing
// in its middle, each key answered by the worker's incremental check (a patch of the page's
// document). Per key: the main thread's work ("kp-send" + "kp-update"), and from the key to the
// problems updated (the end of "kp-update", the answer rendered) and to the frame painted.
{
  const { context, page } = await fresh();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("kp-interactive").length > 0);
  await page.waitForTimeout(1000);
  const big = Array(34).fill(corpus).join("\n");
  const pasted = Date.now();
  await page.evaluate((t) => {
    const el = document.querySelector('[data-testid="input"]');
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, big);
  await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent === "1428", null, { timeout: 120000 });
  const shownMs = Date.now() - pasted;
  const last = (n) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration, n);
  result.district = {
    bytes: Buffer.byteLength(big),
    shownMs,
    firstCheck: { check: await last("kp-check"), core: await last("kp-core"), apply: await last("kp-apply") },
    typing: {},
  };
  const taskSeconds = await taskClock(context, page);
  await page.evaluate(() => {
    document.addEventListener("keydown", (e) => window.__keyTimes.push(e.timeStamp), true);
  });
  for (const tab of ["overview", "problems"]) {
    const tasksMs = await typeInMiddle(page, tab, taskSeconds, 30000);
    const t = await page.evaluate(() => {
      const ends = (n) => performance.getEntriesByName(n).map((e) => e.startTime + e.duration);
      const durations = (n) => performance.getEntriesByName(n).map((e) => e.duration);
      return {
        keys: window.__keyTimes,
        updated: ends("kp-update"),
        painted: ends("kp-frame"),
        send: durations("kp-send"),
        update: durations("kp-update"),
        apply: durations("kp-apply"),
        core: durations("kp-core"),
      };
    });
    const main = t.update.map((u, i) => u + (t.send[i] ?? 0));
    const toUpdate = t.updated.map((u, i) => u - t.keys[i]);
    const toPaint = t.painted.map((u, i) => u - t.keys[i]);
    result.district.typing[tab] = {
      main: median(main),
      mainMax: Math.max(...main),
      send: median(t.send),
      update: median(t.update),
      apply: median(t.apply),
      core: median(t.core),
      keyToProblems: median(toUpdate),
      keyToProblemsMax: Math.max(...toUpdate),
      keyToPaint: median(toPaint),
      tasksPerKey: tasksMs / KEYS,
    };
  }
  await context.close();
}

// Pasted right at load, before the worker has warmed up.
{
  const early = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await fresh();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("kp-interactive").length > 0);
    await page.evaluate((t) => navigator.clipboard.writeText(t), corpus);
    await page.focus('[data-testid="input"]');
    await page.keyboard.press("Control+V");
    await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent === "42", null, { timeout: 30000 });
    early.push(
      await page.evaluate(() => ({
        check: performance.getEntriesByName("kp-check").at(-1).duration,
        core: performance.getEntriesByName("kp-core").at(-1).duration,
        apply: performance.getEntriesByName("kp-apply").at(-1).duration,
      })),
    );
    await context.close();
  }
  result.earlyCheck = {
    check: median(early.map((e) => e.check)),
    core: median(early.map((e) => e.core)),
    apply: median(early.map((e) => e.apply)),
  };
}

// The browser's own cost of typing in a text box holding the whole corpus, without the page.
/**
 * The browser's own cost of a key in a text box holding `text`, on a page with nothing else:
 * the floor under the page's figures. Keys `pause` ms apart.
 */
async function bareTextarea(text, pause) {
  const { context, page } = await fresh();
  // A page of the same origin (for the clipboard) holding only a text box.
  const blank = new URL("measure-blank.html", url).href;
  await page.route(blank, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><meta charset="utf-8"><textarea wrap="off" style="width:600px;height:500px;font:12.5px monospace"></textarea>',
    }),
  );
  await page.goto(blank);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus("textarea");
  await page.keyboard.press("Control+V");
  await page.evaluate(() => {
    const el = document.querySelector("textarea");
    const middle = el.value.indexOf("\n", el.value.length >> 1);
    el.setSelectionRange(middle, middle);
    window.__keyEvents = [];
  });
  await page.waitForTimeout(pause);
  const taskSeconds = await taskClock(context, page);
  const tasksBefore = await taskSeconds();
  for (let i = 0; i < KEYS; i++) {
    if (i % 2) await page.keyboard.press("Backspace");
    else await page.keyboard.type("x");
    await page.waitForTimeout(pause);
  }
  const tasksMs = ((await taskSeconds()) - tasksBefore) * 1000;
  const keys = await page.evaluate(() => window.__keyEvents);
  await context.close();
  return {
    tasksPerKey: tasksMs / KEYS,
    keyEvents: keys.length,
    keyEvent: median(keys.map((k) => k.duration)),
    keyHandler: median(keys.map((k) => k.processing)),
    keyHandlerMax: keys.length ? Math.max(...keys.map((k) => k.processing)) : 0,
  };
}
result.bareTextarea = await bareTextarea(corpus, 200);
result.bareTextareaDistrict = await bareTextarea(Array(34).fill(corpus).join("\n"), 1000);
// Opening a workbook of 100 forms: the import alone ("kp-import"), first (the importer module
// fetched and compiled) and then again; and until the 100 forms are shown.
{
  const workbook = readFileSync(join(root, "tests", "fixtures", "import", "hundred.xlsx"));
  const firsts = [];
  const agains = [];
  const shown = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await fresh();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("kp-interactive").length > 0);
    for (const [n, list] of [[1, firsts], [2, agains]]) {
      const started = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', { name: `hundred-${n}.xlsx`, mimeType: "application/octet-stream", buffer: workbook });
      await page.waitForFunction((k) => performance.getEntriesByName("kp-import").length === k, n);
      await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent === "100", null, { timeout: 30000 });
      list.push(await page.evaluate(() => performance.getEntriesByName("kp-import").at(-1).duration));
      if (n === 1) shown.push(Date.now() - started);
    }
    await context.close();
  }
  result.importWorkbook = { first: median(firsts), again: median(agains), firstShown: median(shown) };
}
await browser.close();
close();

mkdirSync(join(root, "tests", "e2e", "artifacts"), { recursive: true });
writeFileSync(join(root, "tests", "e2e", "artifacts", "measure.json"), JSON.stringify(result, null, 2));

const kb = (n) => (n / 1024).toFixed(1);
console.log(`page: ${url}  (medians; ${RUNS} loads, ${KEYS} keys per view)`);
console.log(`size at load, wasm + JS gzipped: ${kb(result.size.gzippedTotal)} KB   (budget ≤ 400 KB)`);
console.log(`the checker module beside it:    ${kb(result.size.checkerGzipped)} KB gzipped`);
console.log(`the importer module, on demand: ${kb(result.size.importerGzipped)} KB gzipped`);
for (const [f, s] of Object.entries(result.size.files)) console.log(`    ${f}: ${kb(s.bytes)} KB, ${kb(s.gzipped)} KB gzipped`);
console.log(`navigation → interactive:       ${fmt(result.interactiveMs)} ms   (budget < 1000 ms)`);
const first = (c) => `${fmt(c.check)} ms (core in the worker ${fmt(c.core)} ms, main thread ${fmt(c.apply)} ms)`;
console.log(`whole corpus, first check:      ${first(result.firstCheck)}   (budget < 50 ms)`);
console.log(`  pasted right at load:         ${first(result.earlyCheck)}`);
console.log(`typing in 42 forms, per update (budget < 16 ms of main-thread work):`);
for (const [tab, t] of Object.entries(result.typing)) {
  console.log(
    `    ${tab.padEnd(10)} main thread ${fmt(t.main)} (max ${fmt(t.mainMax)}) = send ${fmt(t.send)} + answer to render ${fmt(t.update)} (decode+report ${fmt(t.apply)}) · all renderer tasks per key ${fmt(t.tasksPerKey)} ms`,
  );
  console.log(
    `               core in the worker ${fmt(t.core)} · request to report ${fmt(t.check)} · answer to painted frame ${fmt(t.frame)} (max ${fmt(t.frameMax)}) ms`,
  );
  console.log(
    `               key events ≥ 16 ms: ${t.keyEvents}, key to next paint ${fmt(t.keyEvent)} ms, handlers ${fmt(t.keyHandler)} (max ${fmt(t.keyHandlerMax)}) ms`,
  );
}
{
  const d = result.district;
  console.log(`a district's paste, ${(d.bytes / 1e6).toFixed(1)} MB, 1,428 forms: shown ${d.shownMs} ms after the paste; ${first(d.firstCheck)}`);
  for (const [tab, t] of Object.entries(d.typing)) {
    console.log(
      `    typing, ${tab.padEnd(9)} main thread per key ${fmt(t.main)} (max ${fmt(t.mainMax)}) = send ${fmt(t.send)} + answer to render ${fmt(t.update)} (decode+patch+report ${fmt(t.apply)}) · core in the worker ${fmt(t.core)} · key → problems updated ${fmt(t.keyToProblems)} (max ${fmt(t.keyToProblemsMax)}) · key → painted ${fmt(t.keyToPaint)} · all renderer tasks per key ${fmt(t.tasksPerKey)} ms`,
    );
  }
}
console.log(
  `a workbook of 100 forms: import ${fmt(result.importWorkbook.first)} ms the first time (importer loaded), ${fmt(result.importWorkbook.again)} ms again; file chosen → 100 forms shown ${fmt(result.importWorkbook.firstShown)} ms`,
);
for (const [what, bare] of [
  ["the corpus", result.bareTextarea],
  ["the district's 5 MB", result.bareTextareaDistrict],
]) {
  console.log(
    `a bare text box (no page), ${what}: all renderer tasks per key ${fmt(bare.tasksPerKey)} ms; key events ≥ 16 ms: ${bare.keyEvents}, key to next paint ${fmt(bare.keyEvent)} ms, handlers ${fmt(bare.keyHandler)} (max ${fmt(bare.keyHandlerMax)}) ms`,
  );
}
