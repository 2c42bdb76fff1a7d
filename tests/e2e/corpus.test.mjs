// Paste each corpus file into the page and check the forms and problems it shows.

import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
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
  readSelection,
  repoRoot,
  screenshot,
  showTab,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";


/** Open the page, paste corpus `prefix`, wait for `count` forms; returns the page and its state. */
async function pasteCorpus(prefix, count) {
  const opened = await openPage();
  await paste(opened.page, corpus(prefix));
  await waitForFormCount(opened.page, count);
  const forms = await readForms(opened.page);
  return { ...opened, forms };
}

/** The counts per severity in the overview. */
async function severityCounts(page) {
  const n = async (sev) => Number(await page.textContent(`[data-testid="count-${sev}"] .sev-n`));
  return { error: await n("error"), warning: await n("warning"), info: await n("info") };
}

/** Check what every layer of the page agrees on: totals, table rows, the problem list. */
async function checkConsistency(page, forms, diagnostics, expected) {
  assert.deepEqual(await severityCounts(page), expected);
  const total = expected.error + expected.warning + expected.info;
  assert.equal(diagnostics.length, total);
  // Each form's counts in the table equal its group in the list.
  for (const [i, f] of forms.entries()) {
    const own = diagnostics.filter((d) => d.form === i + 1);
    assert.equal(f.total, own.length, `form ${i + 1}`);
    assert.equal(f.errors, own.filter((d) => d.severityAttr === "error").length);
    assert.deepEqual(f.codes, [...new Set(own.map((d) => d.code))].sort());
  }
  // Every problem links to its rule page and names a place.
  for (const d of diagnostics) {
    assert.match(d.code, /^[SFAIVTX]\d{3}$/);
    assert.match(d.location, /^\d+:\d+$/);
    assert.ok(d.message.length > 4, JSON.stringify(d));
  }
}

