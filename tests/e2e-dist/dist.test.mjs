// End-to-end tests of what `cargo xtask dist` builds beyond the page: the single self-contained
// kpiform.html opened from the file system, and the example page of the JavaScript API.
// Run by `cargo xtask e2e dist` (which builds them and serves dist/ for the API page).

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dist = process.env.KPIFORM_DIST || join(root, "dist");
const served = process.env.KPIFORM_URL;
const artifacts = join(root, "tests", "e2e", "artifacts");

function corpus(prefix) {
  const dir = join(root, "tests", "fixtures", "corpus");
  return readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))), "utf8");
}

async function open(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  return { browser, context, page, problems, requests };
}

describe("dist", () => {
  test("kpiform.html works from file:// with nothing else", async () => {
    const file = join(dist, "kpiform.html");
    const size = statSync(file).size;
    console.log(`kpiform.html: ${size} bytes`);
    const url = pathToFileURL(file).href;
    const { browser, context, page, problems, requests } = await open(url);
    try {
      await page.locator('[data-testid="input"]').fill(corpus("003"));
      await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent?.trim() === "19", null, { timeout: 20000 });
      // Checked in the worker started from the inlined source, as on a server.
      assert.equal(await page.getAttribute('[data-testid="results"]', "data-checked-in"), "worker");
      assert.equal(page.workers().length, 1);
      assert.match(page.workers()[0].url(), /^blob:/);

      // Problems, with the unit typo of 普法经费.
      await page.getByRole("tab", { name: /问题/ }).click();
      const a007 = page.locator('[data-testid="diagnostic"][data-code="A007"]');
      await a007.first().waitFor();
      assert.match(await a007.first().locator('[data-testid="diag-message"]').textContent(), /97\.7元/);

      // Rule documentation is inlined: the code opens the rule page in a new tab.
      const [rule] = await Promise.all([context.waitForEvent("page"), a007.first().locator('[data-testid="diag-code"]').click()]);
      await rule.waitForLoadState();
      assert.ok(rule.url().startsWith("blob:"), rule.url());
      assert.equal((await rule.textContent("h1")).trim(), "A007 测算依据金额单位笔误");
      await rule.close();

      // An export downloads.
      await page.getByRole("tab", { name: /导出/ }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="download"]').first().click()]);
      const saved = join(artifacts, `single-file-${download.suggestedFilename()}`);
      await download.saveAs(saved);
      assert.ok(statSync(saved).size > 1000, `${download.suggestedFilename()} has content`);

      // A workbook opens too: the importer is inlined and started on first use.
      await page.getByRole("tab", { name: /概览/ }).click();
      await page.setInputFiles('[data-testid="file-input"]', {
        name: "corpus.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: readFileSync(join(root, "tests", "fixtures", "import", "corpus.xlsx")),
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="form-count"]')?.textContent?.trim() === "42", null, { timeout: 20000 });
      assert.match(await page.textContent('[data-testid="toast-text"]'), /已载入「corpus.xlsx」（工作簿/);

      await page.screenshot({ path: join(artifacts, "single-file.png") });
      const outside = requests.filter((r) => !r.startsWith(url) && !r.startsWith("blob:") && !r.startsWith("data:"));
      assert.deepEqual(outside, [], "the single file loads nothing");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test("the JavaScript API's example page", { skip: !served && "KPIFORM_URL not set" }, async () => {
    const { browser, page, problems, requests } = await open(new URL("api/index.html", served).href);
    try {
      await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 20000 });
      assert.match(await page.textContent('[data-testid="api-status"]'), /60 条规则/);
      await page.fill('[data-testid="api-input"]', corpus("003"));
      await page.click('[data-testid="api-run"]');
      await page.locator('[data-testid="api-rows"] tr[data-code="A007"]').waitFor();
      assert.match(await page.textContent('[data-testid="api-status"]'), /^19 张申报表/);
      await page.click('[data-testid="api-csv"]');
      const csv = await page.textContent('[data-testid="api-out"]');
      assert.equal(csv.trim().split("\n").length, 1 + 230);
      // Nothing pasted becomes markup.
      await page.fill('[data-testid="api-input"]', '二级项目支出绩效目标申报表\n项目名称:\t<img src=x onerror="window.__xss=1">');
      await page.click('[data-testid="api-run"]');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('[data-testid="api-rows"] img').count(), 0);
      await page.screenshot({ path: join(artifacts, "api-example.png") });
      const origin = new URL(served).origin;
      assert.deepEqual(requests.filter((r) => !r.startsWith(origin)), []);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
