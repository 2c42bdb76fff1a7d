// Forms of other regions' templates (tests/fixtures/regions): the template the structure view
// names, the indicator rows, the optional columns, the medium-term table, fields without a role;
// and the empty state, which says what is read.

import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { describe, test } from "node:test";
import { allProblems, openPage, paste, region, screenshot, showTab, waitForFormCount } from "./helpers.mjs";

/** Paste a region fixture and open the structure view of its first form. */
async function openRegion(name, forms = 1) {
  const opened = await openPage();
  await paste(opened.page, region(name));
  await waitForFormCount(opened.page, forms);
  await showTab(opened.page, "structure");
  await opened.page.waitForSelector('[data-testid="form-structure"]');
  return opened;
}

/** The header cells of a table, as shown. */
function headers(page, table) {
  return page.$$eval(`[data-testid="${table}"] thead th`, (ths) => ths.map((t) => t.textContent.trim()));
}

describe("regions", () => {
  test("a Shanghai form: its template, indicator rows and its own fields", async () => {
    const { context, page, problems } = await openRegion("shanghai-project__tabs");
    try {
      const template = page.locator('[data-testid="form-template"]');
      assert.equal(await template.textContent(), "模板：上海市财政支出项目绩效目标申报表");
      assert.equal(await template.getAttribute("data-template"), "shanghai-project");

      const rows = await page.$$eval('[data-testid="indicator"]', (trs) =>
        trs.map((tr) => [
          tr.querySelector('[data-testid="indicator-name"]').textContent,
          tr.querySelector('[data-testid="indicator-value"]').textContent,
        ]),
      );
      assert.equal(rows.length, 10);
      assert.deepEqual(rows[0], ["延时服务开放天数", "≥250天"]);
      assert.deepEqual(rows.at(-1), ["办事群众满意度", "≥90%"]);
      // No medium-term table, and no column the table does not have.
      assert.equal(await page.locator('[data-testid="medium-indicators"]').count(), 0);
      const head = await headers(page, "indicators");
      for (const col of ["指标性质", "中期指标值", "权重"]) assert.ok(!head.includes(col), head.join("|"));

      // A field of this template without a role, under its own label.
      const extra = await page.$$eval('[data-testid="extra-label"]', (ths) => ths.map((t) => t.textContent.trim()));
      assert.ok(extra.includes("资金用途"), extra.join("|"));

      await page.locator('[data-testid="form-structure"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
      const shot = await screenshot(page, "structure-shanghai");
      copyFileSync(shot, "/tmp/kpiform-structure-shanghai.png");
      await page.locator('[data-testid="indicators"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
      copyFileSync(await screenshot(page, "structure-shanghai-indicators"), "/tmp/kpiform-structure-shanghai-indicators.png");

      await page.click('[data-testid="lang-toggle"]');
      await page.waitForFunction(() => document.documentElement.lang === "en");
      assert.equal(await template.textContent(), "Template: Shanghai project form");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a medium-term indicator table of its own", async () => {
    const { context, page, problems } = await openRegion("hunan-longform__cell-per-line-blank");
    try {
      assert.equal(
        await page.textContent('[data-testid="form-template"]'),
        "模板：财政支出项目绩效目标申报表（湖南、陕西等省长表）",
      );
      assert.equal(await page.locator('[data-testid="indicator"]').count(), 10);
      assert.equal(await page.locator('[data-testid="medium-indicator"]').count(), 8);
      const titles = await page.$$eval(".sub-title", (hs) => hs.map((h) => h.firstChild.textContent));
      assert.ok(titles.includes("中期/长期指标"), titles.join("|"));
      assert.deepEqual(await headers(page, "medium-indicators"), await headers(page, "indicators"));
      await page.locator('[data-testid="medium-indicators"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
      copyFileSync(await screenshot(page, "structure-medium"), "/tmp/kpiform-structure-medium.png");
      await page.click('[data-testid="lang-toggle"]');
      await page.waitForFunction(() => document.documentElement.lang === "en");
      const en = await page.$$eval(".sub-title", (hs) => hs.map((h) => h.firstChild.textContent));
      assert.ok(en.includes("Medium-term indicators"), en.join("|"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("operator, weight and medium-term value columns when the table has them", async () => {
    const yitihua = await openRegion("yitihua-project__pipes");
    try {
      const { page, problems } = yitihua;
      const head = await headers(page, "indicators");
      assert.ok(head.includes("指标性质") && head.includes("权重"), head.join("|"));
      assert.ok(head.indexOf("指标性质") < head.indexOf("指标值"), head.join("|"));
      const operators = await page.$$eval('[data-testid="indicator-operator"]', (tds) => tds.map((t) => t.textContent));
      assert.equal(operators.length, 13);
      assert.ok(operators.some((o) => o !== ""), operators.join("|"));
      const weights = await page.$$eval('[data-testid="indicator-weight"]', (tds) => tds.map((t) => t.textContent));
      assert.ok(weights.some((w) => /^\d+$/.test(w)), weights.join("|"));
      copyFileSync(await screenshot(page, "structure-yitihua"), "/tmp/kpiform-structure-yitihua.png");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await yitihua.context.close();
    }
    const national = await openRegion("national88-project__tabs");
    try {
      const { page, problems } = national;
      assert.equal(
        await page.textContent('[data-testid="form-template"]'),
        "模板：项目支出绩效目标申报表（财预〔2015〕88号）",
      );
      const head = await headers(page, "indicators");
      assert.ok(head.includes("中期指标值"), head.join("|"));
      const medium = await page.$$eval('[data-testid="indicator-medium-value"]', (tds) => tds.map((t) => t.textContent));
      assert.ok(medium.filter((v) => v !== "").length >= 5, medium.join("|"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await national.context.close();
    }
  });

  test("the empty state says which templates and layouts are read", async () => {
    const { context, page, problems } = await openPage();
    try {
      await page.waitForSelector('[data-testid="empty-state"]');
      const templates = await page.textContent('[data-testid="empty-templates"]');
      for (const word of ["深圳二级项目", "财预〔2015〕88号", "预算管理一体化", "上海", "浙江", "安徽", "重庆审批表", "山东", "湖南", "扶贫/衔接资金", "转移支付区域表", "绩效目标公示", "按标签识别"]) {
        assert.ok(templates.includes(word), `${word}: ${templates}`);
      }
      const layouts = await page.textContent('[data-testid="empty-layouts"]');
      for (const word of ["制表符", "竖线", "每格一行", "PDF", "空格分隔", "粘连", "文字公示"]) {
        assert.ok(layouts.includes(word), `${word}: ${layouts}`);
      }
      await page.click('[data-testid="lang-toggle"]');
      await page.waitForFunction(() => document.documentElement.lang === "en");
      const en = await page.textContent('[data-testid="empty-templates"]');
      for (const word of ["Shenzhen", "No. 88", "Shanghai", "Zhejiang", "Anhui", "Chongqing", "Shandong", "Hunan", "transfer-payment", "by its labels"]) {
        assert.ok(en.includes(word), `${word}: ${en}`);
      }
      assert.match(await page.textContent('[data-testid="empty-layouts"]'), /^layouts: .*PDF.*prose/);
      copyFileSync(await screenshot(page, "empty-en"), "/tmp/kpiform-empty-en.png");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
