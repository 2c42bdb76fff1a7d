// Starts the kpiform page.
//
// Trunk would put an inline <script type="module"> into index.html; Trunk.toml replaces it by this
// file (pattern_script) so that the Content-Security-Policy can forbid inline scripts entirely.
// The hashed names of the wasm-bindgen modules and of their .wasm files come in data attributes:
// the page's (data-js, data-wasm), the checker's (data-checker-js, data-checker-wasm) and the
// importer's (data-importer-js, data-importer-wasm; see `cargo xtask checker`).
//
// Two modules: the page (views and state), which starts at once, and the checker (the core's check
// and exports), which is fetched and compiled alongside and used twice: by the checking worker
// (worker.js), which gets the compiled module in a message instead of downloading it again, and by
// the page when it must check itself (`kpiformLoadChecker`). A third, the importer (workbooks,
// Word documents, web pages and pasted tables read into text), is fetched only when the page first
// asks for it (`kpiformLoadImporter`): when a file is opened or a table pasted.
const boot = document.querySelector("script[data-kpiform-boot]");
const status = document.getElementById("boot-status");

const url = (path) => new URL(path, document.baseURI).href;
const jsUrl = url(boot.dataset.js);
const checkerJsUrl = url(boot.dataset.checkerJs);
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

// The checker: compiled once, while the page starts.
const checker = compile(boot.dataset.checkerWasm);
checker.catch((err) => console.error("kpiform: the checker could not be loaded", err));

/** The checker's bindings on the page (crates/web/src/worker/local.rs), started once. */
let local = null;
globalThis.kpiformLoadChecker = () => {
  local ??= Promise.all([import(checkerJsUrl), checker]).then(async ([kp, module]) => {
    await kp.default({ module_or_path: module });
    return kp;
  });
  return local;
};

/** The importer's bindings (crates/web/src/importer.rs), fetched and started on first use. */
let importer = null;
globalThis.kpiformLoadImporter = () => {
  importer ??= Promise.all([import(url(boot.dataset.importerJs)), compile(boot.dataset.importerWasm)])
    .then(async ([kp, module]) => {
      await kp.default({ module_or_path: module });
      return kp;
    })
    .catch((err) => {
      importer = null; // a later file may try again
      throw err;
    });
  return importer;
};

try {
  const [bindings, module, { offerWorker }] = await Promise.all([
    import(jsUrl),
    compile(boot.dataset.wasm),
    import("./start-worker.js"),
  ]);
  offerWorker(workerUrl, checker.then((module) => ({ js: checkerJsUrl, module })), { type: "module" });
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
