// Opening what users have: workbooks and Word documents (打开文件, drop, several at once), files
// that are no form (their message, the text kept), and pasting a table with both clipboard types.
// The files are tests/fixtures/import, written by openpyxl, xlwt and python-docx
// (scripts/import_fixtures.py); the clipboard payloads are real captures (clipboard/SOURCES.md).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  paste,
  readDiagnostics,
  readForms,
  repoRoot,
  screenshot,
  showTab,
  waitForChecked,
  waitForFormCount,
  wholeCorpus,
} from "./helpers.mjs";

const fixture = (name) => readFileSync(join(repoRoot, "tests", "fixtures", "import", name));
const MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  png: "image/png",
  txt: "text/plain",
};
const file = (name, buffer = fixture(name)) => ({
  name,
  mimeType: MIME[name.split(".").pop()] ?? "application/octet-stream",
  buffer,
});
const toast = (page) => page.textContent('[data-testid="toast-text"]');

/** Drop files (name, bytes) on the text box, as the browser does. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const { name, bytes } of files) dt.items.add(new File([new Uint8Array(bytes)], name));
    const target = document.querySelector('[data-testid="input"]');
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map(({ name, buffer }) => ({ name, bytes: [...buffer] })));
}

/** The forms table without what depends on where the text came from. */
const forms = async (page) => (await readForms(page)).map(({ line, ...rest }) => rest);

/** An HTML table of a text's lines (cells at tabs), the 一级指标 merged down as in a workbook. */
function htmlTable(text) {
  const rows = text.split("\n").map((l) => l.split("\t"));
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  let html = "<html><body><!--StartFragment--><table>";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let cells = r.map((c) => `<td>${esc(c)}</td>`);
    if (["产出", "效益", "满意度"].includes(r[0]) && (i === 0 || rows[i - 1][0] !== r[0])) {
      let n = 1;
      while (rows[i + n]?.[0] === r[0]) n++;
      cells[0] = `<td rowspan=${n}>${esc(r[0])}</td>`;
    } else if (i > 0 && ["产出", "效益", "满意度"].includes(r[0]) && rows[i - 1][0] === r[0]) {
      cells = cells.slice(1);
    }
    html += `<tr>${cells.join("")}</tr>`;
  }
  return html + "</table><!--EndFragment--></body></html>";
}

