// The reviewer's desk, as far as it goes: a suggested grade (财预〔2015〕88号) for every form, with
// its score and dimensions on hover, sortable worst first.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  artifactsDir,
  openPage,
  paste,
  readForms,
  screenshot,
  showTab,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";

const RANK = { excellent: 0, good: 1, fair: 2, poor: 3 };

describe("review", () => {
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
      await page.click('th:has-text("建议等级") [data-testid="sort"]');
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
