// Paste each corpus file into the page and check what it shows.

import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  allProblems,
  artifactsDir,
  corpus,
  launch,
  openPage,
  paste,
  readDiagnostics,
  readForms,
  repoRoot,
  waitForFormCount,
} from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Open the page, paste corpus `prefix`, wait for `count` forms; returns the page and its state. */
async function pasteCorpus(prefix, count) {
  const opened = await openPage(browser);
  await paste(opened.page, corpus(prefix));
  await waitForFormCount(opened.page, count);
  const forms = await readForms(opened.page);
  const diagnostics = await readDiagnostics(opened.page);
  return { ...opened, forms, diagnostics };
}

/** Scroll the text box back to the top, for a screenshot that shows the start of the paste. */
async function screenshot(page, name) {
  await page.locator('[data-testid="input"]').evaluate((el) => {
    el.setSelectionRange(0, 0);
    el.scrollTop = 0;
    el.blur();
  });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

describe("corpus", () => {
  test("000: 11 project forms, amounts in 万元", async () => {
    const { context, page, problems, forms } = await pasteCorpus("000", 11);
    try {
      assert.equal(forms.length, 11);
      assert.ok(forms.every((f) => f.kindAttr === "project" && f.kind === "项目"));
      assert.deepEqual(forms[0], {
        ...forms[0],
        name: "一般管理事务",
        code: "44030422146150000007",
        unit: "万元",
        total: "7,944,900万元",
        year: "1,648,300万元",
        indicators: 10,
      });
      const byCode = new Map(forms.map((f) => [f.code, f.name]));
      assert.equal(byCode.get("44030422146150000007"), "一般管理事务");
      assert.equal(byCode.get("440304221460100200001"), "环中心公园活力圈建设");
      assert.equal(forms[6].name, "老旧小区改造项目咨询与研究");
      assert.equal(forms[6].indicators, 22);
      const rows = forms.reduce((n, f) => n + f.indicators, 0);
      const applicable = forms.reduce((n, f) => n + f.applicable, 0);
      assert.equal(rows, 128);
      assert.equal(applicable, 78);
      assert.equal(await page.textContent('[data-testid="total-indicators"]'), "128");
      // Amounts labelled 万元 but written in 元 (A001) on all 11 forms.
      const diagnostics = await readDiagnostics(page);
      assert.equal(diagnostics.filter((d) => d.code === "A001").length, 11);

      const shot = await screenshot(page, "corpus-000");
      if (process.env.KPIFORM_UPDATE_SCREENSHOT === "1") {
        copyFileSync(shot, join(repoRoot, "docs", "screenshot.png"));
      }
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("001: one department form with 33 indicator rows", async () => {
    const { context, page, problems, forms } = await pasteCorpus("001", 1);
    try {
      assert.equal(forms.length, 1);
      const [form] = forms;
      assert.equal(form.kindAttr, "department");
      assert.equal(form.kind, "部门");
      assert.equal(form.name, "深圳市福田区重点片区建设发展中心（本级）");
      assert.equal(form.code, "—");
      assert.equal(form.indicators, 33);
      assert.equal(form.applicable, 29);
      assert.equal(form.total, "3,293.33万元");
      await screenshot(page, "corpus-001");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("002: 11 project forms with shifted columns", async () => {
    const { context, page, problems, forms } = await pasteCorpus("002", 11);
    try {
      assert.equal(forms.length, 11);
      assert.equal(forms[0].code, "440304221061500000046");
      assert.equal(forms[0].name, "离退休干部节日慰问金（科级及以下）");
      const byCode = new Map(forms.map((f) => [f.code, f]));
      assert.equal(byCode.get("440304231060100205004").name, "数据规划管理");
      assert.equal(byCode.get("440304231060100205004").indicators, 26);
      assert.equal(byCode.get("440304231061501005002").name, "新型智慧城区项目(上年结转)");
      assert.equal(forms.reduce((n, f) => n + f.indicators, 0), 135);
      assert.ok(forms.every((f) => f.unit === "万元"));
      await screenshot(page, "corpus-002");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("003: 19 project forms in 元, the last two without a code", async () => {
    const { context, page, problems, forms, diagnostics } = await pasteCorpus("003", 19);
    try {
      assert.equal(forms.length, 19);
      assert.ok(forms.every((f) => f.unit === "元"));
      assert.equal(forms[0].code, "440313240021500600002");
      assert.equal(forms[0].name, "后勤保障服务");
      assert.equal(forms[0].total, "7,696,136.70元");
      assert.equal(forms.reduce((n, f) => n + f.indicators, 0), 230);

      const [second, last] = forms.slice(-2);
      assert.equal(second.name, "深圳市深汕特别合作区2023年度“文化下乡”系列活动项目");
      assert.equal(last.name, "中央补助地方国家电影事业发展专项资金");
      for (const form of [second, last]) {
        assert.equal(form.code, "—");
        assert.ok(form.codes.includes("S002"), `S002 on ${form.name}: ${form.codes}`);
      }
      // Forms with a code have no S002.
      assert.ok(forms.slice(0, -2).every((f) => !f.codes.includes("S002")));

      const s002 = diagnostics.filter((d) => d.code === "S002");
      assert.equal(s002.length, 2);
      assert.deepEqual(
        s002.map((d) => d.location),
        ["436:1", "459:1"],
      );
      assert.ok(s002[0].form.startsWith("#18"), s002[0].form);
      assert.ok(s002[1].form.startsWith("#19"), s002[1].form);
      assert.ok(s002.every((d) => d.message.includes("项目编码")), JSON.stringify(s002));

      // Clicking a location selects the text it points to.
      await page.locator('[data-testid="diagnostic"][data-code="S002"] [data-testid="diag-location"]').first().click();
      const selected = await page.locator('[data-testid="input"]').evaluate((el) => ({
        start: el.selectionStart,
        line: el.value.slice(0, el.selectionStart).split("\n").length,
        focused: document.activeElement === el,
      }));
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
      assert.equal((await readForms(page))[0].kind, "Project");

      await screenshot(page, "corpus-003-en");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
