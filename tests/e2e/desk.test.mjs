// The reviewer's desk, walked through as a reviewer does: compare a resubmission with the version
// sent before, open a unit's files at once and work through them (grade set by hand, a finding
// kept and commented on, a form done), the desk by unit, save the review, clear the page, open
// the review file: everything is back.

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  artifactsDir,
  corpus,
  openPage,
  paste,
  readDiagnostics,
  readForms,
  repoRoot,
  screenshot,
  scrollTo,
  showTab,
  waitForChecked,
  waitForFormCount,
} from "./helpers.mjs";

/** Corpus 000 resubmitted: three errors fixed (two V005, one A005), one introduced (V004). */
function resubmitted() {
  const old = corpus("000");
  let next = old;
  for (const [from, to] of [
    ["成本控制率\t≤1\t该指标主要考察培训", "成本控制率\t≤100%\t该指标主要考察培训"],
    ["成本控制率\t≤1\t该指标主要考察疫情", "成本控制率\t≤100%\t该指标主要考察疫情"],
    ["预计需要5万元用于办公场所", "预计需要2万元用于办公场所"],
    ["工作任务质量合格率\t≥90%", "工作任务质量合格率\t≥900%"],
  ]) {
    assert.ok(next.includes(from), from);
    next = next.replace(from, to);
  }
  return { old, next };
}

/** The four corpus files, as a file chooser gives them. */
function corpusFiles() {
  const dir = join(repoRoot, "tests", "fixtures", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, mimeType: "text/plain", buffer: readFileSync(join(dir, name)) }));
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(artifactsDir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, bytes: readFileSync(path) };
}

