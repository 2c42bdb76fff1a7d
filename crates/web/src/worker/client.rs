//! The page's side of the checking worker: requests, coalescing, abandoning, and the fallback
//! to the main thread.
//!
//! One request is in flight at a time, and at most one check and one export wait (a check goes
//! first): a newer request replaces the waiting one of its kind, so a fast typist never queues
//! up stale checks. A request that runs long while a newer one of its kind waits (a huge or
//! pathological paste) is abandoned: the worker is terminated and a fresh one started.
//!
//! `kpiform.html` (the single file) starts the same worker from a blob: URL
//! (`scripts/single_file.py`). Where no worker can be started (a browser without workers) or
//! the worker fails, the same work runs on the main thread: slower to type in, never wrong. A
//! page built without the checker (feature `page` alone) runs the checker module there
//! ([`super::local`]), loaded once the page is idle.

use std::cell::RefCell;
use std::rc::Rc;

use kpiform_core::export::{ExportFile, ExportOptions, Format};
use kpiform_core::wire::{self, WireError};
use kpiform_core::{Document, Options};
use leptos::prelude::request_idle_callback;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Outcome, Reply, Request, Task};
use crate::dom;

/// A request running this long is abandoned when a newer one comes (its answer would be
/// dropped anyway): starting a fresh worker from the compiled module takes far less.
const ABANDON_AFTER_MS: f64 = 500.0;

/// The outcome of a request, as the page receives it.
pub struct Answer<T> {
    /// The text the request was about.
    pub text: String,
    pub outcome: T,
    /// Milliseconds the work took (in the worker, or here).
    pub ms: f64,
    /// `performance.now()` when the answer arrived: what follows is main-thread work.
    pub received: f64,
    /// False when the work ran on the main thread.
    pub off_thread: bool,
    /// The request went to the worker as an edit of the text of request `.0`: where the text
    /// differs from that one (`start`, `old_end`, `new_end` as [`kpiform_core::difference`]
    /// gives them, at character boundaries).
    pub edit_of: Option<(u64, (usize, usize, usize))>,
}

impl<T> Answer<Option<T>> {
    /// The answer with its outcome, or the text back when there is none.
    fn transpose(self) -> Result<Answer<T>, String> {
        match self.outcome {
            Some(outcome) => Ok(Answer {
                outcome,
                text: self.text,
                ms: self.ms,
                received: self.received,
                off_thread: self.off_thread,
                edit_of: self.edit_of,
            }),
            None => Err(self.text),
        }
    }
}

impl<T> Answer<T> {
    fn map<U>(self, f: impl FnOnce(T) -> Option<U>) -> Option<Answer<U>> {
        Some(Answer {
            outcome: f(self.outcome)?,
            text: self.text,
            ms: self.ms,
            received: self.received,
            off_thread: self.off_thread,
            edit_of: self.edit_of,
        })
    }
}

/// What the worker answers to a check: the document, or a patch of the one the request named.
pub enum CheckResult {
    Whole(Document),
    Patch(kpiform_core::wire::Patch),
}

/// A finished check of the worker (or here).
pub type Answered = Answer<CheckResult>;

type Done = Box<dyn FnOnce(Answer<Outcome>)>;

/// One request of the page, and what to do with the outcome.
struct Job {
    request: Request,
    done: Done,
}

impl Job {
    fn is_check(&self) -> bool {
        matches!(self.request.task, Task::Check(..))
    }
}

struct Running {
    job: Job,
    since: f64,
    /// It went as an edit ([`Answer::edit_of`]).
    edit_of: Option<(u64, (usize, usize, usize))>,
}

#[derive(Default)]
struct Checker {
    /// `None` before the first request, and for good once no worker could be used.
    worker: Option<web_sys::Worker>,
    /// No worker can be started here (or it failed): work on the main thread.
    unavailable: bool,
    running: Option<Running>,
    /// The newest check and the newest export not sent yet (a check goes first).
    waiting_check: Option<Job>,
    waiting_export: Option<Job>,
    /// Event handlers of the current worker, kept alive with it.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
    /// The last check sent to the current worker, and its text: the next is sent as an edit
    /// of it.
    sent: Option<(u64, String)>,
}

