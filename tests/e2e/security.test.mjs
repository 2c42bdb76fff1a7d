// The page talks to no one but its own origin, and pasted markup never runs.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  allProblems,
  corpus,
  launch,
  openPage,
  pageUrl,
  paste,
  readDiagnostics,
  showTab,
  waitForFormCount,
} from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe("security", () => {
  test("every request goes to the page's own origin", async () => {
    const { context, page, problems, requests, responses } = await openPage(browser);
    try {
      await paste(page, corpus("000"));
      await waitForFormCount(page, 11);
      await page.click('[data-testid="lang-toggle"]');
      await page.click('[data-testid="lang-toggle"]');
      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="empty-state"]');
      // Give late requests (favicon, prefetches) a moment.
      await page.waitForTimeout(500);

      const origin = new URL(pageUrl).origin;
      const foreign = requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
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
    const { context, page, problems } = await openPage(browser);
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
});
