#!/usr/bin/env python3
"""Build dist/kpiform.html: the whole page in one self-contained file that works when opened from
the file system (file://) with no network — wasm, JavaScript, CSS, icon and rule documentation
inlined. Run after `trunk build --release` (`cargo xtask dist` does both).

The Content-Security-Policy stays strict: the one inline script and the one inline style are
allowed by their SHA-256 hashes, WebAssembly by 'wasm-unsafe-eval', nothing is fetched.
The three wasm modules (the page's, the checker's and the importer's, see `cargo xtask checker`)
are carried as base64 in non-executed data blocks and compiled from bytes once each (the
importer's when the page first opens a file or a pasted table, `kpiformLoadImporter`). The checking worker is
started from a blob: URL holding the checker's wasm-bindgen code as a classic script followed by
site/worker.js with its own loader; it gets the compiled checker in a message
(site/start-worker.js, as on a server). The page runs the same code inside a function when it
must check itself (`kpiformLoadChecker`, as site/boot.js defines it). Only that URL may become a worker (worker-src
blob:, and a Trusted Types policy that lets exactly it through).
Links to rules/CODE.html open the inlined rule page (as a blob: document) in a new tab.

    python3 scripts/single_file.py [DIST]     (default: dist)
"""

import base64
import hashlib
import html
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def attr(tag, name):
    m = re.search(r"\b%s=(\"[^\"]*\"|'[^']*'|[^\s>]+)" % re.escape(name), tag)
    if not m:
        raise SystemExit(f"single_file: no {name} in {tag[:120]}")
    return html.unescape(m.group(1).strip("\"'"))


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# The loader at the end of site/worker.js, replaced: in the single file the module's code is in the
# worker's own script, so it only needs starting.
WORKER_LOADER = """
serve(async ({ module }) => {
  await __wbg_init({ module_or_path: module });
  return { kp_worker_handle, kp_worker_warm_up };
});
"""
LOADER_MARK = "// The loader:"