thread_local! {
    static CHECKER: Rc<RefCell<Checker>> = Rc::new(RefCell::new(Checker::default()));
}

/// Check `text` off the main thread and call `done` with the result, unless a newer
/// [`check`] replaces this one first (then `done` is dropped uncalled). Without a worker,
/// checks here and calls `done` before returning. `base`: the check whose document the page
/// holds, when it came from the worker; the answer may then be a patch of it.
pub fn check(
    id: u64,
    text: String,
    options: Options,
    base: Option<u64>,
    done: impl FnOnce(Answered) + 'static,
) {
    let task = Task::Check(options, base);
    submit(Job {
        request: Request { id, text, task },
        done: Box::new(move |answer| {
            if let Some(checked) = answer.map(Outcome::check_result) {
                done(checked)
            }
        }),
    });
}

/// Export `text` in `format` off the main thread and call `done` with the files, unless a
/// newer [`export`] replaces this one first. Without a worker, exports here.
pub fn export(
    id: u64,
    text: String,
    format: Format,
    options: ExportOptions,
    done: impl FnOnce(Vec<ExportFile>) + 'static,
) {
    let task = Task::Export(format, options);
    submit(Job {
        request: Request { id, text, task },
        done: Box::new(move |answer| {
            if let Some(files) = answer.outcome.exported() {
                done(files)
            }
        }),
    });
}

/// Do a task off the main thread (or here) and call `done` with what `pick` takes of the
/// outcome. It waits as an export does: a newer export or review task replaces it while it waits.
fn ask<T: 'static>(
    id: u64,
    text: String,
    task: Task,
    pick: fn(Outcome) -> Option<T>,
    done: impl FnOnce(T) + 'static,
) {
    submit(Job {
        request: Request { id, text, task },
        done: Box::new(move |answer| {
            if let Some(x) = pick(answer.outcome) {
                done(x)
            }
        }),
    });
}

/// The review file of `text` (the forms) with the rest of the review.
pub fn save_review(
    id: u64,
    text: String,
    save: super::SaveReview,
    done: impl FnOnce(Vec<ExportFile>) + 'static,
) {
    let task = Task::SaveReview(Box::new(save));
    ask(id, text, task, Outcome::exported, done);
}

/// Read a review file.
pub fn open_review(
    id: u64,
    bytes: Vec<u8>,
    done: impl FnOnce(Result<super::OpenedReview, kpiform_core::NotAReview>) + 'static,
) {
    ask(
        id,
        String::new(),
        Task::OpenReview(bytes),
        Outcome::opened,
        done,
    );
}

/// Compare `text` (a resubmission) with `earlier`.
pub fn compare(
    id: u64,
    text: String,
    earlier: String,
    options: Options,
    done: impl FnOnce(Vec<super::Compared>) + 'static,
) {
    let task = Task::Compare(earlier, options);
    ask(id, text, task, Outcome::compared, done);
}

fn submit(job: Job) {
    let run_here: Vec<Job> = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        if c.unavailable || (c.worker.is_none() && !c.start()) {
            return vec![job];
        }
        if let Some(running) = &c.running {
            // A request that runs long is abandoned for a newer one of its kind, and an
            // export for a check (the results the user looks at come first).
            let long = dom::now() - running.since > ABANDON_AFTER_MS;
            if !(long && (job.is_check() || !running.job.is_check())) {
                if job.is_check() {
                    c.waiting_check = Some(job);
                } else {
                    c.waiting_export = Some(job);
                }
                return Vec::new();
            }
            web_sys::console::warn_1(&"kpiform: abandoning a long request".into());
            let abandoned = c.running.take().map(|r| r.job);
            c.stop();
            if job.is_check() {
                c.waiting_check = None;
                // An export abandoned for a check is made again after it, unless a newer one
                // waits.
                if let Some(export) = abandoned.filter(|j| !j.is_check()) {
                    c.waiting_export.get_or_insert(export);
                }
            } else {
                c.waiting_export = None;
            }
            if !c.start() {
                let waiting = [c.waiting_check.take(), c.waiting_export.take()];
                return [Some(job)].into_iter().chain(waiting).flatten().collect();
            }
        }
        c.send(job).into_iter().collect()
    });
    for job in run_here {
        run_here_now(job);
    }
}