describe("corpus", () => {
  test("000: 11 project forms, amounts labelled 万元", async () => {
    const { context, page, problems, forms } = await pasteCorpus("000", 11);
    try {
      assert.ok(forms.every((f) => f.kindAttr === "project" && f.kind === "项目"));
      assert.deepEqual(forms[0], {
        ...forms[0],
        name: "一般管理事务",
        code: "44030422146150000007",
        unit: "深圳市福田区活力城区建设事务中心",
        year: "1,648,300万元",
        indicators: 10,
        applicable: 5,
      });
      const byCode = new Map(forms.map((f) => [f.code, f.name]));
      assert.equal(byCode.get("440304221460100200001"), "环中心公园活力圈建设");
      assert.equal(forms[6].name, "老旧小区改造项目咨询与研究");
      assert.equal(forms[6].indicators, 22);
      assert.equal(forms.reduce((n, f) => n + f.indicators, 0), 128);
      assert.equal(forms.reduce((n, f) => n + f.applicable, 0), 78);
      assert.equal(await page.textContent('[data-testid="total-indicators"]'), "128");
      assert.equal(await page.textContent('[data-testid="budget-year"]'), "2023");
      // The chart counts every problem once, by category.
      const chart = await page.$$eval('[data-testid="chart-count"]', (els) =>
        els.map((e) => Number(e.textContent)),
      );
      assert.equal(chart.reduce((a, b) => a + b, 0), 105);

      const shot = await screenshot(page, "overview-000");
      if (process.env.KPIFORM_UPDATE_SCREENSHOT === "1") {
        copyFileSync(shot, join(repoRoot, "docs", "screenshot.png"));
      }

      await showTab(page, "problems");
      const diagnostics = await readDiagnostics(page);
      await screenshot(page, "problems-000");
      await showTab(page, "overview");
      await checkConsistency(page, forms, diagnostics, { error: 34, warning: 51, info: 20 });
      // Amounts labelled 万元 but written in 元 (A001) on all 11 forms, each with a fix.
      const a001 = diagnostics.filter((d) => d.code === "A001");
      assert.equal(a001.length, 11);
      assert.ok(a001.every((d) => d.fix?.includes("改标为“元”")), JSON.stringify(a001[0]));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("001: one department form with 33 indicator rows", async () => {
    const { context, page, problems, forms } = await pasteCorpus("001", 1);
    try {
      const [form] = forms;
      assert.equal(form.kindAttr, "department");
      assert.equal(form.kind, "部门");
      assert.equal(form.name, "深圳市福田区重点片区建设发展中心（本级）");
      assert.equal(form.code, "—");
      assert.equal(form.indicators, 33);
      assert.equal(form.applicable, 29);
      assert.equal(await page.textContent('[data-testid="budget-year"]'), "2026");

      // The structure view: tasks, goals, the indicator table with its unit column.
      await page.click('[data-testid="form-name"]');
      await page.waitForSelector('[data-testid="form-structure"]');
      assert.ok(await page.isVisible('[data-testid="tasks"]'));
      const header = await page.$$eval('[data-testid="indicators"] thead th', (ths) =>
        ths.map((t) => t.textContent.trim()),
      );
      assert.ok(header.includes("度量单位"), header.join("|"));
      assert.equal(await page.locator('[data-testid="indicator"]').count(), 33);
      await screenshot(page, "structure-001");

      await showTab(page, "problems");
      const diagnostics = await readDiagnostics(page);
      await showTab(page, "overview");
      await checkConsistency(page, forms, diagnostics, { error: 0, warning: 6, info: 4 });
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("002: 11 project forms with shifted columns", async () => {
    const { context, page, problems, forms } = await pasteCorpus("002", 11);
    try {
      assert.equal(forms[0].code, "440304221061500000046");
      assert.equal(forms[0].name, "离退休干部节日慰问金（科级及以下）");
      const byCode = new Map(forms.map((f) => [f.code, f]));
      assert.equal(byCode.get("440304231060100205004").name, "数据规划管理");
      assert.equal(byCode.get("440304231060100205004").indicators, 26);
      assert.equal(byCode.get("440304231061501005002").name, "新型智慧城区项目(上年结转)");
      assert.equal(forms.reduce((n, f) => n + f.indicators, 0), 135);
      assert.ok(forms.every((f) => f.year.endsWith("万元")));
      await showTab(page, "problems");
      const diagnostics = await readDiagnostics(page);
      await showTab(page, "overview");
      await checkConsistency(page, forms, diagnostics, { error: 31, warning: 52, info: 18 });
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("003: 19 project forms in 元, the last two without a code", async () => {
    const { context, page, problems, forms } = await pasteCorpus("003", 19);
    try {
      assert.ok(forms.every((f) => f.year.endsWith("元") && !f.year.endsWith("万元")));
      assert.equal(forms[0].code, "440313240021500600002");
      assert.equal(forms[0].name, "后勤保障服务");
      assert.equal(forms[0].year, "2,565,378.90元");
      assert.equal(forms.reduce((n, f) => n + f.indicators, 0), 230);

      const [second, last] = forms.slice(-2);
      assert.equal(second.name, "深圳市深汕特别合作区2023年度“文化下乡”系列活动项目");
      assert.equal(last.name, "中央补助地方国家电影事业发展专项资金");
      for (const form of [second, last]) {
        assert.equal(form.code, "—");
        assert.ok(form.codes.includes("S002"), `S002 on ${form.name}: ${form.codes}`);
      }
      assert.ok(forms.slice(0, -2).every((f) => !f.codes.includes("S002")));

      await showTab(page, "problems");
      const diagnostics = await readDiagnostics(page);
      const s002 = diagnostics.filter((d) => d.code === "S002");
      assert.deepEqual(
        s002.map((d) => [d.location, d.form]),
        [
          ["436:1", 18],
          ["459:1", 19],
        ],
      );
      assert.ok(s002.every((d) => d.message.includes("项目编码")), JSON.stringify(s002));

      // Clicking a location selects the text it points to and focuses the text box.
      await page.locator('[data-testid="diagnostic"][data-code="S002"] [data-testid="diag-location"]').first().click();
      const selected = await readSelection(page);
      assert.equal(selected.line, 436);
      assert.ok(selected.focused);

      // The checker's findings: the unit typo of 普法经费 (A007) and the cost caps (A008).
      const a007 = diagnostics.filter((d) => d.code === "A007");
      assert.equal(a007.length, 1);
      assert.equal(a007[0].location, "148:141");
      assert.ok(a007[0].message.includes("「97.7元」的单位应为“万元”"), a007[0].message);
      assert.equal(diagnostics.filter((d) => d.code === "A008").length, 2);

      // Each code links to its rule page, served from dist/ itself.
      const [rulePage] = await Promise.all([
        page.context().waitForEvent("page"),
        page.click('[data-testid="diagnostic"][data-code="A007"] [data-testid="diag-code"]'),
      ]);
      await rulePage.waitForLoadState();
      assert.ok(new URL(rulePage.url()).pathname.endsWith("/rules/A007.html"), rulePage.url());
      assert.equal(await rulePage.textContent("h1"), "A007 测算依据金额单位笔误");
      await rulePage.screenshot({ path: join(artifactsDir, "rule-A007.png") });
      await rulePage.close();

      // The English view shows the English message of the same finding.
      await page.click('[data-testid="lang-toggle"]');
      await page.waitForFunction(() => document.documentElement.lang === "en");
      const english = await readDiagnostics(page);
      const s002en = english.filter((d) => d.code === "S002");
      assert.equal(s002en.length, 2);
      assert.notEqual(s002en[0].message, s002[0].message);
      assert.ok(/field|code/i.test(s002en[0].message), s002en[0].message);
      await screenshot(page, "problems-003-en");
      await showTab(page, "overview");
      assert.equal((await readForms(page))[0].kind, "Project");
      await checkConsistency(page, await readForms(page), english, { error: 20, warning: 43, info: 78 });
      await screenshot(page, "overview-003-en");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("all four files at once: 42 forms, counts add up", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, wholeCorpus());
      await waitForFormCount(page, 42);
      const forms = await readForms(page);
      assert.equal(forms.length, 42);
      await showTab(page, "problems");
      // The list renders the problems on screen, the space of the others around them; scrolled
      // through, it shows every one of the 370, once, in order.
      const rendered = await page.locator('[data-testid="diagnostic"]').count();
      assert.ok(rendered > 5 && rendered < 150, `${rendered} problems rendered`);
      const diagnostics = await readDiagnostics(page);
      assert.equal(diagnostics.length, 370);
      assert.equal(new Set(diagnostics.map((d) => d.key)).size, 370);
      assert.deepEqual(
        diagnostics.map((d) => d.form),
        [...diagnostics.map((d) => d.form)].sort((a, b) => a - b),
      );
      await showTab(page, "overview");
      await checkConsistency(page, forms, diagnostics, { error: 84, warning: 166, info: 120 });
      // The counts line under the text box.
      const counts = await page.textContent('[data-testid="counts"]');
      assert.match(counts, /42 张表/);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
