// The input panel: example, counts, clear with undo, opening and dropping files, the text kept
// across a reload and the notice that offers to discard it.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  paste,
  screenshot,
  waitForApp,
  waitForChecked,
  waitForFormCount,
} from "./helpers.mjs";


describe("input", () => {
  test("example, counts, clear and undo", async () => {
    const { context, page, problems } = await openPage();
    try {
      const input = page.locator('[data-testid="input"]');
      assert.ok(await page.isVisible('[data-testid="empty-state"]'));
      await screenshot(page, "empty");
      // The empty state offers the example too.
      await page.click('[data-testid="empty-example"]');
      await waitForFormCount(page, 1);
      const example = await input.inputValue();
      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      await page.click('[data-testid="example"]');
      await waitForFormCount(page, 1);
      assert.equal(await input.inputValue(), example);
      assert.ok(example.startsWith("二级项目支出绩效目标申报表"));
      const chars = [...example].length;
      const lines = example.split("\n").length;
      assert.equal(
        await page.textContent('[data-testid="counts"]'),
        `${chars.toLocaleString("en-US")} 字符 · ${lines} 行 · 1 张表`,
      );
      // The line numbers go with the text.
      const gutter = await page.textContent(".gutter-inner");
      assert.ok(gutter.startsWith("1\n2\n3\n"), gutter.slice(0, 20));

      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      assert.equal(await input.inputValue(), "");
      assert.match(await page.textContent('[data-testid="counts"]'), /^0 字符 · 0 行 · 0 张表/);
      await page.click('[data-testid="undo"]');
      await waitForFormCount(page, 1);
      assert.equal(await input.inputValue(), example);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a .txt file opened or dropped replaces the text; GB18030 files are decoded", async () => {
    const { context, page, problems } = await openPage();
    try {
      const input = page.locator('[data-testid="input"]');
      await page.setInputFiles('[data-testid="file-input"]', {
        name: "000.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(corpus("000"), "utf8"),
      });
      await waitForFormCount(page, 11);
      assert.match(await page.textContent('[data-testid="toast-text"]'), /已载入「000.txt」（文本）/);

      // Drop a GB18030 file (what Chinese Windows saves): the bytes of the example's title.
      const gbTitle = [0xb6, 0xfe, 0xbc, 0xb6, 0xcf, 0xee, 0xc4, 0xbf]; // 二级项目
      await page.evaluate((bytes) => {
        const file = new File([new Uint8Array(bytes)], "gb.txt", { type: "text/plain" });
        const dt = new DataTransfer();
        dt.items.add(file);
        const target = document.querySelector('[data-testid="input"]');
        target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, gbTitle);
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value === "二级项目");
      assert.match(await page.textContent('[data-testid="toast-text"]'), /GB18030/);
      await waitForChecked(page);
      assert.equal(await page.textContent('[data-testid="form-count"]'), "0");
      // The drop replaced the text; undo brings the file before back.
      await page.click('[data-testid="undo"]');
      await waitForFormCount(page, 11);
      assert.equal(await input.inputValue(), corpus("000"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("the text survives a reload; the notice offers to discard it", async () => {
    const { context, page, problems } = await openPage();
    try {
      const input = page.locator('[data-testid="input"]');
      await paste(page, corpus("002"));
      await waitForFormCount(page, 11);
      // Type a little and reload at once: the text is saved when the page goes away.
      await page.keyboard.type("尾");
      await page.reload();
      await waitForApp(page);
      await waitForFormCount(page, 11);
      assert.equal(await input.inputValue(), `${corpus("002")}尾`);
      assert.match(await page.textContent('[data-testid="restored"]'), /已恢复上次的文本（保存于 \d{4}-\d\d-\d\d \d\d:\d\d）/);
      await screenshot(page, "restored");

      // In a new tab of the same browser profile, too (closed tab).
      const other = await context.newPage();
      await other.goto(page.url());
      await waitForApp(other);
      await waitForFormCount(other, 11);
      await other.close();

      // "Keep" hides the notice; after another reload, "Discard" empties the box for good.
      await page.click('[data-testid="keep-restored"]');
      assert.equal(await page.locator('[data-testid="restored"]').count(), 0);
      await page.reload();
      await waitForApp(page);
      await page.click('[data-testid="discard-restored"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      assert.equal(await input.inputValue(), "");
      await page.reload();
      await waitForApp(page);
      assert.equal(await input.inputValue(), "");
      assert.equal(await page.locator('[data-testid="restored"]').count(), 0);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