/// Drop any check in flight or waiting: the page has checked on its own since.
pub fn cancel() {
    CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        c.waiting_check = None;
        if let Some(running) = c.running.as_mut().filter(|r| r.job.is_check()) {
            // Its answer is still awaited (the worker is busy until then), but nobody wants it.
            running.job.done = Box::new(|_| {});
        }
    });
}

/// Start the worker early (at page start), so that it is ready by the first paste; it warms
/// its checker up itself. Without one, warm up the checker here while the page is idle:
/// WebAssembly starts in a baseline compiler and optimizes functions once they have run a
/// while, so the first real check is faster.
pub fn prepare() {
    CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        if c.worker.is_none() && !c.unavailable {
            c.start();
        }
    });
    fn warm_up(rounds: usize) {
        if rounds == 0 {
            return;
        }
        here::warm_up();
        request_idle_callback(move || warm_up(rounds - 1));
    }
    // The checker on the main thread too, for edits the page makes (`check_now`).
    request_idle_callback(|| {
        here::when_ready(|ready| {
            if ready && !off_thread() {
                warm_up(8);
            }
        })
    });
}

/// Whether checks run off the main thread.
pub fn off_thread() -> bool {
    CHECKER.with(|c| {
        let c = c.borrow();
        c.worker.is_some() && !c.unavailable
    })
}

/// Check `text` here, on the main thread, and drop any check in flight or waiting: the page
/// needs results that match the text box before it goes on. The text back when the checker is
/// not here yet (a page without it, in its first moments): check it the usual way.
pub fn check_now(text: String, options: Options) -> Result<Answered, String> {
    if !here::is_ready() {
        return Err(text);
    }
    cancel();
    let task = Task::Check(options, None);
    timed(text, |t| {
        here::run(0, t, &task).and_then(Outcome::check_result)
    })
    .transpose()
}

/// Do a job on the main thread: now, or once the checker is here.
fn run_here_now(job: Job) {
    here::when_ready(move |ready| {
        let Job { request, done } = job;
        if !ready {
            web_sys::console::error_1(&"kpiform: no checker could be started".into());
            return;
        }
        // Here the document comes whole (the page's is not this checker's).
        let task = match request.task {
            Task::Check(options, _) => Task::Check(options, None),
            task => task,
        };
        if let Ok(answer) = timed(request.text, |t| here::run(request.id, t, &task)).transpose() {
            done(answer);
        }
    });
}

/// The checker on the main thread: this module's own (a page built with it), or the checker
/// module started here ([`super::local`]).
#[cfg(feature = "checker")]
mod here {
    use super::super::{Outcome, Task};

    pub fn is_ready() -> bool {
        true
    }

    pub fn when_ready(then: impl FnOnce(bool) + 'static) {
        then(true)
    }

    pub fn run(id: u64, text: &str, task: &Task) -> Option<Outcome> {
        Some(super::super::run(id, text, task))
    }

    pub fn warm_up() {
        super::super::warm_up();
    }
}

#[cfg(not(feature = "checker"))]
use super::local as here;

/// Do `work` on `text` here, on the main thread, and time it.
fn timed<T>(text: String, work: impl FnOnce(&str) -> T) -> Answer<T> {
    let start = dom::now();
    let outcome = work(&text);
    let end = dom::now();
    Answer {
        text,
        outcome,
        ms: end - start,
        received: end,
        off_thread: false,
        edit_of: None,
    }
}