def main():
    dist = os.path.join(ROOT, sys.argv[1] if len(sys.argv) > 1 else "dist")
    page = open(os.path.join(dist, "index.html"), encoding="utf-8").read()

    boot = re.search(r"<script[^>]*data-kpiform-boot[^>]*>\s*</script>", page).group(0)
    js_path = attr(boot, "data-js")
    wasm_path = attr(boot, "data-wasm")
    checker_js_path = attr(boot, "data-checker-js")
    checker_wasm_path = attr(boot, "data-checker-wasm")
    importer_js_path = attr(boot, "data-importer-js")
    importer_wasm_path = attr(boot, "data-importer-wasm")
    css_tag = re.search(r"<link[^>]*rel=\"?stylesheet\"?[^>]*>", page).group(0)
    icon_tag = re.search(r"<link[^>]*rel=\"?icon\"?[^>]*>", page).group(0)

    read = lambda p: open(os.path.join(dist, p), encoding="utf-8").read()
    glue = read(js_path)
    # The module keeps its code; its exports are not needed once it starts itself.
    glue = re.sub(r"^export \{[^}]*\};\s*$", "", glue, flags=re.M)
    # The checker's code as a classic script (Chromium refuses module workers from blob: URLs of
    # a file:// page), so no exports and no import.meta: for the worker, then the worker's loop;
    # and for the page, inside the function that starts it there.
    checker_glue = read(checker_js_path)
    checker_glue = re.sub(r"^export \{[^}]*\};\s*$", "", checker_glue, flags=re.M)
    checker_src = re.sub(r"^export (?=(async )?(function|class|const|let) )", "", checker_glue, flags=re.M)
    checker_src = checker_src.replace("import.meta.url", "self.location.href")
    worker_src = checker_src
    # The importer's code likewise, inside the function that starts it on first use.
    importer_glue = read(importer_js_path)
    importer_glue = re.sub(r"^export \{[^}]*\};\s*$", "", importer_glue, flags=re.M)
    importer_src = re.sub(r"^export (?=(async )?(function|class|const|let) )", "", importer_glue, flags=re.M)
    importer_src = importer_src.replace("import.meta.url", "self.location.href")
    worker_js = read("worker.js")
    if LOADER_MARK not in worker_js:
        raise SystemExit("single_file: worker.js has no loader to replace")
    worker_src = worker_src + worker_js[: worker_js.index(LOADER_MARK)] + WORKER_LOADER
    if re.search(r"^\s*(import|export)\b|import\.meta", worker_src, flags=re.M):
        raise SystemExit("single_file: the worker's copy of the module is not a classic script")
    if "</script" in worker_src.lower():
        raise SystemExit("single_file: the worker's module contains </script")
    b64 = lambda p: base64.b64encode(open(os.path.join(dist, p), "rb").read()).decode()
    wasm = b64(wasm_path)
    checker_wasm = b64(checker_wasm_path)
    importer_wasm = b64(importer_wasm_path)
    css = read(attr(css_tag, "href"))
    icon = base64.b64encode(open(os.path.join(dist, attr(icon_tag, "href")), "rb").read()).decode()

    # Rule pages, made self-contained (their style inline, their navigation dropped: a blob:
    # document has no neighbours).
    rules_css = read("rules/rules.css")
    rules = []
    for name in sorted(os.listdir(os.path.join(dist, "rules"))):
        if not name.endswith(".html") or name == "index.html":
            continue
        doc = read(os.path.join("rules", name))
        doc = doc.replace('<link rel="stylesheet" href="rules.css">', "<style>" + rules_css + "</style>")
        doc = doc.replace("style-src 'self'", "style-src 'unsafe-inline'")
        doc = re.sub(r"<nav>.*?</nav>\n", "", doc, flags=re.S)
        if "</script" in doc.lower():
            raise SystemExit(f"single_file: {name} cannot be carried in a data block")
        rules.append(f'<script type="text/plain" id="kpiform-rule-{name[:-5]}">{doc}</script>')

    start = """
// kpiform.html: start the page from the inlined wasm; serve rule links from inlined pages.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="rules/"]') : null;
  if (!link) return;
  const code = link.getAttribute("href").slice("rules/".length).replace(/\\.html$/, "");
  const page = document.getElementById("kpiform-rule-" + code);
  if (!page) return;
  event.preventDefault();
  const url = URL.createObjectURL(new Blob([page.textContent], { type: "text/html;charset=utf-8" }));
  window.open(url, "_blank", "noopener");
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}, true);
const compileInlined = (id) => {
  const b64 = document.getElementById(id).textContent;
  return WebAssembly.compile(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
};
// The checker, compiled once alongside the page: for the worker, and for the page itself.
const checker = compileInlined("kpiform-checker-wasm");
checker.catch((err) => console.error("kpiform: the checker could not be loaded", err));
let local = null;
globalThis.kpiformLoadChecker = () => {
  local ??= checker.then(async (module) => {
    // CHECKER_SRC
    await __wbg_init({ module_or_path: module });
    return { kp_worker_handle, kp_worker_warm_up };
  });
  return local;
};
// The importer (files, pasted tables): compiled and started when the page first asks for it.
let importer = null;
globalThis.kpiformLoadImporter = () => {
  importer ??= compileInlined("kpiform-importer-wasm").then(async (module) => {
    // IMPORTER_SRC
    await __wbg_init({ module_or_path: module });
    return { kp_import_file, kp_import_clipboard };
  });
  return importer;
};
try {
  const module = await compileInlined("kpiform-wasm");
  // The checking worker, from the inlined source (see the module's docstring).
  const workerUrl = URL.createObjectURL(
    new Blob([document.getElementById("kpiform-worker-src").textContent], { type: "text/javascript" }),
  );
  offerWorker(workerUrl, checker.then((module) => ({ module })));
  await __wbg_init({ module_or_path: module });
  document.getElementById("boot-status")?.remove();
} catch (err) {
  console.error(err);
  const status = document.getElementById("boot-status");
  if (status) {
    status.classList.add("boot-failed");
    status.textContent = "页面加载失败，请使用新版 Chrome、Edge 或 360/QQ 浏览器（极速模式）打开。 The page failed to load; please use a recent Chromium-based browser. (" + err + ")";
  }
}
"""
    # offerWorker() of site/start-worker.js, shared with the served page.
    start_worker = re.sub(r"^export (?=function )", "", read("start-worker.js"), flags=re.M)
    if "// CHECKER_SRC" not in start:
        raise SystemExit("single_file: no place for the checker's code")
    if "// IMPORTER_SRC" not in start:
        raise SystemExit("single_file: no place for the importer's code")
    script = glue + start_worker + start.replace("// CHECKER_SRC", checker_src).replace(
        "// IMPORTER_SRC", importer_src
    )
    if "</script" in script.lower():
        raise SystemExit("single_file: the module contains </script")
    csp = (
        "default-src 'none'; script-src " + sha256(script) + " 'wasm-unsafe-eval'; style-src " + sha256(css)
        + "; img-src data:; worker-src blob:; base-uri 'none'; form-action 'none'; object-src 'none'; "
        + "require-trusted-types-for 'script'; trusted-types kpiform-worker"
    )

    out = page
    out = re.sub(r'<meta content="[^"]*" http-equiv=Content-Security-Policy>', lambda m: f'<meta content="{csp}" http-equiv=Content-Security-Policy>', out)
    if csp not in out:
        raise SystemExit("single_file: the page's Content-Security-Policy was not found")
    out = out.replace(boot, "")
    out = out.replace(css_tag, "<style>" + css + "</style>")
    out = out.replace(icon_tag, f'<link href="data:image/svg+xml;base64,{icon}" rel=icon>')
    out = re.sub(r"<link[^>]*rel=modulepreload[^>]*>", "", out)
    out = re.sub(r"<link[^>]*rel=preload[^>]*>", "", out)
    tail = (
        f'<script type="application/octet-stream" id="kpiform-wasm">{wasm}</script>'
        + f'<script type="application/octet-stream" id="kpiform-checker-wasm">{checker_wasm}</script>'
        + f'<script type="application/octet-stream" id="kpiform-importer-wasm">{importer_wasm}</script>'
        + f'<script type="text/plain" id="kpiform-worker-src">{worker_src}</script>'
        + "".join(rules)
        + f'<script type="module">{script}</script>'
    )
    out = out.replace("</body>", tail + "</body>")
    for leftover in ("src=./", "href=./", 'src="./', 'href="./'):
        if leftover in out:
            raise SystemExit(f"single_file: a relative reference is left: {leftover}")
    target = os.path.join(dist, "kpiform.html")
    with open(target, "w", encoding="utf-8") as f:
        f.write(out)
    size = os.path.getsize(target)
    print(f"single_file: wrote {target} ({size} bytes, {size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
