// Overview (sorting, going to a form), structure view, settings (remembered), language, theme,
// and the layout on a small and a large screen.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  paste,
  readDiagnostics,
  readForms,
  readSelection,
  screenshot,
  setText,
  showTab,
  waitForApp,
  waitForChecked,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";


async function sortBy(page, column) {
  await page.locator('[data-testid="sort"]').nth(column).click();
}

describe("views", () => {
  test("overview: sorting and going to a form", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      const original = (await readForms(page)).map((f) => f.name);
      // Errors: most first (the first click on a number column sorts descending). Column 5 is
      // the suggested grade (tests/e2e/review.test.mjs).
      await sortBy(page, 6);
      let forms = await readForms(page);
      const errors = forms.map((f) => f.errors);
      assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
      assert.equal(
        await page.getAttribute('th:has([data-testid="sort"]) >> nth=6', "aria-sort"),
        "descending",
      );
      await sortBy(page, 6);
      forms = await readForms(page);
      assert.deepEqual(forms.map((f) => f.errors), [...errors].sort((a, b) => a - b));
      // Amount this year, largest first: 2,590,000 万元 (form 7) leads.
      await sortBy(page, 3);
      forms = await readForms(page);
      assert.equal(forms[0].name, "老旧小区改造项目咨询与研究");
      // Back to the paste order.
      await sortBy(page, 0);
      assert.deepEqual((await readForms(page)).map((f) => f.name), original);

      // A click on a name opens the form's structure and selects its title in the text.
      await page.locator('[data-testid="form-name"]').nth(2).click();
      await page.waitForSelector('[data-testid="form-structure"][data-form="3"]');
      const sel = await readSelection(page);
      assert.equal(sel.text, "二级项目支出绩效目标申报表");
      assert.equal(await page.inputValue('[data-testid="form-select"]'), "3");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("structure: header fields with amounts normalized, the indicator table as on paper", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await showTab(page, "structure");
      const fields = await page.$$eval('[data-testid="field"]', (cells) =>
        Object.fromEntries(
          cells.map((c) => [
            c.dataset.key,
            [
              c.querySelector('[data-testid="field-value"]').textContent,
              c.querySelector('[data-testid="field-read"]')?.textContent ?? "",
            ],
          ]),
        ),
      );
      assert.equal(Object.keys(fields).length, 14);
      assert.equal(fields.code[0], "44030422146150000007");
      assert.equal(fields.code[1], "20 位");
      assert.equal(fields.name[0], "一般管理事务");
      assert.equal(fields.years[1], "4 年");
      // Labelled 万元 but written in 元 (A001): read in 元.
      assert.match(fields.total_amount[1], /^7,944,900 元 = 794.49 万元（标为万元/);

      const rows = await page.$$eval('[data-testid="indicator"]', (trs) =>
        trs.map((tr) => ({
          cells: tr.children.length,
          name: tr.querySelector('[data-testid="indicator-name"]').textContent,
          value: tr.querySelector('[data-testid="indicator-value"]').textContent,
          parsed: tr.querySelector('[data-testid="indicator-parsed"]').textContent,
          na: tr.classList.contains("not-applicable"),
        })),
      );
      assert.equal(rows.length, 10);
      assert.deepEqual(rows[0], {
        cells: 7,
        name: "日常综合协调工作项数",
        value: "≥5项",
        parsed: "≥ 5 项数值",
        na: false,
      });
      assert.equal(rows[1].parsed, "100 %百分比");
      // 一级 cells are merged down the rows of one category (rowspan), as on the paper form.
      const level1 = await page.$$eval('[data-testid="indicators"] td.level1', (tds) =>
        tds.map((td) => [td.textContent, td.rowSpan]),
      );
      assert.deepEqual(level1[0], ["产出指标", 4]);
      // Mandatory categories carry the star.
      assert.ok((await page.textContent('[data-testid="indicators"] td.level2')).startsWith("*"));
      assert.ok(rows.some((r) => r.na));
      await screenshot(page, "structure-000");
      await page.locator('[data-testid="indicators"]').evaluate((el) => el.scrollIntoView({ block: "start" }));
      await screenshot(page, "structure-000-indicators");

      // A click on an indicator selects its row in the text; the next form is one click away.
      await page.locator('[data-testid="indicator"]').first().click();
      assert.ok((await readSelection(page)).text.includes("日常综合协调工作项数"));
      await page.click('[data-testid="next-form"]');
      await page.waitForSelector('[data-testid="form-structure"][data-form="2"]');
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("settings: budget year, rules off, severity; remembered after a reload", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await showTab(page, "settings");
      assert.match(await page.textContent('[data-testid="year-detected"]'), /2023/);
      assert.equal(await page.locator('[data-testid="rule-row"]').count(), 60);

      // V002 off, T003 as an error, budget year 2024.
      await page.locator('[data-testid="rule-row"][data-code="V002"] [data-testid="rule-on"]').uncheck();
      await page.locator('[data-testid="rule-row"][data-code="T003"] [data-testid="rule-severity"]').selectOption("error");
      await page.fill('[data-testid="budget-year-input"]', "2024");
      await waitForChecked(page);
      await screenshot(page, "settings");

      const check = async () => {
        await showTab(page, "problems");
        const diagnostics = await readDiagnostics(page);
        assert.ok(!diagnostics.some((d) => d.code === "V002"));
        const t003 = diagnostics.filter((d) => d.code === "T003");
        assert.ok(t003.length > 0 && t003.every((d) => d.severityAttr === "error"));
        await showTab(page, "overview");
        assert.equal(await page.textContent('[data-testid="budget-year"]'), "2024");
      };
      await check();
      await page.reload();
      await waitForApp(page);
      await waitForFormCount(page, 11);
      await check();

      // Reset brings the rules back.
      await showTab(page, "settings");
      await page.click('[data-testid="reset-rules"]');
      await page.fill('[data-testid="budget-year-input"]', "");
      await waitForChecked(page);
      await showTab(page, "problems");
      assert.ok((await readDiagnostics(page)).some((d) => d.code === "V002"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("language and theme are remembered; dark theme", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("003"));
      await waitForFormCount(page, 19);
      await showTab(page, "settings");
      await page.click('[data-testid="set-lang-en"]');
      await page.click('[data-testid="set-theme-dark"]');
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal(await page.getAttribute("html", "data-theme"), "dark");
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal(await page.getAttribute("html", "data-theme"), "dark");
      assert.equal(await page.title(), "Performance Target Form Checker");
      await waitForFormCount(page, 19);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, "rgb(15, 20, 25)");
      await showTab(page, "problems");
      await page.locator('[data-testid="diag-location"]').nth(2).click();
      await screenshot(page, "dark-problems", { keepScroll: true });
      await page.click('[data-testid="theme-toggle"]');
      assert.equal(await page.getAttribute("html", "data-theme"), "light");
      await page.click('[data-testid="lang-toggle"]');
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("narrow screen: a long forms table follows the page's scroll, drawing what is on screen", async () => {
    // Below 900 px the page scrolls (the text box above the results), not the results panel.
    const { context, page, problems } = await openPage({ width: 800, height: 900 });
    try {
      await setText(page, Array(5).fill(wholeCorpus()).join("\n"));
      await waitForFormCount(page, 210);
      await waitForChecked(page, 30000);
      const rows = () =>
        page.$$eval('[data-testid="form-row"]', (trs) =>
          trs.map((tr) => {
            const r = tr.getBoundingClientRect();
            return { n: Number(tr.querySelector("td.num").textContent), seen: r.bottom > 0 && r.top < innerHeight };
          }),
        );
      const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // The table starts below the window: its first screen is drawn, not the 210 rows.
      let now = await rows();
      assert.ok(now.length >= 10 && now.length < 150, `${now.length} rows at the top`);
      assert.equal(now[0].n, 1);
      // Scrolled to the middle of the table, then to its end: the rows on screen are drawn, in
      // order.
      for (const at of [0.5, 1]) {
        await page.evaluate((f) => {
          const t = document.querySelector('[data-testid="forms"]').getBoundingClientRect();
          window.scrollTo(0, window.scrollY + t.top + t.height * f - innerHeight * f);
        }, at);
        await frames();
        now = await rows();
        const seen = now.filter((r) => r.seen).map((r) => r.n);
        assert.ok(seen.length >= 5, `${seen.length} rows on screen at ${at}`);
        assert.deepEqual(seen, seen.map((_, i) => seen[0] + i));
        assert.ok(now.length < 150, `${now.length} rows drawn at ${at}`);
      }
      assert.equal(now.at(-1).n, 210);
      await screenshot(page, "narrow-long-table");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("layout: 1366x768 and 1920x1080 have no page scroll; the keyboard reaches everything", async () => {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      const { context, page, problems } = await openPage({ width, height });
      try {
        await paste(page, wholeCorpus());
        await waitForFormCount(page, 42);
        const overflow = await page.evaluate(() => ({
          x: document.documentElement.scrollWidth - window.innerWidth,
          y: document.documentElement.scrollHeight - window.innerHeight,
        }));
        assert.deepEqual(overflow, { x: 0, y: 0 }, `${width}x${height}`);
        await screenshot(page, `overview-${width}x${height}`);
        await showTab(page, "structure");
        await screenshot(page, `structure-${width}x${height}`);

        // Tab order: the tab list is reachable and arrow keys move between views.
        await page.focus('[data-testid="tab-structure"]');
        await page.keyboard.press("ArrowRight");
        assert.equal(await page.getAttribute('[data-testid="tab-problems"]', "aria-selected"), "true");
        assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "tab-problems");
        // Every button and field has a name.
        const unnamed = await page.$$eval("button, input, select, textarea, a", (els) =>
          els
            .filter((el) => el.offsetParent !== null)
            .filter((el) => !(el.getAttribute("aria-label") || el.textContent.trim() || el.labels?.length || el.title))
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        assert.deepEqual(unnamed, []);
        assert.deepEqual(await allProblems(page, problems), []);
      } finally {
        await context.close();
      }
    }
  });
});