describe("desk", () => {
  test("a resubmission compared with the earlier version: 3 fixed, 1 new, the rest remaining", async () => {
    const { context, page, problems } = await openPage();
    try {
      const { old, next } = resubmitted();
      await paste(page, old);
      await waitForFormCount(page, 11);
      await page.fill('[data-testid="input"]', "");
      await paste(page, next);
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      await showTab(page, "compare");
      await page.fill('[data-testid="earlier-text"]', old);
      await page.click('[data-testid="earlier-compare"]');
      const summary = page.locator('[data-testid="compare-summary"]');
      await summary.waitFor();
      assert.equal(await summary.getAttribute("data-fixed"), "3");
      assert.equal(await summary.getAttribute("data-new"), "1");
      // 99 findings in the forms of 000 (as `kpiform check --format json` gives), 3 of them fixed.
      assert.equal(Number(await summary.getAttribute("data-remaining")), 100);
      assert.match(await summary.textContent(), /共对比 11 张表：已改正 3 个问题，新出现 1 个/);
      const fixed = await page.$$eval('[data-testid="compare-fixed"] [data-testid="compare-finding"]', (els) =>
        els.map((e) => e.dataset.code),
      );
      assert.deepEqual(fixed, ["V005", "A005", "V005"]);
      assert.deepEqual(
        await page.$$eval('[data-testid="compare-new"] [data-testid="compare-finding"]', (els) => els.map((e) => e.dataset.code)),
        ["V004"],
      );
      const changes = await page.$$eval('[data-testid="compare-change"]', (els) => els.map((e) => e.textContent));
      assert.ok(changes.some((c) => c.includes("测算依据") && c.includes("5万元") && c.includes("2万元")), changes.join("\n"));
      await screenshot(page, "desk-compare");
      // An edit of the resubmission updates the comparison: the new error fixed too.
      await page.fill('[data-testid="input"]', "");
      await paste(page, next.replace("工作任务质量合格率\t≥900%", "工作任务质量合格率\t≥90%"));
      await page.waitForFunction(
        () => document.querySelector('[data-testid="compare-summary"]')?.dataset.new === "0",
        null,
        { timeout: 15000 },
      );
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a folder opened at once: its form files, each named by its path, the others counted", async () => {
    const { context, page, problems } = await openPage();
    try {
      const dir = join(artifactsDir, "unit-folder");
      const { mkdirSync, writeFileSync, rmSync } = await import("node:fs");
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, "sub"), { recursive: true });
      writeFileSync(join(dir, "000.txt"), corpus("000"));
      writeFileSync(join(dir, "sub", "001.txt"), corpus("001"));
      writeFileSync(join(dir, "scan.pdf"), "%PDF-1.4 not a form");
      await page.setInputFiles('[data-testid="folder-input"]', dir);
      await waitForFormCount(page, 11 + 1);
      const files = await page.$$eval('[data-testid="form-file"]', (els) => [...new Set(els.map((e) => e.textContent))]);
      assert.deepEqual(files.sort(), ["unit-folder/000.txt", "unit-folder/sub/001.txt"]);
      assert.match(await page.textContent('[data-testid="toast-text"]'), /另有 1 个文件不是可读取的申报表格式/);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a unit's files at once: the desk by unit, a grade set, a finding judged, saved, cleared and opened again", async () => {
    const { context, page, problems } = await openPage();
    try {
      await page.setInputFiles('[data-testid="file-input"]', corpusFiles());
      await waitForFormCount(page, 42);
      await waitForChecked(page);
      let forms = await readForms(page);
      assert.equal(forms.length, 42);
      const files = await page.$$eval('[data-testid="form-file"]', (els) => [...new Set(els.map((e) => e.textContent))]);
      assert.equal(files.length, 4);
      // The summary by unit: every form once, under its unit.
      const units = await page.$$eval('[data-testid="unit-row"]', (rows) =>
        rows.map((r) => ({ unit: r.dataset.unit, forms: Number(r.dataset.forms) })),
      );
      assert.equal(units.reduce((n, u) => n + u.forms, 0), 42);
      const byUnit = {};
      for (const f of forms) byUnit[f.unit] = (byUnit[f.unit] ?? 0) + 1;
      assert.deepEqual(Object.fromEntries(units.map((u) => [u.unit || "—", u.forms])), byUnit);
      assert.ok(units.length > 1, JSON.stringify(units));
      // Filtered by a unit's name: only its forms.
      await page.fill('[data-testid="desk-query"]', units[0].unit);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="form-row"]').length === n, units[0].forms);
      await page.fill('[data-testid="desk-query"]', "");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="form-row"]').length === 42);

      // Form 1: graded 差 by hand, with the reason; marked done.
      await page.locator('[data-testid="form-name"]').first().click();
      await page.waitForSelector('[data-testid="grade-box"]');
      await page.fill('[data-testid="grade-reason"]', "绩效指标不能反映项目产出");
      await page.selectOption('[data-testid="grade-select"]', "poor");
      await page.waitForSelector('[data-testid="grade-box"][data-grade="poor"]');
      await page.check('[data-testid="form-done"]');
      await page.waitForSelector('[data-testid="grade-box"][data-status="done"]');
      await screenshot(page, "desk-grade");
      // A finding kept and commented on; another dismissed.
      await showTab(page, "problems");
      // A finding of form 2 (form 1 is done), scrolled to.
      await scrollTo(page, '[data-testid="problem-group"][data-form="2"] [data-testid="diagnostic"]');
      const first = page.locator('[data-testid="problem-group"][data-form="2"] [data-testid="diagnostic"]').first();
      await first.locator('[data-testid="keep"]').click();
      await page.waitForSelector('[data-testid="diagnostic"] [data-testid="keep"][aria-pressed="true"]');
      await first.locator('[data-testid="comment-edit"]').click();
      await first.locator('[data-testid="comment-input"]').fill("请补充测算明细");
      await first.locator('[data-testid="comment-input"]').press("Enter");
      await page.waitForSelector('[data-testid="comment-text"]');
      await page.locator('[data-testid="problem-group"][data-form="2"] [data-testid="diagnostic"]').nth(1).locator('[data-testid="dismiss"]').selectOption("已说明");
      await page.waitForSelector('[data-testid="diagnostic"].dismissed');
      // Every finding of form 2 with that rule and quote is dismissed with it.
      const judged = (list) => [list.filter((d) => d.dismissed).length, list.filter((d) => d.kept).length];
      const [dismissed] = judged(await readDiagnostics(page));
      assert.ok(dismissed >= 1);
      await screenshot(page, "desk-judged");

      await showTab(page, "overview");
      forms = await readForms(page);
      assert.equal(forms[0].grade, "poor");
      assert.equal(await page.locator('[data-testid="grade-set"]').count(), 1);
      const statuses = await page.$$eval('[data-testid="form-status"]', (els) => els.map((e) => e.dataset.status));
      assert.equal(statuses[0], "done");
      assert.ok(statuses.filter((s) => s === "in-review").length >= 1, statuses.join(" "));
      await page.selectOption('[data-testid="desk-status"]', "done");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="form-row"]').length === 1);
      await page.selectOption('[data-testid="desk-status"]', "");
      await screenshot(page, "desk");

      // One unit's 审核意见 (Word) and the desk's workbook.
      const docx = await download(page, () => page.locator('[data-testid="unit-report"]').first().click());
      assert.equal(docx.name, "kpiform-审核意见.docx");
      assert.equal(docx.bytes.subarray(0, 2).toString(), "PK");
      const xlsx = await download(page, () => page.click('[data-testid="desk-xlsx"]'));
      assert.equal(xlsx.name, "kpiform.xlsx");
      assert.equal(xlsx.bytes.subarray(0, 2).toString(), "PK");

      // Save the review: one file with everything.
      const saved = await download(page, () => page.click('[data-testid="save-review"]'));
      assert.match(saved.name, /^kpiform-审核-\d{8}\.kpiform-review\.json$/);
      const review = JSON.parse(saved.bytes.toString("utf8"));
      assert.equal(review.format, "kpiform-review");
      assert.equal(review.forms.length, 42);
      assert.equal(review.forms[0].grade, "poor");
      assert.equal(review.forms[0].status, "done");
      assert.equal(review.review.grades[0].reason, "绩效指标不能反映项目产出");
      assert.equal(review.review.comments[0][1], "请补充测算明细");
      assert.equal(review.review.dismissed[0][1], "已说明");
      assert.ok(review.text.startsWith("【文件：000_"));

      // Clear the page (after confirming): nothing left.
      page.once("dialog", (d) => d.accept());
      await page.click('[data-testid="clear-review"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      assert.equal(await page.inputValue('[data-testid="input"]'), "");

      // Open the review file: the forms, the grade, the decisions are back.
      await page.setInputFiles('[data-testid="file-input"]', {
        name: saved.name,
        mimeType: "application/json",
        buffer: saved.bytes,
      });
      await waitForFormCount(page, 42);
      await waitForChecked(page);
      forms = await readForms(page);
      assert.equal(forms[0].grade, "poor");
      assert.equal(await page.locator('[data-testid="grade-set"]').count(), 1);
      assert.equal(
        (await page.$$eval('[data-testid="form-status"]', (els) => els.map((e) => e.dataset.status)))[0],
        "done",
      );
      await showTab(page, "problems");
      await scrollTo(page, '[data-testid="comment-text"]');
      assert.deepEqual(judged(await readDiagnostics(page)), [dismissed, 1]);

      // A JSON file that is no review is refused, and the page keeps what it had.
      await page.setInputFiles('[data-testid="file-input"]', {
        name: "other.kpiform-review.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"format": "kpiform-review", "version": 99, "text": ""}'),
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="toast-text"]')?.textContent.includes("较新版本"));
      await showTab(page, "overview");
      await waitForFormCount(page, 42);
      assert.equal((await readForms(page))[0].grade, "poor");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
