// Exports: every format previews, downloads (the file's content is checked), copies; the
// printed report.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  artifactsDir,
  corpus,
  openPage,
  paste,
  screenshot,
  showTab,
  waitForFormCount,
} from "./helpers.mjs";


/** Click the download button of file `i` of the shown format; the downloaded bytes and name. */
async function download(page, i = 0) {
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-testid="download"]').nth(i).click(),
  ]);
  const path = join(artifactsDir, `download-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

async function selectFormat(page, id) {
  await page.click(`[data-testid="format"][data-format="${id}"]`);
  await page.waitForSelector(`[data-testid="format"][data-format="${id}"][aria-checked="true"]`);
  await page.waitForFunction(() => !document.querySelector('[data-testid="export-stale"]'));
}

const text = (bytes) => bytes.toString("utf8").replace(/^\uFEFF/, "");

describe("export", () => {
  test("every format previews, downloads and matches what the page shows", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("003"));
      await waitForFormCount(page, 19);
      await showTab(page, "export");
      const ids = await page.$$eval('[data-testid="format"]', (els) => els.map((e) => e.dataset.format));
      assert.deepEqual(ids, ["text", "json", "csv", "xlsx", "report", "report-html", "report-docx", "problems"]);

      // Normalized text: the forms again, in the canonical layout.
      await selectFormat(page, "text");
      let preview = await page.inputValue('[data-testid="preview"]');
      let file = await download(page);
      assert.equal(file.name, "kpiform-cleaned.txt");
      assert.equal(text(file.bytes), preview);
      assert.equal(preview.match(/二级项目支出绩效目标申报表/g).length, 19);
      await screenshot(page, "export-text");

      // JSON: parses, 19 forms, the same problems as the list (141).
      await selectFormat(page, "json");
      file = await download(page);
      assert.equal(file.name, "kpiform-report.json");
      const json = JSON.parse(text(file.bytes));
      const input = json.inputs[0];
      assert.equal(input.forms.length, 19);
      const problemsInJson =
        input.diagnostics.length + input.forms.reduce((n, f) => n + f.diagnostics.length, 0);
      assert.equal(problemsInJson, 141);
      assert.equal(input.forms[0].fields.code, "440313240021500600002");

      // CSV: two files, forms and indicators, UTF-8 with BOM.
      await selectFormat(page, "csv");
      assert.deepEqual(
        await page.$$eval('[data-testid="export-file"]', (els) => els.map((e) => e.dataset.name)),
        ["kpiform-forms.csv", "kpiform-indicators.csv"],
      );
      const forms = await download(page, 0);
      assert.deepEqual([...forms.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(text(forms.bytes).trim().split(/\r?\n/).length, 1 + 19);
      const indicators = await download(page, 1);
      assert.ok(text(indicators.bytes).includes("后勤保障服务"));
      assert.equal(await page.locator('[data-testid="copy"]').count(), 2);

      // Excel: a zip (xlsx) with no preview.
      await selectFormat(page, "xlsx");
      assert.ok(await page.isVisible('[data-testid="preview-binary"]'));
      file = await download(page);
      assert.equal(file.name, "kpiform.xlsx");
      assert.equal(file.bytes.subarray(0, 2).toString("latin1"), "PK");
      assert.ok(file.bytes.includes(Buffer.from("xl/workbook.xml")));

      // Review report in Markdown and HTML: the HTML is shown as source, never rendered.
      await selectFormat(page, "report");
      file = await download(page);
      assert.equal(file.name, "kpiform-审核意见.md");
      assert.match(text(file.bytes), /^# 绩效目标申报表审核意见/);
      await selectFormat(page, "report-html");
      preview = await page.inputValue('[data-testid="preview"]');
      assert.match(preview, /^<!doctype html>/i);
      file = await download(page);
      assert.equal(text(file.bytes), preview);

      // The page's own problem list.
      await selectFormat(page, "problems");
      file = await download(page);
      assert.equal(file.name, "kpiform-problems.csv");
      const rows = text(file.bytes).trim().split("\r\n");
      assert.equal(rows.length, 1 + 141);
      assert.ok(rows.some((r) => r.includes("A007")));

      // Copy to the clipboard.
      await page.click('[data-testid="copy"]');
      await page.waitForSelector('[data-testid="toast-text"]');
      assert.equal(await page.textContent('[data-testid="toast-text"]'), "已复制到剪贴板。");
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clip, text(file.bytes));

      // The English export speaks English.
      await page.click('[data-testid="lang-toggle"]');
      await selectFormat(page, "report");
      assert.match(await page.inputValue('[data-testid="preview"]'), /^# .*[A-Za-z]/);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("exports follow the text and the settings", async () => {
    const { context, page, problems } = await openPage();
    try {
      await page.click('[data-testid="example"]');
      await waitForFormCount(page, 1);
      await showTab(page, "export");
      await selectFormat(page, "problems");
      const before = await page.inputValue('[data-testid="preview"]');
      assert.equal(before.trim().split(/\r?\n/).length, 1 + 8);
      // A fix in the text: one problem fewer in the export, once it has caught up.
      await showTab(page, "problems");
      await page.locator('[data-testid="diagnostic"][data-code="V005"] [data-testid="diag-fix"]').first().click();
      await showTab(page, "export");
      await selectFormat(page, "problems");
      const after = await page.inputValue('[data-testid="preview"]');
      assert.equal(after.trim().split(/\r?\n/).length, 1 + 7);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("print view: the report replaces the page when printing", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await showTab(page, "export");
      // Printing is stubbed: the report must be in the page while print() runs.
      await page.evaluate(() => {
        window.print = () => {
          const report = document.querySelector('[data-testid="print-report"]');
          window.__printed = report ? report.innerText : null;
        };
      });
      await page.click('[data-testid="print"]');
      await page.waitForFunction(() => window.__printed !== undefined);
      const printed = await page.evaluate(() => window.__printed);
      assert.ok(printed.includes("一般管理事务"), printed.slice(0, 200));
      assert.ok(printed.includes("A001"));
      await page.waitForSelector('[data-testid="print-report"]', { state: "detached" });

      // The print stylesheet: only the results, no text box and no tabs.
      await showTab(page, "problems");
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.isVisible('[data-testid="input"]'), false);
      assert.equal(await page.isVisible('[data-testid="tab-problems"]'), false);
      await page.screenshot({ path: join(artifactsDir, "print-problems.png"), fullPage: true });
      await page.emulateMedia({ media: "screen" });
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
