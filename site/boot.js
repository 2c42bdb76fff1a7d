// Starts the kpiform page.
//
// Trunk would put an inline <script type="module"> into index.html; Trunk.toml replaces it by this
// file (pattern_script) so that the Content-Security-Policy can forbid inline scripts entirely.
// The hashed names of the wasm-bindgen module and of the .wasm file come in data attributes.
//
// The wasm module is compiled here once and used twice: by the page, and by the checking worker
// (worker.js), which gets the compiled module in a message instead of downloading it again.
const boot = document.querySelector("script[data-kpiform-boot]");
const status = document.getElementById("boot-status");

const jsUrl = new URL(boot.dataset.js, document.baseURI).href;
const workerUrl = new URL("worker.js", import.meta.url).href;

/** The compiled module; streaming compilation needs the server to send application/wasm. */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "";
  return type.startsWith("application/wasm")
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

try {
  const [bindings, module, { offerWorker }] = await Promise.all([
    import(jsUrl),
    compile(boot.dataset.wasm),
    import("./start-worker.js"),
  ]);
  offerWorker(workerUrl, { js: jsUrl, module }, { type: "module" });
  await bindings.default({ module_or_path: module });
  status?.remove();
  // The page is mounted and answers input from here on (tests/e2e/measure.mjs reads this).
  performance.mark("kp-interactive");
} catch (err) {
  console.error(err);
  if (status) {
    status.classList.add("boot-failed");
    status.textContent =
      "页面加载失败，请使用新版 Chrome、Edge 或 Firefox 打开。" +
      " The page failed to load; please use a recent Chrome, Edge or Firefox. (" + err + ")";
  }
}
