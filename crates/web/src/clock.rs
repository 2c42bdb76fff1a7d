//! The clock, for the page and the checker alike (no view in it).

use wasm_bindgen::JsCast;

/// Milliseconds since the page (or the checking worker) started: `performance.now()`, read
/// from the global object, since a worker has no `window`. 0 in native unit tests.
pub fn now() -> f64 {
    if !cfg!(target_arch = "wasm32") {
        return 0.0;
    }
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
