// Starts the kpiform page.
//
// Trunk would put an inline <script type="module"> into index.html; Trunk.toml replaces it by this
// file (pattern_script) so that the Content-Security-Policy can forbid inline scripts entirely.
// The hashed names of the wasm-bindgen module and of the .wasm file come in data attributes.
const boot = document.querySelector("script[data-kpiform-boot]");
const status = document.getElementById("boot-status");

try {
  const bindings = await import(boot.dataset.js);
  await bindings.default({ module_or_path: boot.dataset.wasm });
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
