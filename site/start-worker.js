// Starting the checking worker: shared by boot.js and the single file (scripts/single_file.py
// inlines this file without its `export`).

/**
 * Let the page (crates/web/src/worker.rs) start checking workers: defines
 * `globalThis.kpiformStartWorker`, which returns a worker running `scriptUrl` that has been
 * sent `firstMessage` (the compiled module, and what the script needs to load it). The first
 * worker starts now, alongside the page, so that it is ready and warm by the time the page asks
 * for it. The page checks on the main thread when the function throws or is missing.
 */
export function offerWorker(scriptUrl, firstMessage, options = {}) {
  // Trusted Types (required by the CSP) guard `new Worker(url)`: this policy lets exactly
  // `scriptUrl` through and nothing else.
  const policy = globalThis.trustedTypes?.createPolicy("kpiform-worker", {
    createScriptURL: (url) => {
      if (url !== scriptUrl) throw new TypeError(`kpiform: unexpected script URL ${url}`);
      return url;
    },
  });
  const spawn = () => {
    const url = policy ? policy.createScriptURL(scriptUrl) : scriptUrl;
    const worker = new Worker(url, { ...options, name: "kpiform-check" });
    worker.postMessage(firstMessage);
    return worker;
  };
  let spare = null;
  try {
    spare = spawn();
  } catch (err) {
    console.warn("kpiform: no checking worker", err);
  }
  globalThis.kpiformStartWorker = () => {
    const worker = spare ?? spawn();
    spare = null;
    return worker;
  };
}
