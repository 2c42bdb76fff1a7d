//! Checking off the main thread.
//!
//! The page's wasm module runs twice: on the page, and in a dedicated Web Worker that only
//! checks (`site/worker.js` loads the same module, compiled once by `site/boot.js`). The page
//! sends the text and the options; the worker answers with the checked [`Document`] as bytes
//! ([`kpiform_core::wire`]), which the page decodes and renders. Typing therefore never waits
//! for a check, and a check of megabytes does not freeze the tab.
//!
//! At most one check is in flight and one waits: a newer request replaces the waiting one, so
//! a fast typist never queues up stale checks. A check that runs long while a newer one waits
//! (a huge or pathological paste) is abandoned: the worker is terminated and a fresh one started.
//!
//! Where no worker can be started (the single-file build opened from disk, a browser without
//! module workers) or the worker fails, the same check runs on the main thread: slower to
//! type in, never wrong.

use std::cell::RefCell;
use std::rc::Rc;

use kpiform_core::wire::{self, WireError};
use kpiform_core::{Document, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A check running this long is abandoned when a newer one waits.
const ABANDON_AFTER_MS: f64 = 2_000.0;

/// What the page asks the worker.
#[derive(Serialize, Deserialize)]
struct Request {
    id: u64,
    text: String,
    options: Options,
}

/// What the worker answers: the checked document and how long the check took there.
#[derive(Serialize, Deserialize)]
struct Reply {
    id: u64,
    ms: f64,
    doc: Document,
}

// ---------- the worker's side ----------

/// The worker's entry point (called by `site/worker.js` for every message): check the text of
/// an encoded [`Request`] and return the encoded [`Reply`]. An undecodable request (the page and
/// the worker are not the same build) returns an empty array, which the page treats as a failed
/// worker.
#[wasm_bindgen]
pub fn kp_worker_check(request: &[u8]) -> Vec<u8> {
    let Ok(Request { id, text, options }) = wire::from_bytes::<Request>(request) else {
        return Vec::new();
    };
    let start = now();
    let mut doc = kpiform_core::check(&text, &options);
    // Rebuilt by the page from the text; not sent.
    doc.lines = Default::default();
    let ms = now() - start;
    wire::to_bytes(&Reply { id, ms, doc })
}

/// Check the example once, so that the engine optimizes the checker before the first real
/// paste (`site/worker.js` calls this in slices while idle).
#[wasm_bindgen]
pub fn kp_worker_warm_up() {
    thread_local! {
        static TEXT: String = [crate::editor::EXAMPLE; 8].join("\n");
    }
    TEXT.with(|t| kpiform_core::check(t, &Options::default()));
}

/// `performance.now()` on the page or in a worker (`web_sys::window()` is `None` there); 0 in
/// native unit tests.
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

/// True when this module runs in a worker (no `window`): it must not mount the page.
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

// ---------- the page's side ----------

/// A finished check, as the page receives it.
pub struct Checked {
    pub text: String,
    pub doc: Document,
    /// Milliseconds the core's check took (in the worker, or here).
    pub core_ms: f64,
    /// `performance.now()` when the reply arrived; everything after it is main-thread work.
    pub received: f64,
    /// False when the check ran on the main thread.
    pub off_thread: bool,
}

type Done = Box<dyn FnOnce(Checked)>;

struct Job {
    id: u64,
    text: String,
    options: Options,
    done: Done,
}

struct Running {
    job_id: u64,
    text: String,
    options: Options,
    done: Done,
    since: f64,
}

#[derive(Default)]
struct Checker {
    /// `None` before the first check, and for good once no worker could be used.
    worker: Option<web_sys::Worker>,
    /// No worker can be started here (or it failed): check on the main thread.
    unavailable: bool,
    running: Option<Running>,
    waiting: Option<Job>,
    /// Event handlers of the current worker, kept alive with it.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static CHECKER: Rc<RefCell<Checker>> = Rc::new(RefCell::new(Checker::default()));
}

/// Check `text` off the main thread and call `done` with the result, unless a newer
/// [`check`] replaces this one first (then `done` is dropped uncalled). Without a worker,
/// checks here and calls `done` before returning.
pub fn check(id: u64, text: String, options: Options, done: impl FnOnce(Checked) + 'static) {
    let job = Job {
        id,
        text,
        options,
        done: Box::new(done),
    };
    let run_here = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        if c.unavailable || (c.worker.is_none() && !c.start()) {
            return Some(job);
        }
        if let Some(running) = &c.running {
            if now() - running.since > ABANDON_AFTER_MS {
                // The worker is busy with an outdated check that takes long: start afresh.
                web_sys::console::warn_1(&"kpiform: abandoning a long check".into());
                c.stop();
                if !c.start() {
                    return Some(job);
                }
            } else {
                c.waiting = Some(job);
                return None;
            }
        }
        c.send(job)
    });
    if let Some(job) = run_here {
        check_here(job);
    }
}

/// Drop any check in flight or waiting: the page has checked on its own since.
pub fn cancel() {
    CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        c.waiting = None;
        if let Some(running) = &mut c.running {
            // Its answer is still awaited (the worker is busy until then), but nobody wants it.
            running.done = Box::new(|_| {});
        }
    });
}

