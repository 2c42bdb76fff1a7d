// kpiform's checking worker: runs the page's own wasm module (compiled by boot.js, sent in the
// first message) off the main thread, so that typing never waits for a check.
//
// Messages after the first are encoded requests, checks or exports (Uint8Array); each is answered with the
// encoded result, in order (see crates/web/src/worker.rs). When the module cannot be loaded the
// worker answers `{ error }` and the page checks on its own.
let ready = null;
const WARM_UP_SLICES = 15;

async function start({ js, module }) {
  const kp = await import(js);
  await kp.default({ module_or_path: module });
  warmUp(kp, WARM_UP_SLICES);
  return kp;
}

// Checks of the example in idle slices, one per task: the engine optimizes the checker before
// the first paste. A request that arrives meanwhile waits for one slice at most (about a
// millisecond once warm).
function warmUp(kp, slices) {
  if (slices > 0) {
    setTimeout(() => {
      kp.kp_worker_warm_up();
      warmUp(kp, slices - 1);
    }, 5);
  }
}

self.onmessage = (event) => {
  if (ready === null) {
    ready = start(event.data);
    ready.catch((err) => self.postMessage({ error: String(err) }));
    return;
  }
  const request = event.data;
  ready.then((kp) => {
    const reply = kp.kp_worker_handle(request);
    self.postMessage(reply, [reply.buffer]);
  });
};
