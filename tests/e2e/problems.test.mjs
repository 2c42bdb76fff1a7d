// The problem list: selecting a problem's text, related places, keyboard navigation, filters,
// applying a fix and undoing it.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  paste,
  readDiagnostics,
  readSelection,
  screenshot,
  showTab,
  waitForChecked,
  waitForFormCount,
} from "./helpers.mjs";


/** The page with the example form loaded and the problem list open. */
async function withExample() {
  const opened = await openPage();
  await opened.page.click('[data-testid="example"]');
  await waitForFormCount(opened.page, 1);
  await showTab(opened.page, "problems");
  return opened;
}

const current = (page) =>
  page.$eval('[data-testid="diagnostic"][aria-current="true"]', (el) => el.dataset.key).catch(() => null);

describe("problems", () => {
  test("a click selects the exact text; related places are listed and clickable", async () => {
    const { context, page, problems } = await withExample();
    try {
      const diagnostics = await readDiagnostics(page);
      assert.equal(diagnostics.length, 8);
      // Every problem's quote is exactly what its location selects.
      for (const [i, d] of diagnostics.entries()) {
        await page.locator('[data-testid="diag-location"]').nth(i).click();
        const sel = await readSelection(page);
        assert.ok(sel.focused);
        assert.equal(`${sel.line}`, d.location.split(":")[0], d.location);
        const folded = sel.text.replace(/\s+/g, " ").trim();
        if (d.quote?.endsWith("…")) assert.ok(folded.startsWith(d.quote.slice(0, -1).trimEnd()), d.quote);
        else if (d.quote) assert.equal(folded, d.quote);
        assert.equal(await current(page), d.key);
      }
      // The V005 problem: the value "1" of 车辆维护达标率 (line 16), drawn in the highlight layer.
      const v005 = page.locator('[data-testid="diagnostic"][data-code="V005"]').first();
      await v005.locator('[data-testid="diag-location"]').click();
      let sel = await readSelection(page);
      assert.deepEqual([sel.text, sel.line], ["1", 16]);
      assert.equal(await page.textContent(".hl-primary"), "1");

      // I004 (duplicate indicator) points to the first occurrence.
      const i004 = page.locator('[data-testid="diagnostic"][data-code="I004"]');
      const related = i004.locator('[data-testid="diag-related"]');
      assert.equal(await related.count(), 1);
      await i004.locator('[data-testid="diag-location"]').click();
      assert.equal(await page.locator(".hl-related").count(), 1);
      assert.equal(await page.textContent(".hl-related"), "工作正常运行率");
      await screenshot(page, "problems-selected", { keepScroll: true });
      const relatedLine = Number((await related.textContent()).match(/第 (\d+) 行/)[1]);
      await related.click();
      sel = await readSelection(page);
      assert.equal(sel.text, "工作正常运行率");
      assert.equal(sel.line, relatedLine);
      assert.notEqual(relatedLine, Number((await i004.locator('[data-testid="diag-location"]').textContent()).split(":")[0]));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("keyboard: F8 / Shift+F8 anywhere, j / k outside the text box", async () => {
    const { context, page, problems } = await withExample();
    try {
      const keys = (await readDiagnostics(page)).map((d) => d.key);
      await page.locator(".tab-panel").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("j");
      assert.equal(await current(page), keys[0]);
      await page.keyboard.press("j");
      assert.equal(await current(page), keys[1]);
      await page.keyboard.press("k");
      assert.equal(await current(page), keys[0]);
      await page.keyboard.press("k"); // wraps around
      assert.equal(await current(page), keys.at(-1));
      // j / k type into the text box when it has the focus; F8 still moves.
      await page.locator('[data-testid="input"]').focus();
      await page.keyboard.press("F8");
      assert.equal(await current(page), keys[0]);
      await page.keyboard.press("F8");
      assert.equal(await current(page), keys[1]);
      await page.keyboard.press("Shift+F8");
      assert.equal(await current(page), keys[0]);
      const sel = await readSelection(page);
      assert.equal(sel.line, Number((await readDiagnostics(page))[0].location.split(":")[0]));
      // F8 from another view opens the problem list.
      await showTab(page, "overview");
      await page.keyboard.press("F8");
      await page.waitForSelector('[data-testid="tab-problems"][aria-selected="true"]');
      assert.equal(await current(page), keys[1]);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("filters by severity, category, form and fixability", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      // From the overview: a form's error count opens its errors.
      await page.locator('[data-testid="form-error"]').first().click();
      await page.waitForSelector('[data-testid="filter-form"]');
      let shown = await readDiagnostics(page);
      assert.equal(shown.length, 4);
      assert.ok(shown.every((d) => d.severityAttr === "error" && d.form === 1));
      await page.click('[data-testid="filter-reset"]');
      assert.equal((await readDiagnostics(page)).length, 105);

      await page.click('[data-testid="filter-info"]');
      await page.click('[data-testid="filter-warning"]');
      shown = await readDiagnostics(page);
      assert.equal(shown.length, 34);
      assert.ok(shown.every((d) => d.severityAttr === "error"));
      await page.click('[data-testid="filter-cat-amounts"]');
      shown = await readDiagnostics(page);
      assert.ok(shown.every((d) => !d.code.startsWith("A")));
      await page.click('[data-testid="filter-reset"]');
      await page.click('[data-testid="filter-fixable"]');
      shown = await readDiagnostics(page);
      assert.equal(shown.length, 15);
      assert.ok(shown.every((d) => d.fix));
      assert.match(await page.textContent('[data-testid="problem-count"]'), /15 \/ 105/);
      await screenshot(page, "problems-filtered");

      // The chart in the overview filters by category.
      await page.click('[data-testid="filter-reset"]');
      await showTab(page, "overview");
      await page.click('[data-testid="chart-bar"][data-category="values"]');
      await page.waitForSelector('[data-testid="tab-problems"][aria-selected="true"]');
      shown = await readDiagnostics(page);
      assert.ok(shown.length > 0 && shown.every((d) => d.code.startsWith("V")));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a fix is applied with one click and undone", async () => {
    const { context, page, problems } = await withExample();
    try {
      const input = page.locator('[data-testid="input"]');
      const before = await input.inputValue();
      const v005 = (await readDiagnostics(page)).filter((d) => d.code === "V005");
      assert.equal(v005.length, 4);
      const fix = page.locator('[data-testid="diagnostic"][data-code="V005"] [data-testid="diag-fix"]').first();
      assert.match(await fix.textContent(), /改为“＝100%”/);
      await fix.click();
      await waitForChecked(page);

      // The value on line 16 changed, nothing else; the new text is selected; one V005 fewer.
      const after = await input.inputValue();
      const b = before.split("\n");
      const a = after.split("\n");
      assert.equal(a.length, b.length);
      const changed = a.map((l, i) => i).filter((i) => a[i] !== b[i]);
      assert.deepEqual(changed, [15]);
      assert.equal(a[15], b[15].replace("\t1\t", "\t＝100%\t"));
      assert.equal((await readSelection(page)).text, "＝100%");
      assert.equal((await readDiagnostics(page)).filter((d) => d.code === "V005").length, 3);
      assert.match(await page.textContent('[data-testid="toast-text"]'), /已修改第 16 行/);
      await screenshot(page, "fix-applied", { keepScroll: true });

      // Undo (the message's button) brings the text back.
      await page.click('[data-testid="undo"]');
      await waitForChecked(page);
      assert.equal(await input.inputValue(), before);
      assert.equal((await readDiagnostics(page)).filter((d) => d.code === "V005").length, 4);

      // Two fixes, then the browser's own undo (Ctrl+Z) takes back the last one as well.
      const fixes = page.locator('[data-testid="diagnostic"][data-code="V005"] [data-testid="diag-fix"]');
      await fixes.first().click();
      await waitForChecked(page);
      await fixes.first().click();
      await waitForChecked(page);
      assert.equal((await readDiagnostics(page)).filter((d) => d.code === "V005").length, 2);
      await input.focus();
      await page.keyboard.press("Control+z");
      await waitForChecked(page);
      assert.equal((await readDiagnostics(page)).filter((d) => d.code === "V005").length, 3);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("results always match the text: typing re-checks, stale clicks do not act", async () => {
    const { context, page, problems } = await withExample();
    try {
      const input = page.locator('[data-testid="input"]');
      // Break the code of the form: F001 appears.
      await input.evaluate((el) => {
        const i = el.value.indexOf("440313240021500600002");
        el.focus();
        el.setSelectionRange(i + 5, i + 5);
      });
      await page.keyboard.type("X");
      await waitForChecked(page);
      const codes = (await readDiagnostics(page)).map((d) => d.code);
      assert.ok(codes.includes("F001"), codes.join(" "));
      await page.keyboard.press("Backspace");
      await waitForChecked(page);
      assert.ok(!(await readDiagnostics(page)).some((d) => d.code === "F001"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