impl Checker {
    /// Start a worker through `site/boot.js`'s `kpiformStartWorker` (which knows the URLs, the
    /// compiled module and the Trusted Types policy). False, and the work stays on the main
    /// thread, where there is none.
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
        self.sent = None;
    }

    /// Post `job` to the worker. Gives it back when that fails (the caller runs it here,
    /// outside the borrow of the checker: `done` may call back into this module).
    fn send(&mut self, job: Job) -> Option<Job> {
        let Some(worker) = &self.worker else {
            return Some(job);
        };
        let request = &job.request;
        // A check of a text that differs from the last one sent in a part of it goes as that
        // part (typing in megabytes sends bytes).
        let edit = match (&request.task, &self.sent) {
            (Task::Check(options, base), Some((of, old))) => {
                let edit = super::Edit::between(*of, old, &request.text);
                let range = (edit.start, edit.old_end, edit.start + edit.with.len());
                (edit.with.len() < request.text.len() / 2).then(|| {
                    let task = Task::CheckEdit(options.clone(), *base, edit);
                    let request = Request {
                        id: request.id,
                        text: String::new(),
                        task,
                    };
                    (request, (*of, range))
                })
            }
            _ => None,
        };
        let bytes = wire::to_bytes(edit.as_ref().map_or(request, |(r, _)| r));
        let bytes = js_sys::Uint8Array::from(bytes.as_slice());
        let transfer = js_sys::Array::of1(&bytes.buffer());
        if worker
            .post_message_with_transfer(&bytes, &transfer)
            .is_err()
        {
            self.stop();
            self.unavailable = true;
            return Some(job);
        }
        if job.is_check() {
            self.sent = Some((job.request.id, job.request.text.clone()));
        }
        self.running = Some(Running {
            job,
            since: dom::now(),
            edit_of: edit.map(|(_, of)| of),
        });
        None
    }

    /// The next request to send: the newest check, else the newest export.
    fn next(&mut self) -> Option<Job> {
        self.waiting_check
            .take()
            .or_else(|| self.waiting_export.take())
    }
}

/// The worker answered.
fn on_message(event: web_sys::MessageEvent) {
    let received = dom::now();
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
    // Send the next request first: the worker works on it while this answer is rendered.
    let (running, unsent) = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        let running = c.running.take();
        let unsent = c.next().and_then(|job| c.send(job));
        (running, unsent)
    });
    if let Some(job) = unsent {
        run_here_now(job);
    }
    let Some(Running { job, edit_of, .. }) = running else {
        return;
    };
    match decode(&bytes, &job) {
        Ok((Outcome::Resend, _)) => resend(job),
        Ok((outcome, ms)) => (job.done)(Answer {
            text: job.request.text,
            outcome,
            ms,
            received,
            off_thread: true,
            edit_of,
        }),
        Err(e) => {
            web_sys::console::error_1(&format!("kpiform: {e}").into());
            fail_with(Some(job));
        }
    }
}

/// The worker could not take a check as an edit: send it whole, unless a newer check is on
/// its way.
fn resend(job: Job) {
    let unsent = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        c.sent = None;
        let newer =
            c.waiting_check.is_some() || c.running.as_ref().is_some_and(|r| r.job.is_check());
        if !newer {
            c.waiting_check = Some(job);
        }
        match c.running {
            Some(_) => None,
            None => c.next().and_then(|job| c.send(job)),
        }
    });
    if let Some(job) = unsent {
        run_here_now(job);
    }
}

fn decode(bytes: &[u8], job: &Job) -> Result<(Outcome, f64), WireError> {
    let reply: Reply = wire::from_bytes(bytes)?;
    let id = job.request.id;
    let checked = matches!(
        reply.result,
        Outcome::Checked(_) | Outcome::Patched(_) | Outcome::Resend
    );
    if reply.id != id || job.is_check() != checked {
        return Err(WireError(format!("answer {} to request {id}", reply.id)));
    }
    let outcome = match reply.result {
        Outcome::Checked(mut doc) => {
            wire::restore(&mut doc, &job.request.text);
            Outcome::Checked(doc)
        }
        exported => exported,
    };
    Ok((outcome, reply.ms))
}

/// The worker is unusable: work on the main thread from now on, starting with what it had.
fn fail() {
    let running = CHECKER.with(|c| c.borrow_mut().running.take());
    fail_with(running.map(|r| r.job));
}

fn fail_with(running: Option<Job>) {
    // The newest request of each kind: one waiting, else one sent after `running` (the next
    // request goes out before an answer is read), else `running`.
    let (mut check, mut export, sent) = CHECKER.with(|c| {
        let mut c = c.borrow_mut();
        let sent = c.running.take().map(|r| r.job);
        c.stop();
        c.unavailable = true;
        (c.waiting_check.take(), c.waiting_export.take(), sent)
    });
    for job in [sent, running].into_iter().flatten() {
        if job.is_check() {
            check.get_or_insert(job);
        } else {
            export.get_or_insert(job);
        }
    }
    for job in [check, export].into_iter().flatten() {
        run_here_now(job);
    }
}
