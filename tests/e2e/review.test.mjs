// The reviewer's desk, as far as it goes: a suggested grade (财预〔2015〕88号) for every form, with
// its score and dimensions on hover, sortable worst first.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  artifactsDir,
  openPage,
  paste,
  readForms,
  screenshot,
  showTab,
  waitForApp,
  waitForChecked,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";

/** The Markdown review report, as the export view previews it. */
async function report(page) {
  await showTab(page, "export");
  await page.click('[data-testid="format"][data-format="report"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="export-stale"]'));
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]')?.value.includes("审核意见"));
  return page.inputValue('[data-testid="preview"]');
}

const RANK = { excellent: 0, good: 1, fair: 2, poor: 3 };

describe("review", () => {
  test("a dismissed finding stays dismissed across an edit and a reload, and leaves the report", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      const message = "比率指标「成本控制率」的目标值写作“≤1”，应写为百分比（“≤100%”）";
      const count = (r) => r.split(message).length - 1;
      assert.equal(count(await report(page)), 2, "forms 3 and 9");
      await showTab(page, "problems");
      const first = page.locator('[data-testid="diagnostic"][data-code="V005"]').first();
      await first.locator('[data-testid="dismiss"]').selectOption("误报");
      await page.waitForSelector('[data-testid="diagnostic"][data-code="V005"].dismissed');
      assert.match(await first.locator('[data-testid="dismissed"]').textContent(), /已忽略（误报），不进入审核意见/);
      await screenshot(page, "review-dismissed");
      assert.equal(count(await report(page)), 1);

      // Lines added at the top move every offset; the finding is still known.
      const input = page.locator('[data-testid="input"]');
      await input.evaluate((el) => el.setSelectionRange(0, 0));
      await input.focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await waitForChecked(page);
      await page.reload();
      await waitForApp(page);
      await waitForFormCount(page, 11);
      await showTab(page, "problems");
      assert.equal(await page.locator('[data-testid="diagnostic"][data-code="V005"].dismissed').count(), 1);
      assert.equal(count(await report(page)), 1);

      // Restored, it is back in the report; the whole rule dismissed, it is gone from it.
      await showTab(page, "problems");
      await page.locator('[data-testid="diagnostic"][data-code="V005"].dismissed [data-testid="restore"]').click();
      assert.equal(count(await report(page)), 2);
      await showTab(page, "problems");
      await page.locator('[data-testid="diagnostic"][data-code="V005"]').first().locator('[data-testid="dismiss-rule"]').click();
      assert.equal(await page.locator('[data-testid="diagnostic"][data-code="V005"].dismissed').count(), 2);
      assert.equal(count(await report(page)), 0);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("every form of the corpus has its grade; worst first by a click", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, wholeCorpus());
      await waitForFormCount(page, 42);
      const forms = await readForms(page);
      assert.equal(forms.length, 42);
      assert.ok(forms.every((f) => f.grade in RANK), JSON.stringify(forms.map((f) => f.grade)));
      // 一般管理事务: 79.5, 中 (the same as `kpiform check --format json`).
      const first = page.locator('[data-testid="form-grade"]').first();
      assert.equal((await first.textContent()).trim(), "中79.5");
      assert.match(await first.getAttribute("title"), /^中（79\.5 分）。完整性 70，相关性 78，适当性 85，可行性 85。绩效目标存在较多问题/);
      // Sorted by grade: the worst first.
      await page.click('th:has-text("等级") [data-testid="sort"]');
      const sorted = (await readForms(page)).map((f) => RANK[f.grade]);
      assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
      await screenshot(page, "review-grades");

      // The review report as a Word document downloads (its contents are read back by
      // python-docx in tests/exports).
      await showTab(page, "export");
      await page.click('[data-testid="format"][data-format="report-docx"]');
      await page.waitForFunction(() => !document.querySelector('[data-testid="export-stale"]'));
      const [dl] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="download"]').first().click()]);
      assert.equal(dl.suggestedFilename(), "kpiform-审核意见.docx");
      const path = join(artifactsDir, "review-report.docx");
      await dl.saveAs(path);
      const bytes = readFileSync(path);
      assert.equal(bytes.subarray(0, 2).toString(), "PK");
      assert.ok(bytes.includes(Buffer.from("word/document.xml")));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
