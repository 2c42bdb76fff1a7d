// The page talks to no one but its own origin, and pasted markup never runs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allProblems,
  corpus,
  openPage,
  pageUrl,
  paste,
  readDiagnostics,
  screenshot,
  showTab,
  waitForFormCount,
} from "./helpers.mjs";


describe("security", () => {
  test("every request goes to the page's own origin", async () => {
    const { context, page, problems, requests, responses } = await openPage();
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      // Use every part of the page: views, a selection, a fix, an export, settings.
      for (const tab of ["structure", "problems", "export", "settings", "overview"]) await showTab(page, tab);
      await showTab(page, "problems");
      await page.locator('[data-testid="diag-location"]').first().click();
      await page.locator('[data-testid="diag-fix"]').first().click();
      await showTab(page, "export");
      await page.click('[data-testid="format"][data-format="xlsx"]');
      await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="download"]').first().click()]);
      await page.click('[data-testid="lang-toggle"]');
      await page.click('[data-testid="theme-toggle"]');
      await page.click('[data-testid="lang-toggle"]');
      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      // Give late requests (favicon, prefetches) a moment.
      await page.waitForTimeout(500);

      const origin = new URL(pageUrl).origin;
      const foreign = requests.filter(
        (url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
      );
      assert.deepEqual(foreign, [], "requests to other origins");
      // The recorder did see the page load itself.
      assert.ok(requests.some((url) => url.endsWith(".wasm")), `no .wasm request in ${requests}`);
      assert.ok(requests.some((url) => url.endsWith(".js")), `no .js request in ${requests}`);

      // Served as application/wasm, so the browser can compile it while it downloads.
      const wasm = responses.find((res) => res.url().endsWith(".wasm"));
      assert.equal(wasm.headers()["content-type"], "application/wasm");
      assert.equal(wasm.status(), 200);

      // A Content-Security-Policy is in force.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("pasted HTML is shown as text and never runs", async () => {
    const { context, page, problems } = await openPage();
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
    try {
      await paste(page, payload);
      await waitForFormCount(page, 0);
      // Time for an injected <img> to fail loading and fire onerror.
      await page.waitForTimeout(500);

      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator("img, script:not([src])").count(), 0);
      assert.equal(await page.inputValue('[data-testid="input"]'), payload);

      // The core quotes the start of the text it could not read; it shows up literally.
      await showTab(page, "problems");
      const diagnostics = await readDiagnostics(page);
      const echoed = diagnostics.filter((d) => d.message.includes("<img"));
      assert.ok(echoed.length > 0, JSON.stringify(diagnostics));
      for (const d of echoed) {
        assert.ok(d.message.includes(`<img src=x onerror="window.__x`), d.message);
      }
      const results = await page.textContent('[data-testid="results"]');
      assert.ok(results.includes("<img src=x"), results);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("works under a sub-path: every request stays under it", { skip: !process.env.KPIFORM_SUBPATH_URL && "KPIFORM_SUBPATH_URL not set" }, async () => {
    const url = process.env.KPIFORM_SUBPATH_URL;
    const { context, page, problems, requests } = await openPage({ url });
    try {
      await paste(page, corpus("003"));
      await waitForFormCount(page, 19);
      await showTab(page, "problems");
      // The rule page resolves under the sub-path.
      const [rulePage] = await Promise.all([
        page.context().waitForEvent("page"),
        page.click('[data-testid="diagnostic"][data-code="A007"] [data-testid="diag-code"]'),
      ]);
      await rulePage.waitForLoadState();
      assert.equal(new URL(rulePage.url()).pathname, "/tools/kpiform/rules/A007.html");
      assert.equal(await rulePage.textContent("h1"), "A007 测算依据金额单位笔误");
      await rulePage.close();
      // An export downloads.
      await showTab(page, "export");
      const [dl] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="download"]').first().click()]);
      assert.equal(dl.suggestedFilename(), "kpiform-cleaned.txt");
      const base = new URL(url);
      const outside = requests.filter((r) => {
        if (r.startsWith("blob:") || r.startsWith("data:")) return false;
        const u = new URL(r);
        return u.origin !== base.origin || !u.pathname.startsWith(base.pathname);
      });
      assert.deepEqual(outside, [], "requests outside the sub-path");
      assert.ok(requests.some((r) => r.endsWith(".wasm")));
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });

  test("markup in every field, indicator cell and export preview stays text", async () => {
    const { context, page, problems } = await openPage();
    const form = [
      "二级项目支出绩效目标申报表",
      '项目编码:\t<img src=x onerror="window.__xss=1">',
      "项目名称:\t<script>window.__xss=2</script>名称",
      '申请单位:\t<svg onload="window.__xss=3">',
      '一级预算单位:\t"><img src=x onerror=window.__xss=4>',
      '实施期限:\t<iframe src="javascript:window.__xss=5">',
      "项目类型:\tjavascript:window.__xss=6",
      '是否新增项目:\t<a href="javascript:window.__xss=7">x</a>',
      "分配方式:\t<style>body{display:none}</style>",
      "项目总金额（中期规划，万元）:\t<b onmouseover=window.__xss=8>1</b>",
      "本年度项目金额（万元）:\t{{7*7}}",
      "政策依据:\t<math><mtext><img src=x onerror=window.__xss=9></mtext></math>",
      "测算依据:\t<details open ontoggle=window.__xss=10>x</details>",
      "年度目标:\t<body onload=window.__xss=11>",
      '长期目标（跨度多年的项目需填）:\t<object data="javascript:window.__xss=12"></object>',
      "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
      "产出\t*数量\t<img src=x onerror=window.__xss=13>\t≥5<script>window.__xss=14</script>\t<svg><script>window.__xss=15</script></svg>",
      "效益\t*社会效益\t&lt;img src=x onerror=window.__xss=16&gt;\t<iframe srcdoc=\"<script>parent.__xss=17</script>\">\t说明",
    ].join("\n");
    const foreign = () =>
      page.evaluate(() => ({
        xss: window.__xss,
        nodes: document.querySelectorAll(
          "img, iframe, object, embed, math, details, style, script:not([src]), [onerror], [onload], [onmouseover], [ontoggle], a[href^='javascript']",
        ).length,
        svgs: [...document.querySelectorAll("svg")].filter((s) => !s.classList.contains("kp")).length,
        hidden: getComputedStyle(document.body).display === "none",
      }));
    const clean = { xss: undefined, nodes: 0, svgs: 0, hidden: false };
    try {
      await paste(page, form);
      await waitForFormCount(page, 1);
      await page.waitForTimeout(300);
      assert.deepEqual(await foreign(), clean);
      for (const tab of ["structure", "problems", "export"]) {
        await showTab(page, tab);
        await page.waitForTimeout(200);
        assert.deepEqual(await foreign(), clean, tab);
      }
      // The structure view shows the cells as the checker read them, as text.
      await showTab(page, "structure");
      const structure = await page.textContent('[data-testid="form-structure"]');
      assert.ok(structure.includes("名称"), structure.slice(0, 200));
      // Every export preview is plain text in a text box; the HTML report's markup escaped.
      await showTab(page, "export");
      for (const id of ["text", "json", "csv", "report", "report-html", "problems"]) {
        await page.click(`[data-testid="format"][data-format="${id}"]`);
        await page.waitForSelector(`[data-testid="format"][data-format="${id}"][aria-checked="true"]`);
        await page.waitForTimeout(100);
        assert.deepEqual(await foreign(), clean, id);
        const preview = await page.inputValue('[data-testid="preview"]');
        assert.ok(preview.length > 0, id);
        if (id === "report-html") assert.ok(!/<img src=x onerror/.test(preview), "the HTML report escapes markup");
      }
      await screenshot(page, "xss-export");
      // Hovering and clicking around triggers nothing either.
      await page.mouse.move(700, 400);
      await showTab(page, "problems");
      await page.locator('[data-testid="diag-location"]').first().click();
      assert.deepEqual(await foreign(), clean);
      assert.deepEqual(await allProblems(page, problems), []);
    } finally {
      await context.close();
    }
  });
});
