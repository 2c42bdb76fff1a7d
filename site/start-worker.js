// Starting the checking worker: shared by boot.js and the single file (scripts/single_file.py
// inlines this file without its `export`).

/**
 * Let the page (crates/web/src/worker.rs) start checking workers: defines
 * `globalThis.kpiformStartWorker`, which returns a worker running `scriptUrl` that is sent
 * `firstMessage` (the compiled checker module, and what the script needs to load it; a value or
 * a promise of one). The first
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
  // The first message once known (it may be a promise).
  let first = null;
  const pending = Promise.resolve(firstMessage);
  pending.then((m) => (first = m), () => {});
  const spawn = () => {
    const url = policy ? policy.createScriptURL(scriptUrl) : scriptUrl;
    const worker = new Worker(url, { ...options, name: "kpiform-check" });
    if (first !== null) {
      worker.postMessage(first);
      return worker;
    }
    // The first message is still coming (the checker module compiles meanwhile): what the page
    // posts until then waits behind it. A module that cannot be had is the worker's error.
    const post = worker.postMessage.bind(worker);
    const queue = [];
    worker.postMessage = (message, transfer) => queue.push([message, transfer]);
    const flush = (message) => {
      delete worker.postMessage;
      post(message);
      for (const [m, t] of queue) post(m, t);
    };
    pending.then(flush, (err) => flush({ error: String(err) }));
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
