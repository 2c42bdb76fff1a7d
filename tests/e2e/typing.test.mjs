// Typing: the page follows the text box edit by edit (crates/web/src/state/typing.rs) instead of
// reading it whole at every check; whatever the edits, what it checks is what the box holds.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  artifactsDir,
  corpus,
  openPage,
  setText,
  showTab,
  waitForChecked,
  waitForFormCount,
} from "./helpers.mjs";

const READ_WHOLE = "kpiform: the text box read whole";

/** The JSON export of what the page checked (fields, indicators, problems, quotes, lines). */
async function checkedJson(page) {
  await showTab(page, "export");
  await page.click('[data-testid="format"][data-format="json"]');
  await page.waitForSelector('[data-testid="format"][data-format="json"][aria-checked="true"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="export-stale"]'));
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-testid="download"]').first().click(),
  ]);
  const path = join(artifactsDir, `typing-${Date.now()}.json`);
  await dl.saveAs(path);
  return JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
}

/** What `page` checked is what a fresh page given `text` at once checks. */
async function sameAsAnew(page, text) {
  const typed = await checkedJson(page);
  const fresh = await openPage();
  try {
    await setText(fresh.page, text);
    await waitForFormCount(fresh.page, typed.inputs[0].forms.length);
    await waitForChecked(fresh.page);
    const anew = await checkedJson(fresh.page);
    assert.deepEqual(typed.inputs, anew.inputs);
  } finally {
    await fresh.context.close();
  }
}

describe("typing", () => {
  test("typed, deleted, pasted, undone and composed: the page checks what the box holds, reading it whole only when an edit cannot be followed", async () => {
    const { context, page, problems } = await openPage();
    const reads = [];
    page.on("console", (msg) => {
      if (msg.text() === READ_WHOLE) reads.push(msg.text());
    });
    try {
      await setText(page, corpus("003"));
      await waitForFormCount(page, 19);
      await waitForChecked(page);
      const input = page.locator('[data-testid="input"]');
      await input.focus();
      // Put the caret (or a selection `length` long) `offset` code units after the `n`th `find`.
      const place = (find, offset = 0, length = 0, n = 0) =>
        page.evaluate(
          ([find, offset, length, n]) => {
            const el = document.querySelector('[data-testid="input"]');
            let at = -1;
            for (let i = 0; i <= n; i++) at = el.value.indexOf(find, at + 1);
            if (at < 0) throw new Error(`not found: ${find}`);
            el.focus();
            el.setSelectionRange(at + offset, at + offset + length);
          },
          [find, offset, length, n],
        );
      const settled = async () => {
        await page.waitForTimeout(120);
        await waitForChecked(page);
      };
      const first = reads.length;

      // Typed into a form's name, one key at a time, then taken back with Backspace and Delete.
      await place("项目名称:\t", "项目名称:\t".length, 0, 3);
      await page.keyboard.type("新的");
      await page.keyboard.type("xy");
      await page.keyboard.press("Backspace");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Delete");
      await settled();
      // A selection typed over, another deleted; a line break; a character outside the BMP,
      // typed and deleted (two code units, one key).
      await place("\t100%\t", 1, 4, 2);
      await page.keyboard.type("95%");
      await place("\t≥", 1, 1, 1);
      await page.keyboard.press("Backspace");
      await place("项目编码:\t", 0, 0, 5);
      await page.keyboard.press("Enter");
      await page.keyboard.type("🙂");
      await page.keyboard.press("Backspace");
      await page.keyboard.type("🙂");
      await settled();
      // A paste over a selection (Ctrl+V, plain text with a Windows line break, which the box keeps
      // as one \n).
      await page.evaluate(() => navigator.clipboard.writeText("粘贴的\r\n两行"));
      await place("本年度项目金额", 0, 4, 1);
      await page.keyboard.press("Control+V");
      await settled();
      // An input method: composing "shi", committing "是".
      const cdp = await context.newCDPSession(page);
      await place("项目名称:\t", "项目名称:\t".length, 0, 7);
      await cdp.send("Input.imeSetComposition", { text: "s", selectionStart: 1, selectionEnd: 1 });
      await cdp.send("Input.imeSetComposition", { text: "sh", selectionStart: 2, selectionEnd: 2 });
      await cdp.send("Input.imeSetComposition", { text: "shi", selectionStart: 3, selectionEnd: 3 });
      await cdp.send("Input.insertText", { text: "是" });
      await settled();
      assert.deepEqual(reads.slice(first), [], "every edit so far followed, none read whole");
      await sameAsAnew(page, await input.inputValue());
      await showTab(page, "overview");

      // The browser's undo changes the text where it likes: the next check reads the box whole,
      // and follows the edits after it again.
      await page.keyboard.press("Control+Z");
      await settled();
      assert.equal(reads.length - first, 1, "the undo read whole");
      await place("项目名称:\t", "项目名称:\t".length, 0, 9);
      await page.keyboard.type("又");
      await settled();
      assert.equal(reads.length - first, 1, "then followed again");

      const final = await input.inputValue();
      assert.ok(final.includes("粘贴的\n两行") && final.includes("是") && final.includes("又"));
      await sameAsAnew(page, final);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