describe("import", () => {
  test("a workbook opened with 打开文件 and a document dropped give the forms of the text", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, wholeCorpus());
      await waitForFormCount(page, 42);
      const expected = await forms(page);
      assert.equal(expected.length, 42);

      const started = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', file("corpus.xlsx"));
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes("7944900"));
      await waitForFormCount(page, 42);
      await waitForChecked(page);
      console.log(`# corpus.xlsx opened and checked in ${Date.now() - started} ms`);
      assert.match(await toast(page), /已载入「corpus.xlsx」（工作簿，4 个表格，\d+ 处改动）/);
      assert.deepEqual(await forms(page), expected);
      await screenshot(page, "import-xlsx");

      await drop(page, [file("corpus.docx")]);
      await page.waitForFunction(() => !document.querySelector('[data-testid="input"]').value.includes("7944900"));
      await waitForFormCount(page, 42);
      await waitForChecked(page);
      assert.match(await toast(page), /已载入「corpus.docx」（Word 文档，43 个表格/);
      assert.deepEqual(await forms(page), expected);
      // Undo brings the workbook's text back.
      await page.click('[data-testid="undo"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes("7944900"));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("several files at once: each after its file line, each form and problem with its file", async () => {
    const { context, page, problems } = await openPage();
    try {
      await page.setInputFiles('[data-testid="file-input"]', [
        file("corpus.xls"),
        file("000.txt", Buffer.from(corpus("000"), "utf8")),
      ]);
      await waitForFormCount(page, 53);
      await waitForChecked(page);
      const value = await page.inputValue('[data-testid="input"]');
      assert.ok(value.startsWith("【文件：corpus.xls】\n"), value.slice(0, 40));
      assert.ok(value.includes("\n【文件：000.txt】\n"));
      const files = await page.$$eval('[data-testid="form-file"]', (els) => els.map((e) => e.textContent));
      assert.equal(files.length, 53);
      assert.deepEqual([...new Set(files)], ["corpus.xls", "000.txt"]);
      assert.match(await toast(page), /已载入「corpus.xls」（工作簿.*）、「000.txt」（文本）/);
      await showTab(page, "problems");
      // Every problem's group (the list renders what is on screen; read scrolling through it).
      const diagnostics = await readDiagnostics(page);
      const groups = [...new Set(diagnostics.map((d) => d.group))];
      assert.ok(groups.some((g) => g.includes("· corpus.xls")), groups.slice(0, 3).join(" | "));
      assert.ok(groups.some((g) => g.includes("· 000.txt")));
      // The file lines are not text outside a form.
      const codes = diagnostics.map((d) => d.code);
      assert.ok(!codes.includes("S001"), codes.join(" "));
      await screenshot(page, "import-several");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a PDF, an image, random bytes and a damaged workbook say why and keep the text", async () => {
    const { context, page, problems } = await openPage();
    try {
      await paste(page, corpus("002"));
      await waitForFormCount(page, 11);
      const before = await page.inputValue('[data-testid="input"]');
      const xlsx = fixture("corpus.xlsx");
      let x = 1;
      const random = Buffer.from(Array.from({ length: 4000 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24)));
      const cases = [
        [file("form.pdf"), /「form.pdf」：这是 PDF 文件，无法直接读取。请在 PDF 阅读器中全选并复制文字/],
        [file("image.png"), /「image.png」：这是图片（PNG）/],
        [file("random.txt", random), /「random.txt」：这不是文本文件/],
        [file("cut.xlsx", xlsx.subarray(0, xlsx.length >> 1)), /「cut.xlsx」：xlsx 文件已损坏或不完整/],
        [file("encrypted.xlsx"), /「encrypted.xlsx」：文件设置了打开密码/],
      ];
      for (const [f, message] of cases) {
        await page.setInputFiles('[data-testid="file-input"]', f);
        await page.waitForFunction(
          (name) => document.querySelector('[data-testid="toast-text"]')?.textContent.includes(name),
          f.name,
        );
        assert.match(await toast(page), message, f.name);
        assert.equal(await page.inputValue('[data-testid="input"]'), before, f.name);
        if (f.name === "form.pdf") await screenshot(page, "import-refused");
      }
      // In English too.
      await showTab(page, "settings");
      await page.click('[data-testid="set-lang-en"]');
      await page.setInputFiles('[data-testid="file-input"]', file("again.pdf", fixture("form.pdf")));
      await page.waitForFunction(() => document.querySelector('[data-testid="toast-text"]')?.textContent.includes("again.pdf"));
      assert.match(await toast(page), /“again.pdf”: This is a PDF file, which cannot be read directly/);
      assert.equal(await page.inputValue('[data-testid="input"]'), before);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("a paste with text/html and text/plain: the table by its cells, where the caret is", async () => {
    const { context, page, problems } = await openPage();
    try {
      const input = page.locator('[data-testid="input"]');
      // A real Excel payload, pasted between two lines.
      await paste(page, "前\n后\n");
      await input.evaluate((el) => el.setSelectionRange(2, 2));
      const clip = (name) =>
        readFileSync(join(repoRoot, "tests", "fixtures", "import", "clipboard", name), "utf8");
      await page.evaluate(({ html, plain }) => {
        const dt = new DataTransfer();
        dt.setData("text/html", html);
        dt.setData("text/plain", plain);
        const el = document.querySelector('[data-testid="input"]');
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }, { html: clip("excel-win-hyperlinks.html"), plain: clip("excel-win-hyperlinks.txt") });
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes("Work Item Type"));
      const plainRows = clip("excel-win-hyperlinks.txt").replace(/\r\n/g, "\n");
      assert.equal(await input.inputValue(), `前\n${plainRows}后\n`);
      assert.match(await toast(page), /已按单元格读取粘贴的表格（1 个表格）/);

      // A form copied from a workbook (merged 一级指标): the same forms as its plain text.
      await page.click('[data-testid="clear"]');
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      const expected = await forms(page);
      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      const text = corpus("000");
      await page.evaluate(
        ([html, plain]) =>
          navigator.clipboard.write([
            new ClipboardItem({
              "text/html": new Blob([html], { type: "text/html" }),
              "text/plain": new Blob([plain], { type: "text/plain" }),
            }),
          ]),
        [htmlTable(text), text],
      );
      await input.focus();
      await page.keyboard.press("Control+V");
      await waitForFormCount(page, 11);
      await waitForChecked(page);
      assert.deepEqual(await forms(page), expected);
      assert.match(await toast(page), /已按单元格读取/);

      // Settings: plain text only.
      await showTab(page, "settings");
      await page.click('[data-testid="set-paste-plain"]');
      await page.click('[data-testid="clear"]');
      await page.evaluate(() =>
        navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob(["<table><tr><td>甲</td><td>乙</td></tr></table>"], { type: "text/html" }),
            "text/plain": new Blob(["甲 乙（纯文本）"], { type: "text/plain" }),
          }),
        ]),
      );
      await input.focus();
      await page.keyboard.press("Control+V");
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value !== "");
      assert.equal(await input.inputValue(), "甲 乙（纯文本）");
      // The choice is remembered.
      await page.reload();
      await showTab(page, "settings");
      assert.equal(await page.getAttribute('[data-testid="set-paste-plain"]', "aria-checked"), "true");
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("100 forms from a workbook: the import's time in the page", async () => {
    const { context, page, problems } = await openPage();
    try {
      const started = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', file("hundred.xlsx"));
      await waitForFormCount(page, 100);
      console.log(`# hundred.xlsx (100 forms) opened and checked in ${Date.now() - started} ms (first file: the importer loads)`);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
