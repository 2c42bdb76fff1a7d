// kpiform's checking worker: runs the checker module (compiled by boot.js, sent in the first
// message; `cargo xtask checker` builds it) off the main thread, so that typing never waits for a
// check.
//
// Messages after the first are encoded requests, checks or exports (Uint8Array); each is
// answered with the encoded result, in order (see crates/web/src/worker/). When the module
// cannot be loaded (or the page could not have it: a first message `{ error }`) the worker
// answers `{ error }` and the page checks on its own.
//
// The single file (scripts/single_file.py) runs this script too, up to the loader at the end,
// which it replaces by its own.

const WARM_UP_SLICES = 15;

/** Answer the page's messages; `load(firstMessage)` gives the started module's bindings. */
function serve(load) {
  let ready = null;
  self.onmessage = (event) => {
    if (ready === null) {
      const first = event.data;
      const loaded = first && first.error ? Promise.reject(new Error(first.error)) : load(first);
      ready = loaded.then((kp) => {
        warmUp(kp, WARM_UP_SLICES);
        return kp;
      });
      ready.catch((err) => self.postMessage({ error: String(err) }));
      return;
    }
    const request = event.data;
    ready.then((kp) => {
      const reply = kp.kp_worker_handle(request);
      self.postMessage(reply, [reply.buffer]);
    });
  };
}

// Checks of the example in idle slices, one per task: the engine optimizes the checker before
// the first paste. A request that arrives meanwhile waits for one slice at most (a few
// milliseconds once warm).
function warmUp(kp, slices) {
  if (slices > 0) {
    setTimeout(() => {
      kp.kp_worker_warm_up();
      warmUp(kp, slices - 1);
    }, 5);
  }
}

// The loader: the wasm-bindgen module by its URL, started with the compiled module.
serve(async ({ js, module }) => {
  const kp = await import(js);
  await kp.default({ module_or_path: module });
  return kp;
});