/// Start the worker early (at page start), so that it is ready by the first paste.
pub fn prepare() {
    CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        if c.worker.is_none() && !c.unavailable {
            c.start();
        }
    });
}

/// Whether checks run off the main thread (for the page's status and the tests).
pub fn off_thread() -> bool {
    CHECKER.with(|c| {
        let c = c.borrow();
        c.worker.is_some() && !c.unavailable
    })
}

fn check_here(job: Job) {
    let start = now();
    let doc = kpiform_core::check(&job.text, &job.options);
    let end = now();
    (job.done)(Checked {
        text: job.text,
        doc,
        core_ms: end - start,
        received: end,
        off_thread: false,
    });
}

impl Checker {
    /// Start a worker through `site/boot.js`'s `kpiformStartWorker` (which knows the URLs, the
    /// compiled module and the Trusted Types policy). False, and checks stay on the main thread,
    /// where there is none.
    fn start(&mut self) -> bool {
        let worker = js_sys::Reflect::get(&js_sys::global(), &"kpiformStartWorker".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&JsValue::NULL).ok())
            .and_then(|w| w.dyn_into::<web_sys::Worker>().ok());
        let Some(worker) = worker else {
            self.unavailable = true;
            return false;
        };
        let on_message =
            Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| on_message(e.unchecked_into()));
        let on_error = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
            web_sys::console::error_2(&"kpiform: the checking worker failed".into(), &e);
            fail();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        self.handlers = vec![on_message, on_error];
        self.worker = Some(worker);
        true
    }

    fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.set_onmessageerror(None);
            w.terminate();
        }
        self.handlers.clear();
        self.running = None;
    }

    /// Post `job` to the worker. Gives it back when that fails (the caller checks it here,
    /// outside the borrow of the checker: `done` may call back into this module).
    fn send(&mut self, job: Job) -> Option<Job> {
        let Some(worker) = &self.worker else {
            return Some(job);
        };
        let Job {
            id,
            text,
            options,
            done,
        } = job;
        let request = Request { id, text, options };
        let bytes = js_sys::Uint8Array::from(wire::to_bytes(&request).as_slice());
        let Request { text, options, .. } = request;
        let transfer = js_sys::Array::of1(&bytes.buffer());
        if worker
            .post_message_with_transfer(&bytes, &transfer)
            .is_err()
        {
            self.stop();
            self.unavailable = true;
            return Some(Job {
                id,
                text,
                options,
                done,
            });
        }
        self.running = Some(Running {
            job_id: id,
            text,
            options,
            done,
            since: now(),
        });
        None
    }
}

/// The worker answered.
fn on_message(event: web_sys::MessageEvent) {
    let received = now();
    let Some(bytes) = event
        .data()
        .dyn_ref::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
    else {
        // worker.js posts `{error}` when it could not load the module.
        web_sys::console::error_2(&"kpiform: the checking worker failed".into(), &event.data());
        fail();
        return;
    };
    // Send the waiting check first: the worker works on it while this one is rendered.
    let (running, unsent) = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        let running = c.running.take();
        let unsent = c.waiting.take().and_then(|job| c.send(job));
        (running, unsent)
    });
    if let Some(job) = unsent {
        check_here(job);
    }
    let Some(running) = running else {
        return;
    };
    match decode(&bytes, &running) {
        Ok((doc, core_ms)) => (running.done)(Checked {
            text: running.text,
            doc,
            core_ms,
            received,
            off_thread: true,
        }),
        Err(e) => {
            web_sys::console::error_1(&format!("kpiform: {e}").into());
            fail_with(Some(running));
        }
    }
}

fn decode(bytes: &[u8], running: &Running) -> Result<(Document, f64), WireError> {
    let reply: Reply = wire::from_bytes(bytes)?;
    if reply.id != running.job_id {
        return Err(WireError(format!(
            "answer {} to request {}",
            reply.id, running.job_id
        )));
    }
    let mut doc = reply.doc;
    doc.lines = kpiform_core::LineIndex::new(&running.text);
    Ok((doc, reply.ms))
}

/// The worker is unusable: check on the main thread from now on, starting with what it had.
fn fail() {
    let running = CHECKER.with(|c| c.borrow_mut().running.take());
    fail_with(running);
}

fn fail_with(running: Option<Running>) {
    let waiting = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        c.stop();
        c.unavailable = true;
        c.waiting.take()
    });
    // The newest request wins; the one in flight only matters when none waits.
    let job = waiting.or(running.map(|r| Job {
        id: r.job_id,
        text: r.text,
        options: r.options,
        done: r.done,
    }));
    if let Some(job) = job {
        check_here(job);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_answered_with_the_checked_document() {
        let text = crate::editor::EXAMPLE.to_string();
        let request = wire::to_bytes(&Request {
            id: 7,
            text: text.clone(),
            options: Options::default(),
        });
        let reply: Reply = wire::from_bytes(&kp_worker_check(&request)).unwrap();
        assert_eq!(reply.id, 7);
        let here = kpiform_core::check(&text, &Options::default());
        assert_eq!(reply.doc.forms, here.forms);
        assert_eq!(reply.doc.diagnostics, here.diagnostics);
        assert!(!reply.doc.forms.is_empty());
    }

    #[test]
    fn a_foreign_request_gets_an_empty_answer() {
        assert!(kp_worker_check(&[0xff, 0xff, 0xff]).is_empty());
    }
}
